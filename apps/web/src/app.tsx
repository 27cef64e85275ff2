import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './api/query-client';
import { getToken, subscribeToken } from './features/auth/utils/token-store';
import { AppRoutes } from './router';
import { ErrorBoundary } from './ui/error-boundary';

export function App() {
  const [queryClient] = useState(createQueryClient);

  // Cached answers belong to the user who asked: drop them all when the session ends.
  useEffect(
    () =>
      subscribeToken(() => {
        if (!getToken()) queryClient.clear();
      }),
    [queryClient],
  );

  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <ErrorBoundary>
          <AppRoutes />
        </ErrorBoundary>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
