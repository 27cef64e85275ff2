import { useQuery } from '@tanstack/react-query';
import { EARLIEST_SERVICE_DATE } from '@caseload/domain';
import { aggregateUrl, parseAggregateResponse } from '../../../api/aggregate';
import type { AggregateQuery } from '../../../api/aggregate';
import { apiFetch } from '../../../api/api-fetch';
import { departmentOptions } from '../utils/department-options';
import { localToday } from '../utils/today';

/** Every department with any line, ever: the API answers only those the user may see. */
export function departmentsQuery(today: string): AggregateQuery {
  return { measures: ['lines'], groupBy: ['department'], from: EARLIEST_SERVICE_DATE, to: today };
}

/**
 * The departments the user can filter by, with their lines over all time. `hasLines` is
 * false when there is no procedure line at all (nothing imported yet), which pages use to
 * tell "no data" from "no data for these filters".
 */
export function useDepartmentOptions() {
  const query = departmentsQuery(localToday());
  return useQuery({
    queryKey: ['aggregate', query],
    queryFn: async ({ signal }) => parseAggregateResponse(await apiFetch<unknown>(aggregateUrl(query), { signal })),
    select: departmentOptions,
  });
}
