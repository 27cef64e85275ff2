import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { aggregateUrl, parseAggregateResponse } from '../../../api/aggregate';
import type { AggregateQuery, AggregateResponse } from '../../../api/aggregate';
import { apiFetch } from '../../../api/api-fetch';

/**
 * One aggregate query, shaped by `select` (a module-level function, so it runs once per
 * answer). A filter change keeps the figures on show, marked as updating, until the new ones
 * arrive. `null` asks nothing (a query that waits for another).
 */
export function useAggregate<T>(query: AggregateQuery | null, select: (data: AggregateResponse) => T) {
  return useQuery({
    queryKey: ['aggregate', query],
    queryFn: async ({ signal }) => parseAggregateResponse(await apiFetch<unknown>(aggregateUrl(query as AggregateQuery), { signal })),
    select,
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
