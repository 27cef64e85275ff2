import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { aggregateUrl, parseAggregateResponse } from '../../../api/aggregate';
import type { AggregateQuery } from '../../../api/aggregate';
import { apiFetch } from '../../../api/api-fetch';
import type { AggregateFilterParams } from '../../filters/utils/aggregate-params';
import { OVERVIEW_MEASURES } from '../utils/overview-measures';
import { buildOverviewModel } from '../utils/overview-model';

/** The headline measures by period, with the same periods a year earlier. */
export function overviewQuery(params: AggregateFilterParams): AggregateQuery {
  return { measures: OVERVIEW_MEASURES, groupBy: ['period'], compare: 'previous_year', ...params };
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
