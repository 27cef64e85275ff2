import { renderHook, waitFor } from '@testing-library/react';
import { getSessionUser } from '../../utils/session-user';
import { getToken } from '../../utils/token-store';
import { useSsoReturn } from '../use-sso-return';

const TOKEN = 'header.payload.signature';
const VIEWER = { id: 3, email: 'viewer@hospital.test', role: 'viewer' as const, departments: [] };

function mockFetch(status: number, body: unknown): jest.Mock {
  const fetchMock = jest.fn().mockResolvedValue({ ok: status >= 200 && status < 300, status, text: async () => JSON.stringify(body) });
  Object.assign(globalThis, { fetch: fetchMock });
  return fetchMock;
}

describe('useSsoReturn', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('keeps the token from the fragment, with its user, and clears the fragment from the address bar', async () => {
    mockFetch(200, VIEWER);
    window.history.pushState(null, '', `/login?next=1#sso=${TOKEN}`);
    const { result } = renderHook(() => useSsoReturn());
    expect(result.current.pending).toBe(true);
    expect(window.location.hash).toBe('');
    expect(window.location.pathname + window.location.search).toBe('/login?next=1');
    await waitFor(() => expect(getToken()).toBe(TOKEN));
    expect(getSessionUser()).toEqual(VIEWER);
  });

  it('shows the error the fragment carries, and clears it', () => {
    const fetchMock = mockFetch(200, {});
    window.history.pushState(null, '', '/login#sso_error=This%20account%20is%20disabled.');
    const { result } = renderHook(() => useSsoReturn());
    expect(result.current).toEqual({ pending: false, error: 'This account is disabled.' });
    expect(window.location.hash).toBe('');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says so when the server refuses the token', async () => {
    mockFetch(401, { statusCode: 401, message: 'expired' });
    window.history.pushState(null, '', `/login#sso=${TOKEN}`);
    const { result } = renderHook(() => useSsoReturn());
    await waitFor(() => expect(result.current.error).toBe('The sign-in has expired or is not valid. Sign in again.'));
    expect(result.current.pending).toBe(false);
    expect(getToken()).toBeNull();
  });

  it('does nothing on a plain visit', () => {
    const fetchMock = mockFetch(200, {});
    window.history.pushState(null, '', '/login');
    const { result } = renderHook(() => useSsoReturn());
    expect(result.current).toEqual({ pending: false, error: null });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
