import { Inject, Injectable } from '@nestjs/common';
import type { AggregateResponse, AggregateRow } from '@caseload/contracts';
import {
  addDays,
  addYears,
  daysBetween,
  enumeratePeriods,
  labelOneYearEarlier,
  parsePeriodLabel,
  periodLabel,
  periodStart,
  previousPeriodStart,
  type DimensionId,
  type IsoDate,
  type MeasureId,
  type PeriodOptions,
} from '@caseload/domain';
import { APP_CONFIG } from '../../config/config.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { InvalidParameterException } from '../../common/app.exception.js';
import type { AggregateQuery } from './aggregate-query.js';
import { AggregateCache, type SerializedAnswer } from './aggregate-cache.js';
import { AggregateRepository, type SliceRow } from './aggregate.repository.js';
import { DataVersionService } from './data-version.service.js';
import type { SliceSource, SliceSpec } from './aggregate-sql.js';
import { ZERO_COMPONENTS, fillPeriods, labelKey, measureValues, sortRows } from './aggregate-shape.js';
import { ROLLUP_COMPONENT_SQL, UNPRICED_COMPONENT, measureComponents } from './measure-sql.js';

/** Above this many rows an answer is refused with advice, rather than built in memory. */
export const MAX_ROWS = 1_000_000;

/** The measures' components summed over the rows. */
function sumComponents(measures: readonly MeasureId[], rows: readonly SliceRow[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const [alias] of measureComponents(measures)) {
    let sum = 0;
    for (const row of rows) sum += row.components[alias] ?? 0;
    sums[alias] = sum;
  }
  return sums;
}

/** Department scope of the asking user: null = every department. */
export type DepartmentScope = readonly string[] | null;

/**
 * The department filter a user limited to `scope` may ask: the scope itself, or the asked
 * departments inside it. Asking only outside the scope answers as if there were no lines.
 */
export function scopedDepartments(department: string[] | undefined, scope: DepartmentScope): string[] | undefined {
  if (scope === null || scope.length === 0) return department;
  const inside = department === undefined ? [...scope] : department.filter((code) => scope.includes(code));
  return inside.length === 0 ? [''] : inside;
}

@Injectable()
export class AggregateService {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly cache: AggregateCache,
    private readonly dataVersion: DataVersionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get periodOptions(): PeriodOptions {
    return { fiscalYearStartMonth: this.config.fiscalYearStartMonth };
  }

  /**
   * The answer to a query for a user's scope, from the cache when the same question was asked
   * of the same data; `fresh` computes it again (what `Cache-Control: no-cache` asks for).
   */
  async aggregate(query: AggregateQuery, scope: DepartmentScope, options: { fresh?: boolean; source?: SliceSource } = {}): Promise<AggregateResponse> {
    // A forced source is a test's or the benchmark's question: never cached.
    if (options.source !== undefined) return this.compute(query, scope, options.source);
    return (await this.aggregateSerialized(query, scope, options)).answer;
  }

  /** The answer and its JSON text, which the cache keeps so that a repeated request sends it as is. */
  async aggregateSerialized(query: AggregateQuery, scope: DepartmentScope, options: { fresh?: boolean } = {}): Promise<SerializedAnswer> {
    const version = await this.dataVersion.current();
    const key = JSON.stringify([version, scope, query]);
    if (options.fresh) return this.cache.put(key, await this.compute(query, scope));
    return this.cache.getOrCompute(key, () => this.compute(query, scope));
  }

