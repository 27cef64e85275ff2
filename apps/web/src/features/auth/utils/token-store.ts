// The access token lives in sessionStorage: it survives a reload but not the closing of the
// tab, and it is never shared with another tab. Subscribers (useAuthToken) re-render on change.
const TOKEN_KEY = 'caseload.accessToken';

export type SignOutReason = 'signed_out' | 'expired';

const listeners = new Set<() => void>();
let lastSignOutReason: SignOutReason | null = null;

export function getToken(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage blocked by the browser: behave as signed out
  }
}

export function setToken(token: string): void {
  try {
    window.sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Blocked storage: the session cannot be kept; the next request will ask to sign in again.
  }
  lastSignOutReason = null;
  notify();
}

export function clearToken(reason: SignOutReason = 'signed_out'): void {
  try {
    window.sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // nothing stored, nothing to remove
  }
  lastSignOutReason = reason;
  notify();
}

/** Why the last session ended, so the login page can say "your session ended" after a 401. */
export function getSignOutReason(): SignOutReason | null {
  return lastSignOutReason;
}

export function subscribeToken(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function notify(): void {
  for (const listener of listeners) listener();
}
