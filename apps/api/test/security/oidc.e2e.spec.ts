// Single sign-on through the hospital's OpenID Connect provider. A real provider (oidc-provider)
// runs in this process with synthetic accounts; a small "browser" below follows the redirects
// and keeps each site's cookies, and completes the provider's login step for the account the
// test names. The Caseload server is reached as http://caseload.test, as behind a reverse proxy.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AggregateResponse, AuditEntry, AuditResponse, LoginResponse } from '@caseload/contracts';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PUBLIC_ORIGIN = 'http://caseload.test';
const REDIRECT_URI = `${PUBLIC_ORIGIN}/api/v1/auth/oidc/callback`;
const CLIENT = { client_id: 'caseload', client_secret: 'caseload-test-client-secret-0123456789' };

interface Account {
  email: string;
  email_verified?: boolean;
  caseload_role?: string | string[];
  caseload_departments?: string[] | string;
}

/** The provider's directory; a test may change an entry to play a change made at the provider. */
const ACCOUNTS: Record<string, Account> = {
  'idp-admin': { email: 'Chief.Admin@Hospital.test', email_verified: true, caseload_role: ['staff', 'caseload-admins'] },
  'idp-analyst': { email: 'card.analyst@hospital.test', email_verified: true, caseload_role: 'caseload-analysts', caseload_departments: ['CARD'] },
  'idp-nobody': { email: 'no.group@hospital.test', email_verified: true, caseload_role: ['staff', 'parking'] },
  'idp-unverified': { email: 'unverified@hospital.test', email_verified: false, caseload_role: 'caseload-admins' },
};

const CSV = [
  'encounter_id,patient_id,service_date,department,code,units,charge_amount',
  'SSO-E1,PT9501,2023-03-01,CARD,99213,1,100.00',
  'SSO-E2,PT9502,2023-03-02,CARD,99214,1,150.00',
  'SSO-E3,PT9503,2023-03-03,ORTH,99213,1,200.00',
].join('\n');

/** The part of oidc-provider's API these tests use (the package ships no type declarations). */
interface OidcProvider {
  callback(): (request: IncomingMessage, response: ServerResponse) => void;
  on(event: 'server_error', listener: (ctx: unknown, error: Error) => void): void;
  interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<{
    prompt: { name: string; details: Record<string, unknown> };
    params: Record<string, unknown>;
    session?: { accountId: string };
  }>;
  interactionFinished(request: IncomingMessage, response: ServerResponse, result: object, options: { mergeWithLastSubmission: boolean }): Promise<void>;
  Grant: new (properties: { accountId: string; clientId: string }) => { addOIDCScope(scope: string): void; addOIDCClaims(claims: string[]): void; save(): Promise<string> };
}
type OidcProviderClass = new (issuer: string, configuration: object) => OidcProvider;
const OIDC_PROVIDER_PACKAGE = 'oidc-provider';

interface IdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

/** oidc-provider on a random localhost port; its login step signs in `?account=` from the URL. */
async function startIdentityProvider(): Promise<IdentityProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The library warns about the Node.js version and its in-memory storage, which suit a test.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { default: Provider } = (await import(OIDC_PROVIDER_PACKAGE)) as { default: OidcProviderClass };
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    clients: [{ ...CLIENT, redirect_uris: [REDIRECT_URI], grant_types: ['authorization_code'], response_types: ['code'] }],
    // Released through the userinfo endpoint (the ID token of a code flow carries only `sub`).
    claims: { openid: ['sub', 'caseload_role', 'caseload_departments'], email: ['email', 'email_verified'] },
    cookies: { keys: ['oidc-test-cookie-key-0123456789abcdef'] },
    features: { devInteractions: { enabled: false } },
    findAccount: (_ctx: unknown, id: string) => {
      const account = ACCOUNTS[id];
      return account === undefined ? undefined : { accountId: id, claims: () => ({ sub: id, ...account }) };
    },
  });
  warn.mockRestore();
  provider.on('server_error', (_ctx, error) => console.error('identity provider error', error));
  const callback = provider.callback();

  // The provider's interaction step: log in the account the URL names, then grant what the client asked.
  async function interact(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    if (details.prompt.name === 'login') {
      const accountId = new URL(request.url!, issuer).searchParams.get('account')!;
      await provider.interactionFinished(request, response, { login: { accountId } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params['client_id'] as string });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope !== undefined) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims !== undefined) grant.addOIDCClaims(missing.missingOIDCClaims);
    await provider.interactionFinished(request, response, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith('/interaction/')) {
      interact(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
      return;
    }
    callback(request, response);
  });
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** fetch with redirects followed by hand and cookies kept per host, reaching Caseload's public name at `appUrl`. */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  constructor(private readonly appUrl: string) {}

  async get(url: URL): Promise<Response> {
    const target = url.origin === PUBLIC_ORIGIN ? new URL(`${url.pathname}${url.search}`, this.appUrl) : url;
    const jar = this.jarOf(url.host);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(target, { redirect: 'manual', headers: cookie === '' ? {} : { Cookie: cookie } });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  cookies(host: string): ReadonlyMap<string, string> {
    return this.jarOf(host);
  }

  private jarOf(host: string): Map<string, string> {
    let jar = this.jars.get(host);
    if (jar === undefined) this.jars.set(host, (jar = new Map()));
    return jar;
  }
}

