import type { MeasureId } from '@caseload/domain';
import { measureValue } from '../analytics/measure-sql.js';
import { ColumnBatchBuilder, type ColumnBatch } from './export-columns.js';
import { copyField } from './export-copy-text.js';
import type { StreamStatement } from './export-stream-sql.js';

const TAB = 0x09;
const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const N = 0x4e;

/** Exact powers of ten (every one up to 1e22 is a double). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The number a COPY text field of an integer or numeric spells, as Number() reads its text. Up
 * to 15 digits, the digits make an exact integer and one division by an exact power of ten rounds
 * once, as Number() does; longer or other spellings (an exponent, NaN) go through Number().
 */
export function copyNumber(bytes: Buffer, start: number, end: number): number {
  let i = start;
  const negative = bytes[i] === MINUS;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = -1;
  for (; i < end; i++) {
    const byte = bytes[i]!;
    if (byte >= ZERO && byte <= NINE) {
      mantissa = mantissa * 10 + (byte - ZERO);
      digits++;
    } else if (byte === DOT && scale < 0) {
      scale = digits;
    } else {
      break;
    }
  }
  if (i < end || digits === 0 || digits > 15) return Number(bytes.toString('latin1', start, end));
  const decimals = scale < 0 ? 0 : digits - scale;
  const value = decimals === 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals]!;
  return negative ? -value : value;
}

function isNullField(bytes: Buffer, start: number, end: number): boolean {
  return end - start === 2 && bytes[start] === BACKSLASH && bytes[start + 1] === N;
}

function hasBackslash(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] === BACKSLASH) return true;
  return false;
}

/**
 * Reads the COPY text of an export statement (labels, then components, then the comparison's
 * components when it has them) straight into column batches of the export's columns: each label's
 * UTF-8 bytes are copied as they came (unescaped first in the rare field with a backslash), each
 * component is parsed from its digits, and each measure is derived from the components as
 * /aggregate derives it (see rowReader, which reads the same rows as cells).
 */
export class CopyColumnReader {
  private readonly builder: ColumnBatchBuilder;
  private readonly labelCount: number;
  private readonly aliases: readonly string[];
  private readonly fieldCount: number;
  /** One components object each, refilled for every row (measureValue reads them at once). */
  private readonly components: Record<string, number>;
  private readonly comparedComponents: Record<string, number>;
  /** Where each field of the line being read starts and ends. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** The bytes of a line the last chunk did not finish. */
  private rest: Buffer = Buffer.alloc(0);

  constructor(
    private readonly measures: readonly MeasureId[],
    labelCount: number,
    private readonly statement: StreamStatement,
    batchRows: number,
  ) {
    this.labelCount = labelCount;
    this.aliases = statement.components;
    this.fieldCount = labelCount + this.aliases.length * (statement.compared ? 2 : 1);
    const kinds = [...Array.from({ length: labelCount }, () => 'text' as const), ...measures.flatMap(() => (statement.compared ? (['number', 'number'] as const) : (['number'] as const)))];
    this.builder = new ColumnBatchBuilder(kinds, batchRows);
    this.components = Object.fromEntries(this.aliases.map((alias) => [alias, 0]));
    this.comparedComponents = { ...this.components };
    this.starts = new Int32Array(this.fieldCount);
    this.ends = new Int32Array(this.fieldCount);
  }

  /** The batches the chunk's whole lines fill; a line the chunk leaves unfinished waits for the next. */
  push(chunk: Buffer): ColumnBatch[] {
    const full: ColumnBatch[] = [];
    let start = 0;
    if (this.rest.length > 0) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline < 0) {
        this.rest = Buffer.concat([this.rest, chunk]);
        return full;
      }
      const line = Buffer.concat([this.rest, chunk.subarray(0, newline)]);
      this.rest = Buffer.alloc(0);
      if (this.readLine(line, 0, line.length)) full.push(this.builder.finish());
      start = newline + 1;
    }
    for (let newline = chunk.indexOf(NEWLINE, start); newline >= 0; newline = chunk.indexOf(NEWLINE, start)) {
      if (this.readLine(chunk, start, newline)) full.push(this.builder.finish());
      start = newline + 1;
    }
    if (start < chunk.length) this.rest = Buffer.from(chunk.subarray(start));
    return full;
  }

  /** The last batch once the stream has ended (a last line without its newline included). */
  end(): ColumnBatch[] {
    if (this.rest.length > 0) {
      const line = this.rest;
      this.rest = Buffer.alloc(0);
      this.readLine(line, 0, line.length);
    }
    return this.builder.length === 0 ? [] : [this.builder.finish()];
  }

  /** Reads one line into the builder's current row; answers whether that filled the batch. */
  private readLine(bytes: Buffer, start: number, end: number): boolean {
    const { starts, ends, fieldCount, labelCount, aliases, builder } = this;
    let field = 0;
    starts[0] = start;
    for (let i = start; i < end; i++) {
      if (bytes[i] !== TAB) continue;
      ends[field] = i;
      if (++field === fieldCount) break;
      starts[field] = i + 1;
    }
    if (field < fieldCount) ends[field++] = end;
    if (field !== fieldCount) throw new Error(`an export row had ${field} fields where ${fieldCount} were expected`);

    for (let c = 0; c < labelCount; c++) {
      const s = starts[c]!;
      const e = ends[c]!;
      if (isNullField(bytes, s, e)) builder.setNull(c);
      else if (!hasBackslash(bytes, s, e)) builder.setTextBytes(c, bytes, s, e);
      else builder.setText(c, copyField(bytes.toString('utf8', s, e))!);
    }
    const components = this.components;
    for (let i = 0; i < aliases.length; i++) {
      const f = labelCount + i;
      // A null component counts as 0, as Number(null) does in rowReader.
      components[aliases[i]!] = isNullField(bytes, starts[f]!, ends[f]!) ? 0 : copyNumber(bytes, starts[f]!, ends[f]!);
    }
    // The comparison's components, or none for a period that has nothing to compare with.
    let compared: Record<string, number> | null = null;
    const compareAt = labelCount + aliases.length;
    if (this.statement.compared && !isNullField(bytes, starts[compareAt]!, ends[compareAt]!)) {
      compared = this.comparedComponents;
      for (let i = 0; i < aliases.length; i++) {
        const f = compareAt + i;
        compared[aliases[i]!] = isNullField(bytes, starts[f]!, ends[f]!) ? 0 : copyNumber(bytes, starts[f]!, ends[f]!);
      }
    }
    let c = labelCount;
    for (const measure of this.measures) {
      builder.setNumber(c++, measureValue(measure, components));
      if (this.statement.compared) builder.setNumber(c++, compared === null ? null : measureValue(measure, compared));
    }
    return builder.endRow();
  }
}
