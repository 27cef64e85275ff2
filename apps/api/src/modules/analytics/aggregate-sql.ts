import { PAYER_CATEGORIES, SECTIONS, addDays, type DimensionId, type Grain, type IsoDate, type MeasureId } from '@caseload/domain';
import type { AggregateFilters } from './aggregate-query.js';
import { ROLLUP_COMPONENT_SQL, measureComponents } from './measure-sql.js';

export interface SqlStatement {
  text: string;
  values: unknown[];
}

/** Where a slice is computed in the database: the facts, or a rollup that covers it. */
export type SqlSource = 'facts' | 'rollup_month' | 'rollup_month_code' | 'rollup_month_provider' | 'rollup_day_code';
/** Where a slice is computed: the in-memory index, or the database. */
export type SliceSource = SqlSource | 'memory';

export interface SliceSpec {
  /** Forces a source (tests and the benchmark's baseline); by default the planner picks. */
  source?: SliceSource;
  measures: readonly MeasureId[];
  dimensions: readonly DimensionId[];
  grain: Grain;
  fiscalYearStartMonth: number;
  from: IsoDate;
  to: IsoDate;
  filters: AggregateFilters;
}

/**
 * The first day of the period as text. date_trunc runs on `timestamp` (not the implicit
 * timestamptz, which costs a time-zone conversion per row and could shift a date).
 */
export function periodStartSql(grain: Grain, fiscalYearStartMonth: number, day = 'f.service_date'): string {
  switch (grain) {
    case 'day':
      return `to_char(${day}, 'YYYY-MM-DD')`;
    case 'fiscal_year': {
      const shift = fiscalYearStartMonth - 1;
      if (shift === 0) return `to_char(date_trunc('year', ${day}::timestamp), 'YYYY-MM-DD')`;
      return `to_char(date_trunc('year', ${day}::timestamp - interval '${shift} months') + interval '${shift} months', 'YYYY-MM-DD')`;
    }
    default:
      return `to_char(date_trunc('${grain}', ${day}::timestamp), 'YYYY-MM-DD')`;
  }
}

/** The date column of a source's rows: the service date of a line, the day or the month of a rollup row. */
export function dateColumn(source: SqlSource): string {
  return source === 'facts' ? 'f.service_date' : source === 'rollup_day_code' ? 'f.day' : 'f.month';
}

export function dimensionSql(dimension: DimensionId, spec: SliceSpec, source: SqlSource): string {
  switch (dimension) {
    case 'period':
      return periodStartSql(spec.grain, spec.fiscalYearStartMonth, dateColumn(source));
    case 'department':
      return 'f.department_id';
    case 'code':
      return 'f.code_id';
    case 'section':
      return 'f.section';
    case 'payer_category':
      return 'f.payer_category';
    case 'place_of_service':
      return 'f.place_of_service';
    case 'provider':
      // The provider rollup keeps lines without a provider under 0.
      return source === 'rollup_month_provider' ? 'nullif(f.provider_npi, 0)::text' : 'f.provider_npi::text';
  }
}

const ROLLUP_DIMENSIONS: ReadonlySet<DimensionId> = new Set(['period', 'department', 'section', 'payer_category', 'place_of_service']);
const CODE_ROLLUP_DIMENSIONS: ReadonlySet<DimensionId> = new Set(['period', 'department', 'section', 'code']);
const PROVIDER_ROLLUP_DIMENSIONS: ReadonlySet<DimensionId> = new Set(['period', 'department', 'section', 'provider']);
const SQL_SOURCES: ReadonlySet<SliceSource> = new Set(['facts', 'rollup_month', 'rollup_month_code', 'rollup_month_provider', 'rollup_day_code']);
const MONTH_GRAINS: ReadonlySet<Grain> = new Set(['month', 'quarter', 'year', 'fiscal_year']);

function isMonthStart(date: IsoDate): boolean {
  return date.endsWith('-01');
}

/**
 * The planner: the smallest source that answers the slice exactly. rollup_month holds whole
 * months of additive measures by department, section, payer category and place of service;
 * rollup_month_code by code and department; rollup_month_provider by provider, department and
 * section; rollup_day_code by day, code and department (days, weeks, part months); anything else
 * (distinct counts, filters a rollup lacks) reads the facts.
 */
