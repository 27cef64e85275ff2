import { useQuery } from '@tanstack/react-query';
import { aggregateUrl, parseAggregateResponse } from '../../../api/aggregate';
import type { AggregateQuery } from '../../../api/aggregate';
import { apiFetch } from '../../../api/api-fetch';
import { OVERVIEW_MEASURES } from '../utils/overview-measures';
import { buildOverviewModel } from '../utils/overview-model';

// No from/to: the API defaults to the last 12 whole months.
export const OVERVIEW_QUERY: AggregateQuery = {
  measures: OVERVIEW_MEASURES,
  groupBy: ['period'],
  grain: 'month',
  compare: 'previous_year',
};

export function useOverview() {
  return useQuery({
    queryKey: ['aggregate', OVERVIEW_QUERY],
    queryFn: async ({ signal }) => parseAggregateResponse(await apiFetch<unknown>(aggregateUrl(OVERVIEW_QUERY), { signal })),
    select: buildOverviewModel,
  });
}
