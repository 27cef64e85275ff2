import {
  AsyncByteQueue,
  type Data,
  Field,
  Float64,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  Table,
  Utf8,
  makeData,
  tableToIPC,
} from 'apache-arrow';
import type { AggregateValue } from '@caseload/contracts';
import type { ExportManifest } from '../export-manifest.js';
import type { ExportSink } from '../export-sink.js';
import { columnBatchOf, columnKinds, type ColumnBatch, type NumberColumn, type TextColumn } from '../export-columns.js';
import type { ExportColumn, ExportTable } from '../export-table.js';

/** One column of a batch as Arrow data: the batch's buffers are already Arrow's layout. */
function columnData(column: TextColumn | NumberColumn, length: number): Data {
  const { nullCount } = column;
  const nullBitmap = column.validity ?? undefined;
  if (column.kind === 'number') return makeData({ type: new Float64(), length, nullCount, nullBitmap, data: column.values });
  return makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets: column.offsets, data: column.bytes });
}

/** The schema metadata: the manifest and the totals row (null without a group-by). */
function metadata(columns: readonly ExportColumn[], totals: AggregateValue[] | null, manifest: ExportManifest): Map<string, string> {
  const totalsByKey = totals === null ? null : Object.fromEntries(columns.flatMap((column, c) => (column.unit === 'label' ? [] : [[column.key, totals[c] ?? null]])));
  return new Map<string, string>([
    ['caseload:manifest', JSON.stringify(manifest)],
    ['caseload:totals', JSON.stringify(totalsByKey)],
  ]);
}

/**
 * An Arrow IPC file: group-by labels as Utf8, measures as Float64, blanked and undefined values
 * as null. The manifest and the totals row travel in the schema metadata (`caseload:manifest`,
 * `caseload:totals`), so the table holds exactly the answer's rows.
 */
export function arrowFile(table: ExportTable, manifest: ExportManifest): Uint8Array {
  const { schema, fields } = arrowSchema(table.columns, table.totals, manifest);
  return tableToIPC(new Table(schema, [recordBatch(schema, fields, columnBatchOf(columnKinds(table.columns), table.rows))]), 'file');
}

/** The file's schema: labels Utf8, measures Float64, every column nullable; the manifest and totals in its metadata. */
function arrowSchema(columns: readonly ExportColumn[], totals: AggregateValue[] | null, manifest: ExportManifest): { schema: Schema; fields: Field[] } {
  const fields = columns.map((column) => new Field(column.key, column.unit === 'label' ? new Utf8() : new Float64(), true));
  return { schema: new Schema(fields, metadata(columns, totals, manifest)), fields };
}

/** A batch as one record batch of the schema. */
function recordBatch(schema: Schema, fields: Field[], batch: ColumnBatch): RecordBatch {
  const children = batch.columns.map((column) => columnData(column, batch.length));
  return new RecordBatch(schema, makeData({ type: new Struct(fields), length: batch.length, nullCount: 0, children }));
}

/** The writer's output taken as it is produced, rather than queued for an async reader. */
class ChunkCollector extends AsyncByteQueue {
  private chunks: Uint8Array[] = [];

  override write(value: Uint8Array): void {
    if (value.byteLength > 0) this.chunks.push(value);
  }

  take(): Uint8Array {
    const taken = Buffer.concat(this.chunks);
    this.chunks = [];
    return taken;
  }
}

/**
 * The same file from batches of columns (see CopyColumnReader), one record batch per batch, each
 * written to the sink before the next is read. The manifest is the one known before the rows (its rowCount is null: the
 * file's own row count says it). Answers the rows written.
 */
export async function writeArrow(
  columns: readonly ExportColumn[],
  batches: AsyncIterable<ColumnBatch>,
  totals: AggregateValue[] | null,
  manifest: ExportManifest,
  sink: ExportSink,
): Promise<number> {
  const { schema, fields } = arrowSchema(columns, totals, manifest);
  const collector = new ChunkCollector();
  const writer = new RecordBatchFileWriter();
  writer.reset(collector, schema);
  let rows = 0;
  for await (const batch of batches) {
    writer.write(recordBatch(schema, fields, batch));
    rows += batch.length;
    await sink.write(collector.take());
  }
  writer.close();
  await sink.write(collector.take());
  return rows;
}
