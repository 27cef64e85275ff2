import type { ImportStatusResponse } from '@caseload/contracts';
import { useQuery } from '@tanstack/react-query';
import { isRetryable } from '../../../api/api-error';
import { anyUnderWay } from '../utils/import-rows';
import { isUnderWay } from '../utils/import-status';
import { fetchImport, fetchImports, fetchRejections } from '../utils/imports-api';

export const IMPORTS_QUERY_KEY = ['imports'] as const;
const LIST_KEY = [...IMPORTS_QUERY_KEY, 'list'] as const;

/** How often an import under way is asked about again. */
export const LIST_POLL_MS = 2_000;
export const STATUS_POLL_MS = 500;

/** Every import the user may see, newest first; asked again while any is under way. */
export function useImports() {
  return useQuery({
    queryKey: LIST_KEY,
    queryFn: ({ signal }) => fetchImports(signal),
    staleTime: 0,
    refetchInterval: (query) => (anyUnderWay(query.state.data) ? LIST_POLL_MS : false),
  });
}

/** One import's status, followed closely until it completes or fails. */
export function useImportStatus(id: number | null) {
  return useQuery<ImportStatusResponse>({
    queryKey: [...IMPORTS_QUERY_KEY, 'status', id],
    queryFn: ({ signal }) => fetchImport(id as number, signal),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => {
      if (query.state.status === 'error') return false;
      return query.state.data === undefined || isUnderWay(query.state.data.status) ? STATUS_POLL_MS : false;
    },
    // A status poll that fails once is tried again on the next tick, not shown as an error.
    retry: (failureCount, error) => isRetryable(error) && failureCount < 3,
  });
}

/** One page of an import's rejected rows; the previous page stays on screen while the next loads. */
export function useRejections(id: number, slice: { offset: number; limit: number }, enabled: boolean) {
  return useQuery({
    queryKey: [...IMPORTS_QUERY_KEY, 'rejections', id, slice.offset, slice.limit],
    // The answer says which slice it is, so a page kept on screen while the next loads is captioned as what it is.
    queryFn: async ({ signal }) => ({ offset: slice.offset, rows: await fetchRejections(id, slice, signal) }),
    enabled,
    // Another page of the same import stays on screen while it loads; another import does not.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === id ? previous : undefined),
  });
}
