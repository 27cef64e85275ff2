import { PAYER_CATEGORIES, SECTIONS, type DimensionId, type Grain, type IsoDate, type MeasureId } from '@caseload/domain';
import type { AggregateFilters } from './aggregate-query.js';
import { measureComponents } from './measure-sql.js';

export interface SqlStatement {
  text: string;
  values: unknown[];
}

export interface SliceSpec {
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
export function periodStartSql(grain: Grain, fiscalYearStartMonth: number): string {
  const day = 'f.service_date';
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

function dimensionSql(dimension: DimensionId, spec: SliceSpec): string {
  switch (dimension) {
    case 'period':
      return periodStartSql(spec.grain, spec.fiscalYearStartMonth);
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
      return 'f.provider_npi::text';
  }
}

/** One GROUP BY over the facts for the slice: dimension columns `dim_<id>`, then measure components. */
export function buildSliceSql(spec: SliceSpec): SqlStatement {
  const values: unknown[] = [spec.from, spec.to];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where = ['f.service_date BETWEEN $1::date AND $2::date'];
  const { filters } = spec;
  if (filters.department) where.push(`f.department_id IN (SELECT id FROM department WHERE code = ANY(${param(filters.department)}::text[]))`);
  if (filters.code) where.push(`f.code_id IN (SELECT id FROM procedure_code WHERE code = ANY(${param(filters.code)}::text[]))`);
  if (filters.section) where.push(`f.section = ANY(${param(filters.section.map((s) => SECTIONS.indexOf(s)))}::smallint[])`);
  if (filters.payer_category) {
    where.push(`f.payer_category = ANY(${param(filters.payer_category.map((p) => PAYER_CATEGORIES.indexOf(p)))}::smallint[])`);
  }
  if (filters.place_of_service) where.push(`f.place_of_service = ANY(${param(filters.place_of_service.map(Number))}::smallint[])`);

  const components = measureComponents(spec.measures);
  const select = [
    ...spec.dimensions.map((dimension) => `${dimensionSql(dimension, spec)} AS dim_${dimension}`),
    ...components.map(([alias, sql]) => `${sql} AS m_${alias}`),
  ];
  const groupBy = spec.dimensions.length > 0 ? ` GROUP BY ${spec.dimensions.map((_, i) => i + 1).join(', ')}` : '';
  const inner = `SELECT ${select.join(', ')} FROM procedure_line f WHERE ${where.join(' AND ')}${groupBy}`;
  if (!spec.dimensions.includes('department') && !spec.dimensions.includes('code')) return { text: inner, values };
  // Group on the compact ids, then look the few labels up once per group, not once per line.
  const outer = [
    ...spec.dimensions.map((dimension) => {
      if (dimension === 'department') return '(SELECT d.code FROM department d WHERE d.id = g.dim_department) AS dim_department';
      if (dimension === 'code') return '(SELECT c.code FROM procedure_code c WHERE c.id = g.dim_code) AS dim_code';
      return `g.dim_${dimension}`;
    }),
    ...components.map(([alias]) => `g.m_${alias}`),
  ];
  return { text: `SELECT ${outer.join(', ')} FROM (${inner}) g`, values };
}
