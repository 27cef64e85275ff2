import { useSyncExternalStore } from 'react';
import { subscribeToken } from '../utils/token-store';
import { getSessionUser, type SessionUser } from '../utils/session-user';

/** The signed-in user as the login answer described them; re-reads when the session changes. */
export function useSessionUser(): SessionUser | null {
  return useSyncExternalStore(subscribeToken, getSessionUser, () => null);
}