/** Follows redirects from `start` until `stop` says so (or a non-redirect answer); the provider's login step signs in `account`. */
async function follow(browser: Browser, start: URL, account: string, stop: (url: URL) => boolean): Promise<URL> {
  let url = start;
  for (let hop = 0; hop < 12; hop++) {
    const response = await browser.get(url);
    const location = response.headers.get('location');
    if (![302, 303].includes(response.status) || location === null) {
      throw new Error(`GET ${url.pathname} answered ${response.status}: ${await response.text()}`);
    }
    await response.arrayBuffer();
    url = new URL(location, url);
    if (url.pathname.startsWith('/interaction/')) url.searchParams.set('account', account);
    if (stop(url)) return url;
  }
  throw new Error('too many redirects');
}

const isCallback = (url: URL) => url.origin === PUBLIC_ORIGIN && url.pathname === '/api/v1/auth/oidc/callback';
const isLanding = (url: URL) => url.origin === PUBLIC_ORIGIN && url.pathname === '/login';

/** What the web app's login page finds in its URL fragment. */
function fragmentOf(landing: URL): { sso: string | null; ssoError: string | null } {
  const fragment = new URLSearchParams(landing.hash.slice(1));
  return { sso: fragment.get('sso'), ssoError: fragment.get('sso_error') };
}

