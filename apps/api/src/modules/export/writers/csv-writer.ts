import { Readable } from 'node:stream';
import type { AggregateValue } from '@caseload/contracts';
import { neutraliseFormula } from '../../../common/csv-cell.js';
import type { ExportSink } from '../export-sink.js';
import type { ExportColumn, ExportTable, RowBatch } from '../export-table.js';

const ROWS_PER_CHUNK = 2_000;

/** A label as a CSV field: RFC 4180 quoting where it needs it. */
export function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number as plain text with a dot decimal, never in exponent form. */
export function plainNumber(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

function cell(value: AggregateValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return plainNumber(value);
  return field(neutraliseFormula(value));
}

function headerLine(columns: readonly ExportColumn[], bom: boolean): string {
  return `${bom ? '\uFEFF' : ''}${columns.map((column) => field(neutraliseFormula(column.key))).join(',')}\r\n`;
}

/** One row as a CSV line, without its line end. */
export function csvLine(row: readonly AggregateValue[]): string {
  return row.map(cell).join(',');
}

function lines(rows: readonly AggregateValue[][]): string {
  let text = '';
  for (const row of rows) text += `${csvLine(row)}\r\n`;
  return text;
}

function* csvChunks(table: ExportTable, bom: boolean): Generator<string> {
  yield headerLine(table.columns, bom);
  const rows = table.totals === null ? table.rows : [...table.rows, table.totals];
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    yield lines(rows.slice(start, start + ROWS_PER_CHUNK));
  }
}

/** RFC 4180, UTF-8: a header of column keys, the rows, then the totals row; blanked cells are empty. */
export function csvStream(table: ExportTable, bom: boolean): Readable {
  return Readable.from(csvChunks(table, bom), { objectMode: false });
}

/**
 * The same file from batches of rows as the database hands them over, written to the sink batch
 * by batch (the totals row last, when there is one); answers the rows written.
 */
export async function writeCsv(columns: readonly ExportColumn[], batches: AsyncIterable<RowBatch>, totals: AggregateValue[] | null, bom: boolean, sink: ExportSink): Promise<number> {
  let rows = 0;
  await sink.write(headerLine(columns, bom));
  for await (const batch of batches) {
    rows += batch.length;
    await sink.write(lines(batch));
  }
  if (totals !== null) await sink.write(lines([totals]));
  return rows;
}

/**
 * The same file from batches of lines already written as CSV (by PostgreSQL, see
 * buildCsvStreamSql): the header, the lines with CRLF ends, the totals row; answers the rows written.
 */
export async function writeCsvLines(columns: readonly ExportColumn[], batches: AsyncIterable<string[]>, totals: AggregateValue[] | null, bom: boolean, sink: ExportSink): Promise<number> {
  let rows = 0;
  await sink.write(headerLine(columns, bom));
  for await (const batch of batches) {
    rows += batch.length;
    await sink.write(`${batch.join('\r\n')}\r\n`);
  }
  if (totals !== null) await sink.write(lines([totals]));
  return rows;
}
