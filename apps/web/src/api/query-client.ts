import { QueryClient } from '@tanstack/react-query';
import { isRetryable } from './api-error';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Facts change when an import lands, not from second to second.
        staleTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => isRetryable(error) && failureCount < 2,
      },
    },
  });
}
