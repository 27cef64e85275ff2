import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { aggregateUrl, parseAggregateResponse } from '../../../api/aggregate';
import type { AggregateQuery } from '../../../api/aggregate';
import { apiFetch } from '../../../api/api-fetch';
import type { AggregateFilterParams } from '../../filters/utils/aggregate-params';
import { MOVER_COUNT } from '../components/overview-layout';
import { buildMovers } from '../utils/movers';
import type { MoverDimension } from '../utils/movers';

/**
 * Lines per department or code in the range and a year earlier. No limit: ranking by change
 * needs every row (a code that fell to a few lines would be missed by a top-N by volume).
 * The grain does not matter without periods, so it stays out of the query and its cache key.
 */
export function moversQuery(params: AggregateFilterParams, dimension: MoverDimension): AggregateQuery {
  const { grain: _grain, ...filters } = params;
  return { measures: ['lines'], groupBy: [dimension], compare: 'previous_year', ...filters };
}

export function useMovers(params: AggregateFilterParams, dimension: MoverDimension) {
  const query = moversQuery(params, dimension);
  return useQuery({
    queryKey: ['aggregate', query],
    queryFn: async ({ signal }) => parseAggregateResponse(await apiFetch<unknown>(aggregateUrl(query), { signal })),
    select: (data) => buildMovers(data.rows, dimension, MOVER_COUNT),
    placeholderData: keepPreviousData,
  });
}
