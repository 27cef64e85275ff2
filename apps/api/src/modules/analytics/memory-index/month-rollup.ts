import type { PoolClient } from 'pg';
import { copyRows } from './copy-rows.js';

/**
 * A key column of a rollup table: `id` columns are small whole numbers kept as they are
 * (department and code ids, sections, payer categories, places of service); `text` columns
 * (NPIs, modifiers, CARCs, flags) are numbered in the order they are first read.
 */
export interface RollupKey {
  column: string;
  kind: 'id' | 'text';
}

/** One month of a rollup: per row its keys (interleaved, one per key column) and its sums. */
interface MonthRows {
  keys: Int32Array;
  sums: Float64Array;
}

/** The sums of one group: its period (as `periodOf` named it) and its values of the `by` keys. */
export interface RollupGroup {
  period: string;
  keys: number[];
  sums: Float64Array;
}

export interface RollupGrouping {
  /** Key columns (indexes into the rollup's keys) to group by, in this order. */
  by: readonly number[];
  /** Per key column, the values let through (null: all). */
  filters: ReadonlyArray<ReadonlySet<number> | null>;
  /** The period a month ('YYYY-MM') falls in; one period for the whole range when absent. */
  periodOf?: (month: string) => string;
}

/** Ids beyond this do not fit the group keys' arithmetic. */
const ID_LIMIT = 2 ** 24;

/**
 * One monthly rollup table held in memory, month by month, read in the memory index's
 * snapshot so it always agrees with the day blocks: what a GROUP BY over the table's rows of
 * whole months would answer, without the round trip and the planning, in a few milliseconds.
 */
export class MonthRollup {
  private months = new Map<string, MonthRows>();
  private readonly texts: Array<Map<string, number>>;
  private readonly textValues: string[][];
  /** Per key column, the largest value held (for id columns) or the number of texts. */
  private readonly largest: number[];

  constructor(
    readonly table: string,
    readonly keys: readonly RollupKey[],
    readonly sums: readonly string[],
  ) {
    this.texts = keys.map(() => new Map());
    this.textValues = keys.map(() => []);
    this.largest = keys.map(() => 0);
  }

  /** Reads the given months ('YYYY-MM', all when null) in the caller's transaction. */
  async load(client: PoolClient, months: readonly string[] | null): Promise<void> {
    if (months !== null && !months.every((month) => /^\d{4}-\d{2}$/.test(month))) throw new Error('months must be YYYY-MM');
    const where = months === null ? '' : months.length === 0 ? 'WHERE false' : `WHERE month IN (${months.map((m) => `'${m}-01'`).join(',')})`;
    const width = this.keys.length;
    const loaded = new Map<string, { keys: number[]; sums: number[] }>();
    await copyRows(client, `SELECT to_char(month, 'YYYY-MM'), ${this.keys.map((key) => key.column).join(', ')}, ${this.sums.join(', ')} FROM ${this.table} ${where}`, (fields) => {
      const month = fields[0]!;
      let rows = loaded.get(month);
      if (rows === undefined) loaded.set(month, (rows = { keys: [], sums: [] }));
      for (let k = 0; k < width; k++) rows.keys.push(this.keyValue(k, fields[k + 1]!));
      for (let s = width + 1; s < fields.length; s++) rows.sums.push(Number(fields[s]));
    });
    if (months === null) this.months = new Map();
    for (const month of months ?? []) this.months.delete(month);
    for (const [month, rows] of loaded) this.months.set(month, { keys: Int32Array.from(rows.keys), sums: Float64Array.from(rows.sums) });
  }

  private keyValue(k: number, field: string): number {
    if (this.keys[k]!.kind === 'id') {
      const value = Number(field);
      if (!Number.isInteger(value) || value < 0 || value >= ID_LIMIT) throw new Error(`${this.table}.${this.keys[k]!.column} holds ${field}, beyond what the index holds`);
      if (value > this.largest[k]!) this.largest[k] = value;
      return value;
    }
    const texts = this.texts[k]!;
    let id = texts.get(field);
    if (id === undefined) {
      texts.set(field, (id = this.textValues[k]!.length));
      this.textValues[k]!.push(field);
      this.largest[k] = id;
    }
    return id;
  }

  /** The number standing for a text key's value, or -1 when no row holds it. */
  textId(k: number, value: string): number {
    return this.texts[k]!.get(value) ?? -1;
  }

  /** The value a text key's number stands for. */
  text(k: number, id: number): string {
    return this.textValues[k]![id]!;
  }

  /**
   * The sums of the rows of months `from` … `to` ('YYYY-MM', both included) that pass the
   * filters, by period and by the `by` keys: the groups a GROUP BY would answer (rows whose
   * sums are all zero are not held, as the tables keep none).
   */
  group(from: string, to: string, grouping: RollupGrouping): RollupGroup[] {
    const { by, filters, periodOf } = grouping;
    const width = this.keys.length;
    const sumWidth = this.sums.length;
    const radices = by.map((k) => this.largest[k]! + 1);
    // Each group's keys as one number, when their product fits a double exactly.
    const numeric = radices.reduce((product, radix) => product * radix, 1) < 2 ** 52;
    const filtered = filters.map((filter, k) => (filter === null ? -1 : k)).filter((k) => k >= 0);
    const periods = new Map<string, Map<number | string, RollupGroup>>();
    for (let month = from; month <= to; month = nextMonth(month)) {
      const rows = this.months.get(month);
      if (rows === undefined) continue;
      const period = periodOf === undefined ? '' : periodOf(month);
      let groups = periods.get(period);
      if (groups === undefined) periods.set(period, (groups = new Map()));
      const count = rows.sums.length / sumWidth;
      rows: for (let r = 0; r < count; r++) {
        const base = r * width;
        for (const k of filtered) if (!filters[k]!.has(rows.keys[base + k]!)) continue rows;
        let key: number | string = 0;
        if (numeric) {
          for (let b = 0; b < by.length; b++) key = (key as number) * radices[b]! + rows.keys[base + by[b]!]!;
        } else {
          key = by.map((k) => rows.keys[base + k]).join(',');
        }
        let group = groups.get(key);
        if (group === undefined) {
          groups.set(key, (group = { period, keys: by.map((k) => rows.keys[base + k]!), sums: new Float64Array(sumWidth) }));
        }
        const sumBase = r * sumWidth;
        for (let s = 0; s < sumWidth; s++) group.sums[s]! += rows.sums[sumBase + s]!;
      }
    }
    const result: RollupGroup[] = [];
    for (const groups of periods.values()) for (const group of groups.values()) result.push(group);
    return result;
  }
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${month.slice(0, 5)}${String(m + 1).padStart(2, '0')}`;
}
