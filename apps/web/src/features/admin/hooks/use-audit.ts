import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchAuditPage } from '../utils/admin-api';
import type { AuditFilters } from '../utils/audit-filters';

/** Pages of audit entries, newest first; `fetchNextPage` loads older ones. */
export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam, signal }) => fetchAuditPage(filters, pageParam, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (lastPage) => lastPage.nextBefore ?? undefined,
    // The log grows with every sign-in: each visit asks again.
    staleTime: 0,
  });
}