describe('single sign-on with OpenID Connect', () => {
  let idp: IdentityProvider;
  let t: TestApp;

  beforeAll(async () => {
    idp = await startIdentityProvider();
    t = await startTestApp({
      CASELOAD_OIDC_ISSUER: idp.issuer,
      CASELOAD_OIDC_CLIENT_ID: CLIENT.client_id,
      CASELOAD_OIDC_CLIENT_SECRET: CLIENT.client_secret,
      CASELOAD_OIDC_REDIRECT_URI: REDIRECT_URI,
      CASELOAD_OIDC_ROLE_MAP: 'caseload-admins=admin,caseload-analysts=analyst,caseload-viewers=viewer',
      CASELOAD_OIDC_LABEL: 'Hospital ID',
      CASELOAD_OIDC_ALLOW_HTTP: '1',
    });
    await t.importCsv(CSV, 'sso.csv');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** The whole sign-in as a browser makes it; returns where Caseload sent the browser at the end. */
  async function signIn(account: string, browser = new Browser(t.baseUrl)): Promise<URL> {
    return follow(browser, new URL('/api/v1/auth/oidc/login', PUBLIC_ORIGIN), account, isLanding);
  }

  async function me(token: string): Promise<LoginResponse['user']> {
    const response = await t.request('GET', '/api/v1/auth/me', { token });
    expect(response.status).toBe(200);
    return (await response.json()) as LoginResponse['user'];
  }

  async function latestAudit(action: string): Promise<AuditEntry> {
    const { entries } = await t.getJson<AuditResponse>(`/api/v1/audit?action=${action}&limit=1`);
    return entries[0]!;
  }

  async function userCount(email: string): Promise<number> {
    const [row] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM app_user WHERE email = $1', [email]);
    return row!.n;
  }

  it('tells the login page that single sign-on is on, with its label', async () => {
    const response = await t.request('GET', '/api/v1/auth/options', { token: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ password: true, oidc: { enabled: true, label: 'Hospital ID' } });
  });

  it('sends the browser to the provider with PKCE (S256), a state and a nonce', async () => {
    const browser = new Browser(t.baseUrl);
    const response = await browser.get(new URL('/api/v1/auth/oidc/login', PUBLIC_ORIGIN));
    expect(response.status).toBe(302);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const location = new URL(response.headers.get('location')!);
    expect(location.origin).toBe(idp.issuer);
    const parameters = Object.fromEntries(location.searchParams);
    expect(parameters).toMatchObject({ client_id: CLIENT.client_id, redirect_uri: REDIRECT_URI, response_type: 'code', code_challenge_method: 'S256' });
    expect(parameters['scope']!.split(' ')).toContain('openid');
    for (const name of ['code_challenge', 'state', 'nonce']) expect(parameters[name]).toMatch(/^[\w-]{22,}$/);
    expect(browser.cookies('caseload.test').get('caseload_oidc')).toMatch(/^[\w-]{40,}$/);
  });

  it('signs in a member of the admin group as an unscoped admin, creating the account, and audits it', async () => {
    const { sso, ssoError } = fragmentOf(await signIn('idp-admin'));
    expect(ssoError).toBeNull();
    expect(await me(sso!)).toEqual({ id: expect.any(Number), email: 'chief.admin@hospital.test', role: 'admin', departments: [] });
    expect(await latestAudit('login.success')).toMatchObject({
      actor: 'chief.admin@hospital.test',
      details: { role: 'admin', method: 'oidc' },
    });
    expect(await latestAudit('user.create')).toMatchObject({ actor: null, details: { email: 'chief.admin@hospital.test', role: 'admin', departments: [], source: 'oidc' } });
    // The token is the usual one: an admin route answers.
    expect((await t.request('GET', '/api/v1/users', { token: sso! })).status).toBe(200);
  });

  it('signs in an analyst limited to CARD, whose aggregate holds CARD lines only', async () => {
    const { sso } = fragmentOf(await signIn('idp-analyst'));
    expect(await me(sso!)).toEqual({ id: expect.any(Number), email: 'card.analyst@hospital.test', role: 'analyst', departments: ['CARD'] });
    const query = '/api/v1/aggregate?measures=lines,charges&groupBy=department&from=2023-01-01&to=2023-12-31';
    const scoped = await t.request('GET', query, { token: sso! });
    expect(scoped.status).toBe(200);
    const body = (await scoped.json()) as AggregateResponse;
    expect(body.rows).toEqual([{ department: 'CARD', lines: 2, charges: 250 }]);
    expect(body.totals).toEqual({ lines: 2, charges: 250 });
    // The same question unscoped sees ORTH too: the scope, not the data, made the difference.
    expect((await t.getJson<AggregateResponse>(query)).totals).toEqual({ lines: 3, charges: 450 });
  });

  it('keeps the local account in step with the provider at every sign-in', async () => {
    ACCOUNTS['idp-analyst'] = { ...ACCOUNTS['idp-analyst']!, caseload_role: 'caseload-viewers', caseload_departments: 'CARD, ORTH' };
    try {
      const { sso } = fragmentOf(await signIn('idp-analyst'));
      expect(await me(sso!)).toMatchObject({ email: 'card.analyst@hospital.test', role: 'viewer', departments: ['CARD', 'ORTH'] });
      expect(await latestAudit('user.update')).toMatchObject({
        actor: null,
        details: { email: 'card.analyst@hospital.test', source: 'oidc', changes: { role: { from: 'analyst', to: 'viewer' }, departments: { from: ['CARD'], to: ['CARD', 'ORTH'] } } },
      });
    } finally {
      ACCOUNTS['idp-analyst'] = { ...ACCOUNTS['idp-analyst']!, caseload_role: 'caseload-analysts', caseload_departments: ['CARD'] };
    }
    const { sso } = fragmentOf(await signIn('idp-analyst'));
    expect(await me(sso!)).toMatchObject({ role: 'analyst', departments: ['CARD'] });
  });

  it('refuses a user the role map gives no role, creates no account, and audits the refusal', async () => {
    const { sso, ssoError } = fragmentOf(await signIn('idp-nobody'));
    expect(sso).toBeNull();
    expect(ssoError).toMatch(/no Caseload role/);
    expect(await userCount('no.group@hospital.test')).toBe(0);
    expect(await latestAudit('login.failure')).toMatchObject({
      actor: 'no.group@hospital.test',
      address: '127.0.0.1',
      details: { reason: 'no mapped role', method: 'oidc' },
    });
  });

  it('refuses an email address the provider has not verified', async () => {
    const { sso, ssoError } = fragmentOf(await signIn('idp-unverified'));
    expect(sso).toBeNull();
    expect(ssoError).toMatch(/not verified/);
    expect(await userCount('unverified@hospital.test')).toBe(0);
  });

  it('keeps refusing an account an administrator disabled, whatever the provider says', async () => {
    const [row] = await t.db.query<{ id: number }>('SELECT id FROM app_user WHERE email = $1', ['chief.admin@hospital.test']);
    const disabled = await t.request('PATCH', `/api/v1/users/${row!.id}`, { body: { disabled: true } });
    expect(disabled.status).toBe(200);
    try {
      const { sso, ssoError } = fragmentOf(await signIn('idp-admin'));
      expect(sso).toBeNull();
      expect(ssoError).toMatch(/disabled/);
      expect(await latestAudit('login.failure')).toMatchObject({ actor: 'chief.admin@hospital.test', details: { reason: 'account disabled', method: 'oidc' } });
    } finally {
      await t.request('PATCH', `/api/v1/users/${row!.id}`, { body: { disabled: false } });
    }
  });

  it('refuses a callback whose state was tampered with, which also ends the sign-in this browser started', async () => {
    const browser = new Browser(t.baseUrl);
    const callback = await follow(browser, new URL('/api/v1/auth/oidc/login', PUBLIC_ORIGIN), 'idp-analyst', isCallback);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `forged-${callback.searchParams.get('state')!}`);
    const refused = await browser.get(tampered);
    expect(refused.status).toBe(302);
    expect(fragmentOf(new URL(refused.headers.get('location')!)).ssoError).toMatch(/expired or was not started in this browser/);
    expect(await latestAudit('login.failure')).toMatchObject({ actor: null, details: { reason: 'unknown or expired state', method: 'oidc' } });

    // The refusal cleared the browser's binding cookie: the genuine callback cannot finish either.
    const withoutCookie = await browser.get(callback);
    expect(fragmentOf(new URL(withoutCookie.headers.get('location')!)).ssoError).toMatch(/expired or was not started/);
  });

  it('refuses a genuine callback finished in another browser (no binding cookie), then the same callback again', async () => {
    const browser = new Browser(t.baseUrl);
    const callback = await follow(browser, new URL('/api/v1/auth/oidc/login', PUBLIC_ORIGIN), 'idp-analyst', isCallback);
    const elsewhere = await new Browser(t.baseUrl).get(callback);
    expect(fragmentOf(new URL(elsewhere.headers.get('location')!)).ssoError).toMatch(/not started in this browser/);
    const again = await browser.get(callback);
    expect(fragmentOf(new URL(again.headers.get('location')!)).ssoError).toMatch(/not started in this browser/);
  });

  it('passes on a refusal by the provider without exchanging anything', async () => {
    const browser = new Browser(t.baseUrl);
    const start = await browser.get(new URL('/api/v1/auth/oidc/login', PUBLIC_ORIGIN));
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const denied = new URL(`${REDIRECT_URI}?error=access_denied&state=${state}&iss=${encodeURIComponent(idp.issuer)}`);
    const response = await browser.get(denied);
    expect(fragmentOf(new URL(response.headers.get('location')!)).ssoError).toMatch(/did not sign you in \(access_denied\)/);
  });

  it('writes no token, code or state into the audit log', async () => {
    const browser = new Browser(t.baseUrl);
    const callback = await follow(browser, new URL('/api/v1/auth/oidc/login', PUBLIC_ORIGIN), 'idp-analyst', isCallback);
    const response = await browser.get(callback);
    const { sso } = fragmentOf(new URL(response.headers.get('location')!));
    const log = JSON.stringify(await t.getJson<AuditResponse>('/api/v1/audit?limit=1000'));
    for (const secret of [sso!, callback.searchParams.get('code')!, callback.searchParams.get('state')!]) expect(log).not.toContain(secret);
  });
});

describe('single sign-on when no provider is configured', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it('tells the login page to offer the password form only', async () => {
    const response = await t.request('GET', '/api/v1/auth/options', { token: null });
    expect(await response.json()).toEqual({ password: true, oidc: { enabled: false, label: '' } });
  });

  it('answers 404 on the sign-in routes', async () => {
    for (const path of ['/api/v1/auth/oidc/login', '/api/v1/auth/oidc/callback?code=x&state=y']) {
      const response = await t.request('GET', path, { token: null });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe('OIDC_DISABLED');
    }
  });

  it('still answers /auth/me for a password sign-in', async () => {
    const response = await t.request('GET', '/api/v1/auth/me', {});
    expect(await response.json()).toEqual({ id: expect.any(Number), email: 'admin@example.test', role: 'admin', departments: [] });
  });
});
