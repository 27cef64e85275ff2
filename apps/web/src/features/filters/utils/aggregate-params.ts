import type { AggregateQuery } from '../../../api/aggregate';
import type { DashboardFilters } from './dashboard-filters';
import { resolveDateRange } from './date-range';
import { localToday } from './today';

/** The part of an aggregate query that the dashboard filters decide. */
export type AggregateFilterParams = Required<Pick<AggregateQuery, 'grain' | 'from' | 'to'>> &
  Pick<AggregateQuery, 'department' | 'section' | 'payer_category' | 'place_of_service'>;

/**
 * Turns the dashboard filters into aggregate API parameters: the grain, the concrete
 * `from`/`to` of the date preset on `today`, and each non-empty list filter. Spread it into
 * every chart's query so that all charts answer the same question:
 *
 * ```ts
 * const query: AggregateQuery = { measures: ['lines'], groupBy: ['period'], ...aggregateParams(filters) };
 * ```
 *
 * @param today the viewer's calendar date (`YYYY-MM-DD`); tests pass a fixed one.
 */
export function aggregateParams(filters: DashboardFilters, today: string = localToday()): AggregateFilterParams {
  const { from, to } = resolveDateRange(filters.range, today);
  const params: AggregateFilterParams = { grain: filters.grain, from, to };
  if (filters.departments.length > 0) params.department = filters.departments;
  if (filters.sections.length > 0) params.section = filters.sections;
  if (filters.payerCategories.length > 0) params.payer_category = filters.payerCategories;
  if (filters.placesOfService.length > 0) params.place_of_service = filters.placesOfService;
  return params;
}