export function chooseSource(spec: SliceSpec): SqlSource {
  if (spec.source !== undefined && SQL_SOURCES.has(spec.source)) return spec.source as SqlSource;
  if (!measureComponents(spec.measures).every(([alias]) => ROLLUP_COMPONENT_SQL[alias] !== undefined)) return 'facts';
  const withoutPayerOrPlace = spec.filters.payer_category === undefined && spec.filters.place_of_service === undefined;
  const byCode = spec.dimensions.every((dimension) => CODE_ROLLUP_DIMENSIONS.has(dimension)) && withoutPayerOrPlace;
  const wholeMonths = (!spec.dimensions.includes('period') || MONTH_GRAINS.has(spec.grain)) && isMonthStart(spec.from) && isMonthStart(addDays(spec.to, 1));
  // Days, weeks and part months: the daily code rollup holds a fraction of the lines' rows.
  if (!wholeMonths) return byCode ? 'rollup_day_code' : 'facts';
  if (spec.dimensions.every((dimension) => ROLLUP_DIMENSIONS.has(dimension)) && spec.filters.code === undefined) return 'rollup_month';
  if (byCode) return 'rollup_month_code';
  const byProvider = spec.dimensions.every((dimension) => PROVIDER_ROLLUP_DIMENSIONS.has(dimension)) && withoutPayerOrPlace && spec.filters.code === undefined;
  return byProvider ? 'rollup_month_provider' : 'facts';
}

/**
 * The filters as conditions on the table `f` (facts or a rollup that has the filtered
 * columns), each value a parameter that `param` adds.
 */
export function filterConditions(filters: AggregateFilters, param: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (filters.department) where.push(`f.department_id IN (SELECT id FROM department WHERE code = ANY(${param(filters.department)}::text[]))`);
  if (filters.code) where.push(`f.code_id IN (SELECT id FROM procedure_code WHERE code = ANY(${param(filters.code)}::text[]))`);
  if (filters.section) where.push(`f.section = ANY(${param(filters.section.map((s) => SECTIONS.indexOf(s)))}::smallint[])`);
  if (filters.payer_category) {
    where.push(`f.payer_category = ANY(${param(filters.payer_category.map((p) => PAYER_CATEGORIES.indexOf(p)))}::smallint[])`);
  }
  if (filters.place_of_service) where.push(`f.place_of_service = ANY(${param(filters.place_of_service.map(Number))}::smallint[])`);
  return where;
}

/** One GROUP BY for the slice: dimension columns `dim_<id>`, then measure components. */
export function buildSliceSql(spec: SliceSpec): SqlStatement & { source: SqlSource } {
  const source = chooseSource(spec);
  const values: unknown[] = [spec.from, spec.to];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where = [`${dateColumn(source)} BETWEEN $1::date AND $2::date`];
  where.push(...filterConditions(spec.filters, param));

  const components = measureComponents(spec.measures);
  const select = [
    ...spec.dimensions.map((dimension) => `${dimensionSql(dimension, spec, source)} AS dim_${dimension}`),
    ...components.map(([alias, sql]) => `${source === 'facts' ? sql : ROLLUP_COMPONENT_SQL[alias]} AS m_${alias}`),
  ];
  const groupBy = spec.dimensions.length > 0 ? ` GROUP BY ${spec.dimensions.map((_, i) => i + 1).join(', ')}` : '';
  const table = source === 'facts' ? 'procedure_line' : source;
  const inner = `SELECT ${select.join(', ')} FROM ${table} f WHERE ${where.join(' AND ')}${groupBy}`;
  if (!spec.dimensions.includes('department') && !spec.dimensions.includes('code')) return { text: inner, values, source };
  // Group on the compact ids, then look the few labels up once per group, not once per line.
  const outer = [
    ...spec.dimensions.map((dimension) => {
      if (dimension === 'department') return '(SELECT d.code FROM department d WHERE d.id = g.dim_department) AS dim_department';
      if (dimension === 'code') return '(SELECT c.code FROM procedure_code c WHERE c.id = g.dim_code) AS dim_code';
      return `g.dim_${dimension}`;
    }),
    ...components.map(([alias]) => `g.m_${alias}`),
  ];
  return { text: `SELECT ${outer.join(', ')} FROM (${inner}) g`, values, source };
}
