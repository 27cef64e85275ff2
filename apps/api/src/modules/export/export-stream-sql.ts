import { PAYER_CATEGORIES, SECTIONS, enumeratePeriods, type DimensionId, type MeasureId } from '@caseload/domain';
import { buildSliceSql, type SliceSpec, type SqlSource, type SqlStatement } from '../analytics/aggregate-sql.js';
import type { AggregateQuery } from '../analytics/aggregate-query.js';
import { measureComponents } from '../analytics/measure-sql.js';

/**
 * The order of a measure's values as SQL over the slice's components (`m_<alias>`): the
 * component itself where the value grows with it (money in cents, RVUs in hundredths), the
 * same division as the value where it is a ratio (float8 division rounds as JavaScript does).
 */
const MEASURE_ORDER_SQL: Partial<Record<MeasureId, string>> = {
  lines: 'r.m_lines',
  units: 'r.m_units',
  encounters: 'r.m_encounters',
  patients: 'r.m_patients',
  charges: 'r.m_charge_cents',
  allowed: 'r.m_allowed_cents',
  paid: 'r.m_paid_cents',
  denial_rate: 'r.m_denied_lines::float8 / nullif(r.m_adjudicated_lines, 0)',
  wrvu: 'r.m_wrvu_hundredths',
  expected_payment: 'r.m_expected_cents',
};

export interface StreamStatement extends SqlStatement {
  /** Where the groups are computed (the rollups when they cover the slice, as for /aggregate). */
  source: SqlSource;
  /** The component aliases, in the order of the `m_` columns after the labels. */
  components: string[];
}

/**
 * The rows of an aggregate answer as one ordered statement, for a cursor to read in batches:
 * the slice's GROUP BY (the same SQL, source and scope as /aggregate), the periods without
 * activity filled with zeros (DESIGN §4), the labels as the API writes them, ordered as the API
 * orders its rows (the asked key with nulls last, then the labels in group-by order, compared as
 * code points), then the limit. Label columns come first (`dim_<id>`, text), then components.
 *
 * `countAll` adds `row_total`: every row's count before the limit (a bounded report says what it
 * left out); `limit` then caps the rows read as well as the query's own limit does.
 */
export function buildStreamSql(query: AggregateQuery, spec: SliceSpec, options: { countAll?: boolean; limit?: number } = {}): StreamStatement {
  const slice = buildSliceSql(spec);
  const values = [...slice.values];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const dimensions = spec.dimensions;
  const components = measureComponents(spec.measures).map(([alias]) => alias);
  const ctes = [`g AS (${slice.text})`];
  let rows = 'g';

  if (dimensions.includes('period')) {
    const periods = enumeratePeriods(spec.from, spec.to, spec.grain, { fiscalYearStartMonth: spec.fiscalYearStartMonth });
    ctes.push(`p AS (SELECT * FROM unnest(${param(periods.map((period) => period.start))}::text[], ${param(periods.map((period) => period.label))}::text[]) AS p(start, label))`);
    const others = dimensions.filter((dimension) => dimension !== 'period');
    // Every period for each combination of the other labels that has any activity; with the
    // period alone, every period. The groups join on their labels as text with '' for null (no
    // label is empty), which a hash join can match where IS NOT DISTINCT FROM could not.
    const combinations = others.length === 0 ? '' : ` CROSS JOIN (SELECT DISTINCT ${others.map((d) => `dim_${d}`).join(', ')} FROM g) c`;
    const matches = ['g.dim_period = p.start', ...others.map((d) => `coalesce(g.dim_${d}::text, '') = coalesce(c.dim_${d}::text, '')`)];
    const columns = dimensions.map((dimension) => (dimension === 'period' ? 'p.label AS dim_period' : `c.dim_${dimension}`));
    ctes.push(
      `filled AS (SELECT ${columns.join(', ')}, ${components.map((alias) => `coalesce(g.m_${alias}, 0) AS m_${alias}`).join(', ')} ` +
        `FROM p${combinations} LEFT JOIN g ON ${matches.join(' AND ')})`,
    );
    rows = 'filled';
  }

  const labels = new Map<DimensionId, string>();
  for (const dimension of dimensions) labels.set(dimension, labelSql(dimension, param));
  const select = [...dimensions.map((dimension) => `${labels.get(dimension)!} AS dim_${dimension}`), ...components.map((alias) => `r.m_${alias}`)];
  if (options.countAll) select.push('count(*) OVER () AS row_total');

  const order: string[] = [];
  if (query.orderBy !== null) {
    const { key, descending } = query.orderBy;
    const expression = labels.get(key as DimensionId) ?? MEASURE_ORDER_SQL[key as MeasureId];
    if (expression === undefined) throw new Error(`no streamed order for ${key}`);
    order.push(`${expression}${labels.has(key as DimensionId) ? ' COLLATE "C"' : ''} ${descending ? 'DESC' : 'ASC'} NULLS LAST`);
  }
  for (const dimension of dimensions) order.push(`${labels.get(dimension)!} COLLATE "C" ASC NULLS LAST`);

  const limits = [query.limit, options.limit].filter((limit): limit is number => limit !== null && limit !== undefined);
  const limit = limits.length === 0 ? '' : ` LIMIT ${param(Math.min(...limits))}`;
  const text = `WITH ${ctes.join(', ')} SELECT ${select.join(', ')} FROM ${rows} r${order.length === 0 ? '' : ` ORDER BY ${order.join(', ')}`}${limit}`;
  return { text, values, source: slice.source, components };
}

/** A label as the API writes it (aggregate.repository's `label`), from the slice's column. */
function labelSql(dimension: DimensionId, param: (value: unknown) => string): string {
  const column = `r.dim_${dimension}`;
  switch (dimension) {
    case 'period':
      // Already the label: the periods were filled in by label (a period with no lines has no start in the groups).
      return column;
    case 'section':
      return `(${param([...SECTIONS])}::text[])[${column} + 1]`;
    case 'payer_category':
      return `(${param([...PAYER_CATEGORIES])}::text[])[${column} + 1]`;
    case 'place_of_service':
      return `lpad(${column}::text, 2, '0')`;
    default:
      return `${column}::text`;
  }
}
