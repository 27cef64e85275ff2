import type { LoginRequest, LoginResponse } from '@caseload/contracts';
import { ApiError } from '../../../api/api-error';
import { apiFetch } from '../../../api/api-fetch';
import { rememberSessionUser } from './session-user';

/** Signs in and returns the access token; the user it describes is kept beside the token. */
export async function requestLogin(email: string, password: string): Promise<string> {
  const request: LoginRequest = { email, password };
  const answer = await apiFetch<Partial<LoginResponse> | null>('/api/v1/auth/login', { method: 'POST', json: request });
  if (!answer || typeof answer.accessToken !== 'string' || answer.accessToken === '') {
    throw new ApiError(502, 'The server did not send a session token. Try again, or ask your administrator.');
  }
  if (answer.user) rememberSessionUser(answer.accessToken, answer.user);
  return answer.accessToken;
}

/** What the login form says when signing in fails. */
export function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Email or password is not right';
    if (error.status === 429) return 'Too many attempts, wait a minute';
    return error.message;
  }
  return 'Something went wrong while signing in. Try again.';
}
