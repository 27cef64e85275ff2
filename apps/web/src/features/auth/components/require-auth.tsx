import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuthToken } from '../hooks/use-auth-token';

/** Renders its children for a signed-in user; anyone else goes to /login and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const token = useAuthToken();
  const location = useLocation();
  if (!token) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return children;
}

/** The page to return to after signing in: an in-app path from the router state, else `/`. */
export function returnPathFrom(state: unknown): string {
  if (state && typeof state === 'object' && 'from' in state) {
    const { from } = state as { from: unknown };
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) {
      return from;
    }
  }
  return '/';
}
