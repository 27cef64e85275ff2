import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { aggregateUrl, parseAggregateResponse } from '../../../api/aggregate';
import type { AggregateQuery } from '../../../api/aggregate';
import { apiFetch } from '../../../api/api-fetch';
import { useDashboardFilters } from '../../filters/hooks/use-dashboard-filters';
import { aggregateParams } from '../../filters/utils/aggregate-params';
import type { AggregateFilterParams } from '../../filters/utils/aggregate-params';
import { OVERVIEW_MEASURES } from '../utils/overview-measures';
import { buildOverviewModel } from '../utils/overview-model';

/** The headline measures by period, with the same periods a year earlier. */
export function overviewQuery(params: AggregateFilterParams): AggregateQuery {
  return { measures: OVERVIEW_MEASURES, groupBy: ['period'], compare: 'previous_year', ...params };
}

/** The lines chart's share of the headline query: the same parameters, its one measure. */
export function linesTrendQuery(params: AggregateFilterParams): AggregateQuery {
  return { ...overviewQuery(params), measures: ['lines'] };
}

/**
 * The filter parameters the page's queries follow, read from the address as the page reads
 * them, so a card's export asks for the figures it shows.
 */
export function useOverviewParams(): AggregateFilterParams {
  const { filters, today } = useDashboardFilters();
  return aggregateParams(filters, today);
}

export function useOverview(params: AggregateFilterParams) {
  const query = overviewQuery(params);
  return useQuery({
    queryKey: ['aggregate', query],
    queryFn: async ({ signal }) => parseAggregateResponse(await apiFetch<unknown>(aggregateUrl(query), { signal })),
    select: buildOverviewModel,
    // A filter change keeps the figures on show (marked as updating) until the new ones
    // arrive, instead of dropping back to the skeleton.
    placeholderData: keepPreviousData,
  });
}
