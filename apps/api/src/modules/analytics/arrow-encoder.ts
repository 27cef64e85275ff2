import { Float64, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { AggregateRow } from '@caseload/contracts';

/**
 * The rows of an answer as an Arrow IPC stream: group-by labels as Utf8, measures as Float64,
 * null kept as null — the same columns, in the same order, as the JSON rows.
 */
export function rowsToArrowStream(rows: readonly AggregateRow[], labelColumns: readonly string[], valueColumns: readonly string[]): Uint8Array {
  const columns: Record<string, Vector> = {};
  for (const name of labelColumns) {
    columns[name] = vectorFromArray(rows.map((row) => (row[name] === null || row[name] === undefined ? null : String(row[name]))), new Utf8());
  }
  for (const name of valueColumns) {
    columns[name] = vectorFromArray(rows.map((row) => (typeof row[name] === 'number' ? (row[name] as number) : null)), new Float64());
  }
  return tableToIPC(new Table(columns), 'stream');
}
