import type { AggregateQuery } from '../../../api/aggregate';
import type { ScopedParams } from './volume-drill';

/** Codes in the top-codes table. */
export const TOP_CODE_COUNT = 20;

/** Lines by period, with the same periods a year earlier. */
export function trendQuery(params: ScopedParams): AggregateQuery {
  return { measures: ['lines'], groupBy: ['period'], compare: 'previous_year', ...params };
}

/** Lines by period and section, for the stacked chart. */
export function sectionsQuery(params: ScopedParams): AggregateQuery {
  return { measures: ['lines'], groupBy: ['period', 'section'], ...params };
}

/** Lines by period and department: the heat-map, and at code level the department lines. */
export function departmentsQuery(params: ScopedParams): AggregateQuery {
  return { measures: ['lines'], groupBy: ['period', 'department'], ...params };
}

/**
 * The top codes by lines over the whole range, with a year earlier. The grain does not
 * matter without periods, so it stays out of the query and its cache key.
 */
export function topCodesQuery(params: ScopedParams): AggregateQuery {
  const { grain: _grain, ...filters } = params;
  return { measures: ['lines'], groupBy: ['code'], compare: 'previous_year', orderBy: '-lines', limit: TOP_CODE_COUNT, ...filters };
}

/** Lines by period for the given codes only (their sparklines), in one request. */
export function codeTrendsQuery(params: ScopedParams, codes: readonly string[]): AggregateQuery {
  return { measures: ['lines'], groupBy: ['period', 'code'], ...params, code: [...codes].sort() };
}
