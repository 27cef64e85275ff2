import type { PoolClient } from 'pg';
import { PAYER_CATEGORIES, SECTIONS, periodLabel, type DimensionId } from '@caseload/domain';
import type { SliceSpec, SqlSource } from '../aggregate-sql.js';
import type { SliceRow } from '../aggregate.repository.js';
import type { AggregateFilters } from '../aggregate-query.js';
import { SUM_COMPONENTS } from './day-block.js';
import { MonthRollup, type RollupKey } from './month-rollup.js';

/** The rollups the planner reads for aggregate slices (chooseSource). */
export type SliceRollupTable = Extract<SqlSource, 'rollup_month' | 'rollup_month_code' | 'rollup_month_provider'>;

/** The column of each dimension (and filter) in the rollups that hold it. */
const COLUMNS: Readonly<Partial<Record<DimensionId, string>>> = {
  department: 'department_id',
  section: 'section',
  code: 'code_id',
  payer_category: 'payer_category',
  place_of_service: 'place_of_service',
  provider: 'provider_npi',
};

const id = (column: string): RollupKey => ({ column, kind: 'id' });

function sliceRollup(table: SliceRollupTable, keys: RollupKey[]): MonthRollup {
  return new MonthRollup(table, keys, SUM_COMPONENTS);
}

/** Units of priced lines by department, section, service year and the schedule row that priced them. */
export interface PricedUnitsRow {
  department: string;
  section: number;
  year: number;
  code: string;
  modifier: string;
  facility: boolean;
  units: number;
}

/** Denied lines and their charges by CARC. */
export interface DenialCountRow {
  carc: string;
  lines: number;
  chargeCents: number;
}

/** The filters of the reimbursement rollups: those their SQL applies (department, code, section, payer). */
type RollupFilters = Pick<AggregateFilters, 'department' | 'code' | 'section' | 'payer_category'>;

/**
 * The monthly rollups in memory. rollup_month, rollup_month_code and rollup_month_provider
 * answer the slices the planner sends to one of them, with the same rows (labels and
 * components) as its SQL; rollup_month_denial and rollup_month_price answer the reimbursement
 * views (denials by CARC, priced units for what-ifs) as their GROUP BYs do.
 */
export class MemoryRollups {
  private readonly tables: Record<SliceRollupTable, MonthRollup> = {
    rollup_month: sliceRollup('rollup_month', [id('department_id'), id('section'), id('payer_category'), id('place_of_service')]),
    rollup_month_code: sliceRollup('rollup_month_code', [id('department_id'), id('section'), id('code_id')]),
    // The provider rollup keeps lines without a provider under NPI 0; NPIs are ten digits.
    rollup_month_provider: sliceRollup('rollup_month_provider', [id('department_id'), id('section'), { column: 'provider_npi', kind: 'text' }]),
  };
  private readonly denials = new MonthRollup('rollup_month_denial', [id('department_id'), id('section'), id('payer_category'), { column: 'carc', kind: 'text' }], ['lines', 'charge_cents']);
  private readonly prices = new MonthRollup(
    'rollup_month_price',
    [id('department_id'), id('section'), id('code_id'), { column: 'price_modifier', kind: 'text' }, { column: 'facility::int', kind: 'id' }],
    ['units'],
  );
  private codeIds = new Map<string, number>();
  private codeLabels = new Map<number, string>();

  /** Reads the given months ('YYYY-MM', all when null) of every table in the caller's transaction. */
  async load(client: PoolClient, months: readonly string[] | null): Promise<void> {
    const codes = await client.query('SELECT id, code FROM procedure_code');
    this.codeIds = new Map(codes.rows.map((row) => [row.code as string, Number(row.id)]));
    this.codeLabels = new Map(codes.rows.map((row) => [Number(row.id), row.code as string]));
    for (const rollup of [...Object.values(this.tables), this.denials, this.prices]) await rollup.load(client, months);
  }

  /** Denied lines by CARC over whole months, most first (then by CARC), as rollup_month_denial's GROUP BY. */
  denialCounts(from: string, to: string, filters: Omit<RollupFilters, 'code'>, departmentIds: ReadonlyMap<string, number>): DenialCountRow[] {
    const rollup = this.denials;
    const groups = rollup.group(from.slice(0, 7), to.slice(0, 7), { by: [3], filters: this.keyFilters(rollup, filters, departmentIds) });
    return groups
      .filter((group) => group.sums[0]! > 0)
      .map((group) => ({ carc: rollup.text(3, group.keys[0]!), lines: group.sums[0]!, chargeCents: group.sums[1]! }))
      .sort((a, b) => b.lines - a.lines || (a.carc < b.carc ? -1 : a.carc > b.carc ? 1 : 0));
  }

