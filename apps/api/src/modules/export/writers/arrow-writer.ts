import { Float64, Schema, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { ExportManifest } from '../export-manifest.js';
import type { ExportTable } from '../export-table.js';

/**
 * An Arrow IPC file: group-by labels as Utf8, measures as Float64, blanked and undefined values
 * as null. The manifest and the totals row travel in the schema metadata (`caseload:manifest`,
 * `caseload:totals`), so the table holds exactly the answer's rows.
 */
export function arrowFile(table: ExportTable, manifest: ExportManifest): Uint8Array {
  const vectors: Record<string, Vector> = {};
  table.columns.forEach((column, c) => {
    vectors[column.key] =
      column.unit === 'label'
        ? vectorFromArray(table.rows.map((row) => (row[c] === null ? null : String(row[c]))), new Utf8())
        : vectorFromArray(table.rows.map((row) => (typeof row[c] === 'number' ? row[c] : null)), new Float64());
  });
  const data = new Table(vectors);
  const totals = table.totals === null ? null : Object.fromEntries(table.columns.flatMap((column, c) => (column.unit === 'label' ? [] : [[column.key, table.totals![c] ?? null]])));
  const metadata = new Map<string, string>([
    ['caseload:manifest', JSON.stringify(manifest)],
    ['caseload:totals', JSON.stringify(totals)],
  ]);
  return tableToIPC(new Table(new Schema(data.schema.fields, metadata), data.batches), 'file');
}
