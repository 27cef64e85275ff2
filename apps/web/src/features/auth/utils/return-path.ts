import type { SignOutReason } from './token-store';

/**
 * The page to remember when a signed-out visitor is sent to /login, so that signing in goes
 * back there. The rule: a page is remembered on a first visit (a link opened in a new tab)
 * and when the session expired, but not after the user signed out: whoever signs in next in
 * this tab may be someone else, and starts on the Overview instead of the previous user's page.
 */
export function returnPathToRemember(path: string, lastSignOut: SignOutReason | null): string | null {
  return lastSignOut === 'signed_out' ? null : path;
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