  /** Units of priced lines over whole months by department, section, year and schedule row, as rollup_month_price's GROUP BY. */
  pricedUnits(from: string, to: string, filters: Omit<RollupFilters, 'payer_category'>, departmentCodes: ReadonlyMap<number, string>, departmentIds: ReadonlyMap<string, number>): PricedUnitsRow[] {
    const rollup = this.prices;
    const groups = rollup.group(from.slice(0, 7), to.slice(0, 7), {
      by: [0, 1, 2, 3, 4],
      filters: this.keyFilters(rollup, filters, departmentIds),
      periodOf: (month) => month.slice(0, 4),
    });
    return groups.map((group) => ({
      department: departmentCodes.get(group.keys[0]!) ?? '',
      section: group.keys[1]!,
      year: Number(group.period),
      code: this.codeLabels.get(group.keys[2]!) ?? '',
      modifier: rollup.text(3, group.keys[3]!),
      facility: group.keys[4] === 1,
      units: group.sums[0]!,
    }));
  }

  /** Filters as sets of key values per key column of `rollup` (which has every filtered column). */
  private keyFilters(rollup: MonthRollup, filters: AggregateFilters, departmentIds: ReadonlyMap<string, number>): Array<Set<number> | null> {
    const sets: Array<Set<number> | null> = rollup.keys.map(() => null);
    for (const [dimension, values] of Object.entries(filters) as Array<[keyof AggregateFilters, string[] | undefined]>) {
      if (values === undefined) continue;
      const k = rollup.keys.findIndex((key) => key.column === COLUMNS[dimension]);
      if (k < 0) throw new Error(`${rollup.table} cannot filter on ${dimension}`);
      sets[k] = new Set(values.map((value) => this.filterId(dimension, value, departmentIds)));
    }
    return sets;
  }

  /** The slice from `table` (whole months, its dimensions and filters: what chooseSource checked). */
  slice(spec: SliceSpec, table: SliceRollupTable, departmentIds: ReadonlyMap<string, number>, departmentCodes: ReadonlyMap<number, string>): SliceRow[] {
    const rollup = this.tables[table];
    const columnIndex = (dimension: DimensionId) => rollup.keys.findIndex((key) => key.column === COLUMNS[dimension]);
    const others = spec.dimensions.filter((dimension) => dimension !== 'period');
    const by = others.map((dimension) => {
      const k = columnIndex(dimension);
      if (k < 0) throw new Error(`${table} has no ${dimension}`);
      return k;
    });
    const filters = this.keyFilters(rollup, spec.filters, departmentIds);
    const options = { fiscalYearStartMonth: spec.fiscalYearStartMonth };
    const withPeriod = spec.dimensions.includes('period');
    const groups = rollup.group(spec.from.slice(0, 7), spec.to.slice(0, 7), {
      by,
      filters,
      ...(withPeriod ? { periodOf: (month: string) => periodLabel(`${month}-01`, spec.grain, options) } : {}),
    });
    const rows = groups.map((group): SliceRow => {
      const labels: SliceRow['labels'] = {};
      if (withPeriod) labels.period = group.period;
      others.forEach((dimension, i) => (labels[dimension] = this.label(dimension, group.keys[i]!, rollup, by[i]!, departmentCodes)));
      const components: Record<string, number> = {};
      SUM_COMPONENTS.forEach((name, s) => (components[name] = group.sums[s]!));
      return { labels, components };
    });
    // Like SQL without GROUP BY, a query with no dimensions answers one row, zeros included.
    if (spec.dimensions.length === 0 && rows.length === 0) rows.push({ labels: {}, components: Object.fromEntries(SUM_COMPONENTS.map((name) => [name, 0])) });
    return rows;
  }

  private filterId(dimension: DimensionId, value: string, departmentIds: ReadonlyMap<string, number>): number {
    switch (dimension) {
      case 'department':
        return departmentIds.get(value) ?? -1;
      case 'code':
        return this.codeIds.get(value) ?? -1;
      case 'section':
        return SECTIONS.indexOf(value as (typeof SECTIONS)[number]);
      case 'payer_category':
        return PAYER_CATEGORIES.indexOf(value as (typeof PAYER_CATEGORIES)[number]);
      case 'place_of_service':
        return Number(value);
      default:
        throw new Error(`no filter on ${dimension}`);
    }
  }

  /** The label as aggregate.repository writes the SQL's value. */
  private label(dimension: DimensionId, value: number, rollup: MonthRollup, k: number, departmentCodes: ReadonlyMap<number, string>): string | null {
    switch (dimension) {
      case 'department':
        return departmentCodes.get(value) ?? null;
      case 'code':
        return this.codeLabels.get(value) ?? null;
      case 'section':
        return SECTIONS[value] ?? null;
      case 'payer_category':
        return PAYER_CATEGORIES[value] ?? null;
      case 'place_of_service':
        return String(value).padStart(2, '0');
      case 'provider': {
        const npi = rollup.text(k, value);
        return npi === '0' ? null : npi;
      }
      default:
        throw new Error(`no label for ${dimension}`);
    }
  }
}
