import type { LoginResponse } from '@caseload/contracts';
import { ApiError, messageFromErrorBody } from '../../../api/api-error';
import { apiFetch } from '../../../api/api-fetch';
import { rememberSessionUser, type SessionUser } from './session-user';
import { setToken } from './token-store';

/** Where the single sign-on button sends the browser (the server redirects to the provider). */
export const SSO_LOGIN_PATH = '/api/v1/auth/oidc/login';

/** `GET /api/v1/auth/options`: what the login page may offer. */
export interface AuthOptions {
  password: boolean;
  oidc: { enabled: boolean; label: string };
}

/** What the page offers when the server cannot say: the password form alone. */
export const PASSWORD_ONLY: AuthOptions = { password: true, oidc: { enabled: false, label: '' } };

/** The server's answer, checked; anything unexpected means the password form alone. */
export function parseAuthOptions(body: unknown): AuthOptions {
  if (typeof body !== 'object' || body === null) return PASSWORD_ONLY;
  const { oidc } = body as { oidc?: unknown };
  if (typeof oidc !== 'object' || oidc === null) return PASSWORD_ONLY;
  const { enabled, label } = oidc as { enabled?: unknown; label?: unknown };
  if (enabled !== true || typeof label !== 'string' || label.trim() === '') return PASSWORD_ONLY;
  return { password: true, oidc: { enabled: true, label: label.trim() } };
}

export async function fetchAuthOptions(signal?: AbortSignal): Promise<AuthOptions> {
  return parseAuthOptions(await apiFetch<unknown>('/api/v1/auth/options', { signal }));
}

/** What a single sign-on left in the URL fragment when the server sent the browser back here. */
export type SsoReturn = { kind: 'token'; token: string } | { kind: 'error'; message: string };

const SSO_ERROR_MAX = 300;

/** Reads `#sso=<token>` or `#sso_error=<message>`; null for any other fragment. */
export function parseSsoFragment(hash: string): SsoReturn | null {
  const fragment = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = fragment.get('sso');
  if (token !== null && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) return { kind: 'token', token };
  const message = fragment.get('sso_error');
  if (message !== null && message.trim() !== '') return { kind: 'error', message: message.trim().slice(0, SSO_ERROR_MAX) };
  if (token !== null) return { kind: 'error', message: 'The sign-in did not finish. Try again.' };
  return null;
}

/** Keeps a token single sign-on gave, with the user it belongs to, as a password sign-in does. */
export async function completeSsoSignIn(token: string): Promise<void> {
  const user = await fetchMe(token);
  if (!isSessionUser(user)) throw new ApiError(502, 'The server did not describe the signed-in account. Try again, or ask your administrator.');
  rememberSessionUser(token, user);
  setToken(token);
}

/**
 * `GET /auth/me` with this token. Not apiFetch: the token is not the session's yet, so the
 * session's own token must neither replace it nor be dropped when this one is refused.
 */
async function fetchMe(token: string): Promise<Partial<SessionUser> | null> {
  let response: Response;
  try {
    response = await fetch('/api/v1/auth/me', { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  } catch {
    throw new ApiError(0, 'Cannot reach the Caseload server. Check your connection and try again.');
  }
  let body: unknown = null;
  try {
    body = JSON.parse(await response.text()) as unknown;
  } catch {
    // not JSON: handled as no answer below
  }
  if (!response.ok) throw new ApiError(response.status, messageFromErrorBody(body, response.status));
  return typeof body === 'object' ? (body as Partial<SessionUser> | null) : null;
}

function isSessionUser(value: Partial<LoginResponse['user']> | null): value is SessionUser {
  return value !== null && typeof value.id === 'number' && typeof value.email === 'string' && typeof value.role === 'string' && Array.isArray(value.departments);
}

/** What the login page says when a token from single sign-on cannot be used. */
export function ssoErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'The sign-in has expired or is not valid. Sign in again.';
    return error.message;
  }
  return 'Something went wrong while signing in. Try again.';
}
