import { useEffect, useState } from 'react';
import { fetchAuthOptions, PASSWORD_ONLY, type AuthOptions } from '../utils/sso';

/**
 * How this server lets people sign in; the password form alone until (or unless) it says
 * more. A plain effect, not a query: the login page works before any app state exists.
 */
export function useAuthOptions(): AuthOptions {
  const [options, setOptions] = useState<AuthOptions>(PASSWORD_ONLY);
  useEffect(() => {
    const controller = new AbortController();
    fetchAuthOptions(controller.signal).then(setOptions, () => {
      // Unreachable or refused: the password form still works, so it stays the only offer.
    });
    return () => controller.abort();
  }, []);
  return options;
}
