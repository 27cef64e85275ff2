import type { AggregateValue } from '@caseload/contracts';
import type { ExportColumn } from './export-table.js';

/**
 * Rows laid out by column, as an Arrow record batch holds them: text as UTF-8 bytes with an offset
 * per row, numbers as float64, and a validity bitmap (bit set = a value) only for a column with
 * nulls. A streamed export fills these straight from the database's bytes, without a string or
 * an array per row: a million rows of those are garbage the collector lets pile up.
 */
export interface TextColumn {
  kind: 'text';
  /** Row r's bytes are bytes[offsets[r], offsets[r + 1]). */
  offsets: Int32Array;
  bytes: Uint8Array;
  validity: Uint8Array | null;
  nullCount: number;
}

export interface NumberColumn {
  kind: 'number';
  values: Float64Array;
  validity: Uint8Array | null;
  nullCount: number;
}

export interface ColumnBatch {
  length: number;
  columns: Array<TextColumn | NumberColumn>;
}

export type ColumnKind = 'text' | 'number';

/** Whether row r of the column is null (its validity bit clear). */
export function isNull(column: TextColumn | NumberColumn, r: number): boolean {
  return column.validity !== null && (column.validity[r >> 3]! & (1 << (r & 7))) === 0;
}

export function columnKinds(columns: readonly ExportColumn[]): ColumnKind[] {
  return columns.map((column) => (column.unit === 'label' ? 'text' : 'number'));
}

const utf8 = new TextEncoder();

/** Text and number buffers for up to `capacity` rows; `finish` hands them over and starts afresh. */
export class ColumnBatchBuilder {
  /** The rows written so far in this batch. */
  length = 0;
  private offsets: Int32Array[] = [];
  private bytes: Uint8Array[] = [];
  private sizes: number[] = [];
  private values: Float64Array[] = [];
  private validity: Array<Uint8Array | null> = [];
  private nullCounts: number[] = [];

  constructor(
    private readonly kinds: readonly ColumnKind[],
    readonly capacity: number,
  ) {
    this.reset();
  }

  private reset(): void {
    this.length = 0;
    this.offsets = this.kinds.map((kind) => new Int32Array(kind === 'text' ? this.capacity + 1 : 0));
    // Room for a date or a short name a row; grown when a batch needs more.
    this.bytes = this.kinds.map((kind) => new Uint8Array(kind === 'text' ? this.capacity * 16 : 0));
    this.sizes = this.kinds.map(() => 0);
    this.values = this.kinds.map((kind) => new Float64Array(kind === 'number' ? this.capacity : 0));
    this.validity = this.kinds.map(() => null);
    this.nullCounts = this.kinds.map(() => 0);
  }

  /** Marks column c of the current row null (a text column's offset stays where it was). */
  setNull(c: number): void {
    const validity = (this.validity[c] ??= new Uint8Array((this.capacity + 7) >> 3).fill(0xff));
    validity[this.length >> 3]! &= ~(1 << (this.length & 7));
    this.nullCounts[c]!++;
    if (this.kinds[c] === 'text') this.offsets[c]![this.length + 1] = this.sizes[c]!;
  }

  /** Room for `more` bytes in text column c. */
  private room(c: number, more: number): Uint8Array {
    let bytes = this.bytes[c]!;
    const size = this.sizes[c]!;
    if (size + more > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, size + more));
      grown.set(bytes.subarray(0, size));
      this.bytes[c] = bytes = grown;
    }
    return bytes;
  }

  /** Text column c of the current row from UTF-8 bytes. */
  setTextBytes(c: number, source: Uint8Array, start: number, end: number): void {
    const bytes = this.room(c, end - start);
    bytes.set(source.subarray(start, end), this.sizes[c]!);
    this.sizes[c]! += end - start;
    this.offsets[c]![this.length + 1] = this.sizes[c]!;
  }

  /** Text column c of the current row. */
  setText(c: number, text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const bytes = this.room(c, text.length * 3);
    this.sizes[c]! += utf8.encodeInto(text, bytes.subarray(this.sizes[c]!)).written;
    this.offsets[c]![this.length + 1] = this.sizes[c]!;
  }

  /** Number column c of the current row; null for none. */
  setNumber(c: number, value: number | null): void {
    if (value === null) this.setNull(c);
    else this.values[c]![this.length] = value;
  }

  /** A cell as an export row holds it: text in a text column, a number (or null) in a number column. */
  setCell(c: number, value: AggregateValue | undefined): void {
    if (value === null || value === undefined) this.setNull(c);
    else if (this.kinds[c] === 'text') this.setText(c, String(value));
    else if (typeof value === 'number') this.setNumber(c, value);
    else this.setNull(c);
  }

  /** Moves on to the next row; answers whether the batch is full. */
  endRow(): boolean {
    this.length++;
    return this.length === this.capacity;
  }

  /** The rows written as a batch (empty when none were); the builder starts a new one. */
  finish(): ColumnBatch {
    const length = this.length;
    const columns = this.kinds.map((kind, c): TextColumn | NumberColumn => {
      const validity = this.validity[c]?.subarray(0, (length + 7) >> 3) ?? null;
      const nullCount = this.nullCounts[c]!;
      if (kind === 'number') return { kind, values: this.values[c]!.subarray(0, length), validity, nullCount };
      return { kind, offsets: this.offsets[c]!.subarray(0, length + 1), bytes: this.bytes[c]!.subarray(0, this.sizes[c]!), validity, nullCount };
    });
    this.reset();
    return { length, columns };
  }
}

/** Rows of cells (the export's column order) as one batch. */
export function columnBatchOf(kinds: readonly ColumnKind[], rows: readonly AggregateValue[][]): ColumnBatch {
  const builder = new ColumnBatchBuilder(kinds, Math.max(rows.length, 1));
  for (const row of rows) {
    for (let c = 0; c < kinds.length; c++) builder.setCell(c, row[c]);
    builder.endRow();
  }
  return builder.finish();
}

const decoder = new TextDecoder();

/** A batch as rows of cells again (the export's column order). */
export function batchRows(batch: ColumnBatch): AggregateValue[][] {
  return Array.from({ length: batch.length }, (_, r) =>
    batch.columns.map((column): AggregateValue => {
      if (isNull(column, r)) return null;
      if (column.kind === 'number') return column.values[r]!;
      return decoder.decode(column.bytes.subarray(column.offsets[r]!, column.offsets[r + 1]!));
    }),
  );
}
