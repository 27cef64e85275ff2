import { useSyncExternalStore } from 'react';
import { getToken, subscribeToken } from '../utils/token-store';

export function useAuthToken(): string | null {
  return useSyncExternalStore(subscribeToken, getToken, () => null);
}
