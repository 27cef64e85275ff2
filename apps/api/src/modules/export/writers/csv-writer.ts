import { Readable } from 'node:stream';
import type { AggregateValue } from '@caseload/contracts';
import { neutraliseFormula } from '../../../common/csv-cell.js';
import type { ExportTable } from '../export-table.js';

const ROWS_PER_CHUNK = 2_000;

function field(text: string): string {
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

function* csvChunks(table: ExportTable, bom: boolean): Generator<string> {
  yield `${bom ? '\uFEFF' : ''}${table.columns.map((column) => field(neutraliseFormula(column.key))).join(',')}\r\n`;
  const rows = table.totals === null ? table.rows : [...table.rows, table.totals];
  for (let start = 0; start < rows.length; start += ROWS_PER_CHUNK) {
    yield rows
      .slice(start, start + ROWS_PER_CHUNK)
      .map((row) => `${row.map(cell).join(',')}\r\n`)
      .join('');
  }
}

/** RFC 4180, UTF-8: a header of column keys, the rows, then the totals row; blanked cells are empty. */
export function csvStream(table: ExportTable, bom: boolean): Readable {
  return Readable.from(csvChunks(table, bom), { objectMode: false });
}
