import { useCallback, useState } from 'react';
import { loginErrorMessage, requestLogin } from '../utils/login';
import { setToken } from '../utils/token-store';

export interface LoginState {
  signIn: (email: string, password: string) => Promise<boolean>;
  pending: boolean;
  error: string | null;
}

/** Signs in and keeps the token; resolves true on success, false with `error` set otherwise. */
export function useLogin(): LoginState {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signIn = useCallback(async (email: string, password: string) => {
    setPending(true);
    setError(null);
    try {
      setToken(await requestLogin(email, password));
      return true;
    } catch (failure) {
      setError(loginErrorMessage(failure));
      return false;
    } finally {
      setPending(false);
    }
  }, []);

  return { signIn, pending, error };
}
