import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuthToken } from '../hooks/use-auth-token';
import { returnPathToRemember } from '../utils/return-path';
import { getSignOutReason } from '../utils/token-store';

/**
 * Renders its children for a signed-in user; anyone else goes to /login, and comes back after
 * signing in unless they had signed out (see `returnPathToRemember`).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const token = useAuthToken();
  const location = useLocation();
  if (!token) {
    const from = returnPathToRemember(`${location.pathname}${location.search}${location.hash}`, getSignOutReason());
    return <Navigate to="/login" replace state={from === null ? null : { from }} />;
  }
  return children;
}
