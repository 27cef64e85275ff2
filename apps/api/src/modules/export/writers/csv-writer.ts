import { Readable } from 'node:stream';
import type { AggregateValue } from '@caseload/contracts';
import { neutraliseFormula } from '../../../common/csv-cell.js';
import type { ExportSink } from '../export-sink.js';
import { columnBatchOf, columnKinds, isNull, type ColumnBatch } from '../export-columns.js';
import type { ExportColumn, ExportTable } from '../export-table.js';
import { TextBytes } from './text-bytes.js';

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

/** Cells a row, as the export's columns hold them, for the writer below. */
function columnsOf(columns: readonly ExportColumn[], rows: readonly AggregateValue[][]): ColumnBatch {
  return columnBatchOf(columnKinds(columns), rows);
}

const COMMA = Buffer.from(',');
const CRLF = Buffer.from('\r\n');

/**
 * A batch's lines, CRLF after each, as bytes (see TextBytes): a label as `field(neutraliseFormula())`
 * writes it, a number as plainNumber does, an empty field for a null. `out` is reused: the bytes
 * are valid until its next reset.
 */
function batchLines(batch: ColumnBatch, out: TextBytes): Buffer {
  out.reset();
  for (let row = 0; row < batch.length; row++) {
    for (let c = 0; c < batch.columns.length; c++) {
      if (c > 0) out.raw(COMMA);
      const column = batch.columns[c]!;
      if (isNull(column, row)) continue;
      if (column.kind === 'number') out.number(column.values[row]!, plainNumber);
      else out.csvField(column.bytes, column.offsets[row]!, column.offsets[row + 1]!);
    }
    out.raw(CRLF);
  }
  return out.view();
}

function* csvChunks(table: ExportTable, bom: boolean): Generator<Buffer | string> {
  yield headerLine(table.columns, bom);
  const rows = table.totals === null ? table.rows : [...table.rows, table.totals];
  const out = new TextBytes();
  // Each chunk its own copy: the stream holds on to what it is given.
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) yield Buffer.from(batchLines(columnsOf(table.columns, rows.slice(start, start + ROWS_PER_CHUNK)), out));
}

/** RFC 4180, UTF-8: a header of column keys, the rows, then the totals row; blanked cells are empty. */
export function csvStream(table: ExportTable, bom: boolean): Readable {
  return Readable.from(csvChunks(table, bom), { objectMode: false });
}

/**
 * The same file from batches of columns (see CopyColumnReader), written to the sink batch by
 * batch (the totals row last, when there is one); answers the rows written.
 */
export async function writeCsv(columns: readonly ExportColumn[], batches: AsyncIterable<ColumnBatch>, totals: AggregateValue[] | null, bom: boolean, sink: ExportSink): Promise<number> {
  let rows = 0;
  const out = new TextBytes();
  await sink.write(headerLine(columns, bom));
  for await (const batch of batches) {
    rows += batch.length;
    // A copy: the response keeps what it is given until the socket takes it.
    await sink.write(Buffer.from(batchLines(batch, out)));
  }
  if (totals !== null) await sink.write(`${csvLine(totals)}\r\n`);
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
  if (totals !== null) await sink.write(`${csvLine(totals)}\r\n`);
  return rows;
}