  private async compute(query: AggregateQuery, scope: DepartmentScope, source?: SliceSource): Promise<AggregateResponse> {
    const base = { ...this.sliceSpec(query, scope), ...(source === undefined ? {} : { source }) };
    const periods = query.groupBy.includes('period') ? enumeratePeriods(query.from, query.to, query.grain, this.periodOptions) : [];
    const range = query.compare === null ? null : this.compareRange(query);
    // Additive totals are the sums of the slice's own rows (its groups split its lines); distinct
    // counts need the whole range asked. Every slice is asked at once, for the database to work
    // on them side by side.
    const additive = measureComponents(query.measures).every(([alias]) => ROLLUP_COMPONENT_SQL[alias] !== undefined);
    const whole = (spec: SliceSpec) => (additive ? null : this.repository.slice({ ...spec, dimensions: [] }));
    const comparison = range === null ? null : this.comparisonSpec(query, base, range);
    const [main, totals, compared, compareTotals] = await Promise.all([
      this.repository.answer(base),
      whole(base),
      comparison === null ? null : this.repository.slice(comparison),
      range === null || comparison === null
        ? null
        : // previous_period rows compare with whole periods, a range other than the totals'.
          comparison.from === range.from && comparison.to === range.to
          ? whole(comparison)
          : this.repository.slice({ ...base, ...range, dimensions: [] }),
    ]);
    const totalsOf = (rows: SliceRow[], wholeRows: SliceRow[] | null) => (wholeRows === null ? sumComponents(query.measures, rows) : (wholeRows[0]?.components ?? ZERO_COMPONENTS));
    const found = main.rows;
    const filled = fillPeriods(found, query.groupBy, periods.map((period) => period.label));
    if (filled.length > MAX_ROWS) {
      throw new InvalidParameterException('groupBy', `the answer would have ${filled.length} rows (at most ${MAX_ROWS}); narrow the dates, coarsen the grain or add a filter`);
    }

    const rows: AggregateRow[] = filled.map((row) => ({ ...row.labels, ...measureValues(query.measures, row.components) }));
    const totalComponents = totalsOf(found, totals);
    const totalValues = measureValues(query.measures, totalComponents);
    const meta: AggregateResponse['meta'] = { grain: query.grain, from: query.from, to: query.to, rowCount: 0, suppressed: 0, source: main.source };
    // Lines of the range and filters that the fee schedule could not price (DESIGN §4).
    if (measureComponents(query.measures).some(([alias]) => alias === UNPRICED_COMPONENT)) meta.unpriced = totalComponents[UNPRICED_COMPONENT] ?? 0;

    if (range !== null && compared !== null) {
      meta.compare = query.compare!;
      meta.compareFrom = range.from;
      meta.compareTo = range.to;
      this.addComparison(query, compared, filled, rows);
      Object.assign(totalValues, measureValues(query.measures, totalsOf(compared, compareTotals), '_compare'));
    }

    sortRows(rows, query.groupBy, query.orderBy);
    const limited = query.limit === null ? rows : rows.slice(0, query.limit);
    meta.rowCount = limited.length;
    return { rows: limited, totals: totalValues, meta };
  }

  /** Rows without a period and the totals compare with this range. */
  compareRange(query: AggregateQuery): { from: IsoDate; to: IsoDate } {
    if (query.compare === 'previous_year') return { from: addYears(query.from, -1), to: addYears(query.to, -1) };
    const length = daysBetween(query.from, query.to) + 1;
    return { from: addDays(query.from, -length), to: addDays(query.from, -1) };
  }

  /**
   * What a query's comparison reads (its slice, from the asked slice `base`) and, for each of its
   * period labels, the label of the period it is compared with (null: none). Exports stream it.
   */
  comparison(query: AggregateQuery, base: SliceSpec): { spec: SliceSpec; earlierPeriod: (label: string) => string | null } | null {
    if (query.compare === null) return null;
    return { spec: this.comparisonSpec(query, base, this.compareRange(query)), earlierPeriod: (label) => this.earlierPeriod(label, query) };
  }

  /** The slice the comparison reads; for period rows, previous_period compares with each whole preceding period. */
  private comparisonSpec(query: AggregateQuery, base: SliceSpec, range: { from: IsoDate; to: IsoDate }): SliceSpec {
    if (query.groupBy.includes('period') && query.compare === 'previous_period') {
      const first = periodStart(query.from, query.grain, this.periodOptions);
      const last = periodStart(query.to, query.grain, this.periodOptions);
      return { ...base, from: previousPeriodStart(first, query.grain, this.periodOptions), to: addDays(last, -1) };
    }
    return { ...base, ...range };
  }

  private addComparison(query: AggregateQuery, comparedRows: SliceRow[], filled: SliceRow[], rows: AggregateRow[]): void {
    const dimensions = query.groupBy;
    const hasPeriod = dimensions.includes('period');
    const compared = new Map(comparedRows.map((row) => [labelKey(row.labels, dimensions), row.components]));
    filled.forEach((row, i) => {
      let labels = row.labels;
      if (hasPeriod) {
        const earlier = this.earlierPeriod(row.labels.period!, query);
        if (earlier === null) {
          Object.assign(rows[i]!, Object.fromEntries(query.measures.map((measure) => [`${measure}_compare`, null])));
          return;
        }
        labels = { ...row.labels, period: earlier };
      }
      Object.assign(rows[i]!, measureValues(query.measures, compared.get(labelKey(labels, dimensions)) ?? ZERO_COMPONENTS, '_compare'));
    });
  }

  private earlierPeriod(label: string, query: AggregateQuery): string | null {
    if (query.compare === 'previous_year') return labelOneYearEarlier(label, query.grain);
    const period = parsePeriodLabel(label, query.grain, this.periodOptions);
    if (period === null) return null;
    return periodLabel(previousPeriodStart(period.start, query.grain, this.periodOptions), query.grain, this.periodOptions);
  }

  /** The slice a query asks of a user's scope: the department filter narrowed to the scope. Exports stream the same slice. */
  sliceSpec(query: AggregateQuery, scope: DepartmentScope): SliceSpec {
    const department = scopedDepartments(query.filters.department, scope);
    return {
      measures: query.measures,
      dimensions: query.groupBy as DimensionId[],
      grain: query.grain,
      fiscalYearStartMonth: this.config.fiscalYearStartMonth,
      from: query.from,
      to: query.to,
      filters: { ...query.filters, department },
    };
  }
}
