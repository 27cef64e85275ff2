import { useEffect, useRef, useState } from 'react';
import { completeSsoSignIn, parseSsoFragment, ssoErrorMessage, type SsoReturn } from '../utils/sso';

export interface SsoReturnState {
  /** A token from single sign-on is being checked. */
  pending: boolean;
  error: string | null;
}

/**
 * On the login page: takes what single sign-on left in the URL fragment, removes it from the
 * address bar and the history at once, and keeps the token (the token store then signs the
 * app in) or shows the error.
 */
export function useSsoReturn(): SsoReturnState {
  const [found] = useState<SsoReturn | null>(() => parseSsoFragment(window.location.hash));
  const [state, setState] = useState<SsoReturnState>(() => ({
    pending: found?.kind === 'token',
    error: found?.kind === 'error' ? found.message : null,
  }));

  // Once per page load, even where React runs effects twice.
  const started = useRef(false);

  useEffect(() => {
    if (found === null || started.current) return;
    started.current = true;
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`);
    if (found.kind !== 'token') return;
    completeSsoSignIn(found.token).catch((error: unknown) => setState({ pending: false, error: ssoErrorMessage(error) }));
  }, [found]);

  return state;
}
