import { clearToken, getToken } from '../features/auth/utils/token-store';
import { ApiError, messageFromErrorBody } from './api-error';

export interface ApiFetchInit {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const NETWORK_ERROR_MESSAGE = 'Cannot reach the Caseload server. Check your connection and try again.';

/**
 * fetch for the Caseload API: sends the session's bearer token, parses JSON, and turns
 * every failure into an ApiError whose message can be shown to a person. A 401 on a
 * request that carried a token means the session ended: the token is dropped, which
 * sends the app back to the login page (see RequireAuth).
 */
export async function apiFetch<T>(path: string, init: ApiFetchInit = {}): Promise<T> {
  const token = getToken();
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  if (init.json !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers['Authorization'] = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers,
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
      signal: init.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR_MESSAGE);
  }

  const body = parseJson(await response.text());
  if (!response.ok) {
    if (response.status === 401 && token) clearToken('expired');
    throw new ApiError(response.status, messageFromErrorBody(body, response.status));
  }
  return body as T;
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
