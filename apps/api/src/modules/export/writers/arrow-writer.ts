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
import type { ExportColumn, ExportTable, RowBatch } from '../export-table.js';

const utf8 = new TextEncoder();

/** A validity bitmap with every row valid, to clear the null rows' bits in. */
function allValid(length: number): Uint8Array {
  return new Uint8Array((length + 7) >> 3).fill(0xff);
}

/**
 * One column of a batch as Arrow data, written straight into its buffers: a streamed export
 * makes a million rows of these, and vectorFromArray's builders leave several arrays of garbage
 * per column and batch, which the collector only catches up with after the heap has grown.
 */
function columnData(column: ExportColumn, rows: readonly AggregateValue[][], c: number): Data {
  const length = rows.length;
  let nullBitmap: Uint8Array | undefined;
  let nullCount = 0;
  const markNull = (r: number) => {
    nullBitmap ??= allValid(length);
    nullBitmap[r >> 3]! &= ~(1 << (r & 7));
    nullCount++;
  };
  if (column.unit !== 'label') {
    const values = new Float64Array(length);
    for (let r = 0; r < length; r++) {
      const value = rows[r]![c];
      if (typeof value === 'number') values[r] = value;
      else markNull(r);
    }
    return makeData({ type: new Float64(), length, nullCount, nullBitmap, data: values });
  }
  const valueOffsets = new Int32Array(length + 1);
  let bytes = new Uint8Array(length * 12);
  let size = 0;
  for (let r = 0; r < length; r++) {
    const value = rows[r]![c];
    if (value === null || value === undefined) {
      markNull(r);
    } else {
      const text = String(value);
      // UTF-8 takes at most 3 bytes per UTF-16 unit.
      if (size + text.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, size + text.length * 3));
        grown.set(bytes.subarray(0, size));
        bytes = grown;
      }
      size += utf8.encodeInto(text, bytes.subarray(size)).written;
    }
    valueOffsets[r + 1] = size;
  }
  return makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data: bytes.subarray(0, size) });
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
  return tableToIPC(new Table(schema, [recordBatch(schema, fields, table.columns, table.rows)]), 'file');
}

/** The file's schema: labels Utf8, measures Float64, every column nullable; the manifest and totals in its metadata. */
function arrowSchema(columns: readonly ExportColumn[], totals: AggregateValue[] | null, manifest: ExportManifest): { schema: Schema; fields: Field[] } {
  const fields = columns.map((column) => new Field(column.key, column.unit === 'label' ? new Utf8() : new Float64(), true));
  return { schema: new Schema(fields, metadata(columns, totals, manifest)), fields };
}

/** Rows as one record batch of the schema. */
function recordBatch(schema: Schema, fields: Field[], columns: readonly ExportColumn[], rows: readonly AggregateValue[][]): RecordBatch {
  const children = columns.map((column, c) => columnData(column, rows, c));
  return new RecordBatch(schema, makeData({ type: new Struct(fields), length: rows.length, nullCount: 0, children }));
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
 * The same file from batches of rows, one record batch per batch, each written to the sink before
 * the next is read. The manifest is the one known before the rows (its rowCount is null: the
 * file's own row count says it). Answers the rows written.
 */
export async function writeArrow(
  columns: readonly ExportColumn[],
  batches: AsyncIterable<RowBatch>,
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
    writer.write(recordBatch(schema, fields, columns, batch));
    rows += batch.length;
    await sink.write(collector.take());
  }
  writer.close();
  await sink.write(collector.take());
  return rows;
}
