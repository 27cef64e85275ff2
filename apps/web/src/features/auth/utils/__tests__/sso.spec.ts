import { ApiError } from '../../../../api/api-error';
import { getSessionUser } from '../session-user';
import { completeSsoSignIn, fetchAuthOptions, parseAuthOptions, parseSsoFragment, PASSWORD_ONLY, ssoErrorMessage } from '../sso';
import { getToken, setToken } from '../token-store';

const TOKEN = 'header.payload.signature';
const ANALYST = { id: 7, email: 'card.analyst@hospital.test', role: 'analyst' as const, departments: ['CARD'] };

function mockFetch(status: number, body: unknown): jest.Mock {
  const fetchMock = jest.fn().mockResolvedValue({ ok: status >= 200 && status < 300, status, text: async () => JSON.stringify(body) });
  Object.assign(globalThis, { fetch: fetchMock });
  return fetchMock;
}

describe('parseSsoFragment', () => {
  it('finds the token single sign-on left', () => {
    expect(parseSsoFragment(`#sso=${TOKEN}`)).toEqual({ kind: 'token', token: TOKEN });
  });

  it('finds the error, decoded', () => {
    expect(parseSsoFragment('#sso_error=This+account+has+no+Caseload+role.')).toEqual({ kind: 'error', message: 'This account has no Caseload role.' });
    expect(parseSsoFragment('#sso_error=Caf%C3%A9%20closed')).toEqual({ kind: 'error', message: 'Café closed' });
  });

  it('keeps an error message short', () => {
    const found = parseSsoFragment(`#sso_error=${'x'.repeat(5000)}`);
    expect(found?.kind === 'error' ? found.message.length : 0).toBe(300);
  });

  it('turns a token that is not a token into an error', () => {
    expect(parseSsoFragment('#sso=<script>')).toEqual({ kind: 'error', message: 'The sign-in did not finish. Try again.' });
  });

  it('ignores any other fragment', () => {
    expect(parseSsoFragment('')).toBeNull();
    expect(parseSsoFragment('#top')).toBeNull();
    expect(parseSsoFragment('#sso_error=')).toBeNull();
  });
});

describe('parseAuthOptions', () => {
  it('offers single sign-on with its label when the server says so', () => {
    expect(parseAuthOptions({ password: true, oidc: { enabled: true, label: ' Hospital ID ' } })).toEqual({ password: true, oidc: { enabled: true, label: 'Hospital ID' } });
  });

  it('offers the password form alone otherwise', () => {
    expect(parseAuthOptions({ password: true, oidc: { enabled: false, label: '' } })).toEqual(PASSWORD_ONLY);
    expect(parseAuthOptions({ password: true, oidc: { enabled: true, label: '' } })).toEqual(PASSWORD_ONLY);
    expect(parseAuthOptions({ password: true, oidc: { enabled: 'yes', label: 'Hospital ID' } })).toEqual(PASSWORD_ONLY);
    expect(parseAuthOptions(null)).toEqual(PASSWORD_ONLY);
    expect(parseAuthOptions('<html>')).toEqual(PASSWORD_ONLY);
  });

  it('asks the server', async () => {
    const fetchMock = mockFetch(200, { password: true, oidc: { enabled: true, label: 'Hospital ID' } });
    expect(await fetchAuthOptions()).toMatchObject({ oidc: { enabled: true, label: 'Hospital ID' } });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/auth/options');
  });
});

describe('completeSsoSignIn', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('asks who the token belongs to, then keeps both as a password sign-in does', async () => {
    const fetchMock = mockFetch(200, ANALYST);
    await completeSsoSignIn(TOKEN);
    const [url, init] = fetchMock.mock.calls[0] as [string, { headers: Record<string, string> }];
    expect(url).toBe('/api/v1/auth/me');
    expect(init.headers['Authorization']).toBe(`Bearer ${TOKEN}`);
    expect(getToken()).toBe(TOKEN);
    expect(getSessionUser()).toEqual(ANALYST);
  });

  it('keeps nothing when the server refuses the token', async () => {
    mockFetch(401, { statusCode: 401, message: 'The sign-in has expired' });
    await expect(completeSsoSignIn(TOKEN)).rejects.toBeInstanceOf(ApiError);
    expect(getToken()).toBeNull();
  });

  it('keeps nothing when the answer does not describe a user', async () => {
    mockFetch(200, { id: 'seven' });
    await expect(completeSsoSignIn(TOKEN)).rejects.toThrow(/did not describe the signed-in account/);
    expect(getToken()).toBeNull();
  });

  it('does not end the session already in this tab when the new token is refused', async () => {
    setToken('other.session.token');
    mockFetch(401, { statusCode: 401, message: 'no' });
    await expect(completeSsoSignIn(TOKEN)).rejects.toBeInstanceOf(ApiError);
    expect(getToken()).toBe('other.session.token');
  });
});

describe('ssoErrorMessage', () => {
  it('asks to sign in again on 401, and passes other messages on', () => {
    expect(ssoErrorMessage(new ApiError(401, 'x'))).toBe('The sign-in has expired or is not valid. Sign in again.');
    expect(ssoErrorMessage(new ApiError(0, 'Cannot reach the Caseload server.'))).toBe('Cannot reach the Caseload server.');
    expect(ssoErrorMessage(new Error('boom'))).toBe('Something went wrong while signing in. Try again.');
  });
});
