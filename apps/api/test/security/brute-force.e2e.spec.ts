// Password guessing: failed sign-ins are limited per account (the normalised email) and per
// client address. Once a limit is reached the server answers 429 with Retry-After and does
// not check the password at all, so even the right one is refused until the window passes.
import type { AuditResponse } from '@caseload/contracts';
import { ConfigError, loadConfig } from '../../src/config/app-config.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';

const LOGIN = '/api/v1/auth/login';

async function signIn(t: TestApp, email: string, password: string): Promise<{ status: number; retryAfter: string | null; message: string }> {
  const response = await t.request('POST', LOGIN, { token: null, body: { email, password } });
  const body = (await response.json()) as { message?: string };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), message: body.message ?? '' };
}

async function auditOf(t: TestApp, query: string): Promise<AuditResponse['entries']> {
  return (await t.getJson<AuditResponse>(`/api/v1/audit?${query}`)).entries;
}

describe('sign-in limits per account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CASELOAD_LOGIN_ACCOUNT_FAILURES: '3', CASELOAD_LOGIN_ADDRESS_FAILURES: '100', CASELOAD_LOGIN_WINDOW: '900' });
    await t.createUser({ email: 'target@example.test', password: 'the-right-password', role: 'viewer' });
    await t.createUser({ email: 'steady@example.test', password: 'steady-password-1', role: 'viewer' });
    await t.createUser({ email: 'burst@example.test', password: 'burst-password-1', role: 'viewer' });
  }, 60_000);
  afterAll(() => t.close());

  it('refuses the 4th attempt after 3 failures with 429 and Retry-After, even with the right password', async () => {
    // The same account however the email is written.
    for (const email of ['target@example.test', 'TARGET@example.test', '  Target@Example.Test ']) {
      expect((await signIn(t, email, 'a-wrong-password')).status).toBe(401);
    }
    const locked = await signIn(t, 'target@example.test', 'the-right-password');
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(890);
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(900);
    expect(locked.message).toMatch(/^Too many failed sign-ins; try again in 15 minutes\.$/);
  }, 30_000);

  it('writes each failure and the refusal to the audit log, with the email tried and the address', async () => {
    const entries = await auditOf(t, 'actor=target@example.test');
    expect(entries.map((entry) => entry.action)).toEqual(['login.locked', 'login.failure', 'login.failure', 'login.failure', 'login.success']);
    expect(entries[0]!.details).toEqual({ limitedBy: ['account'], retryAfterSeconds: expect.any(Number) });
    expect(entries[1]!.details).toEqual({ reason: 'wrong password' });
    for (const entry of entries.slice(0, 4)) expect(entry.address).toBe('127.0.0.1');
    expect(JSON.stringify(entries)).not.toMatch(/a-wrong-password|the-right-password/);
  });

  it('limits only that account: another one signs in from the same address', async () => {
    expect((await signIn(t, 'steady@example.test', 'steady-password-1')).status).toBe(200);
  });

  it('starts an account afresh after a successful sign-in', async () => {
    for (let round = 0; round < 3; round++) {
      expect((await signIn(t, 'steady@example.test', 'wrong-password-x')).status).toBe(401);
      expect((await signIn(t, 'steady@example.test', 'wrong-password-y')).status).toBe(401);
      expect((await signIn(t, 'steady@example.test', 'steady-password-1')).status).toBe(200);
    }
  }, 30_000);

  it('lets exactly the allowed number of a burst of parallel guesses through', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => signIn(t, 'burst@example.test', 'parallel-guess')));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
  }, 30_000);

  it('starts an account afresh when an administrator sets a new password', async () => {
    const { users } = await t.getJson<{ users: Array<{ id: number; email: string }> }>('/api/v1/users');
    const target = users.find((user) => user.email === 'target@example.test')!;
    const reset = await t.request('POST', `/api/v1/users/${target.id}/password`, { body: { password: 'a-reset-password' } });
    expect(reset.status).toBe(204);
    expect((await signIn(t, 'target@example.test', 'a-reset-password')).status).toBe(200);
  }, 30_000);
});

describe('sign-in limits per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CASELOAD_LOGIN_ACCOUNT_FAILURES: '100', CASELOAD_LOGIN_ADDRESS_FAILURES: '4', CASELOAD_LOGIN_WINDOW: '2' });
  }, 60_000);
  afterAll(() => t.close());

  it('refuses the 5th attempt from one address after 4 failures across accounts, even the admin with the right password', async () => {
    for (const email of ['one@example.test', 'two@example.test', 'three@example.test', ADMIN.email]) {
      expect((await signIn(t, email, 'some-wrong-password')).status).toBe(401);
    }
    const locked = await signIn(t, ADMIN.email, ADMIN.password);
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(2);
    expect(locked.message).toMatch(/Too many failed sign-ins; try again in \d seconds?\./);
  }, 30_000);

  it('records the refusal as limited by the address', async () => {
    const [entry] = await auditOf(t, 'action=login.locked');
    expect(entry).toMatchObject({ action: 'login.locked', actor: ADMIN.email, address: '127.0.0.1', details: { limitedBy: ['address'] } });
    const failures = await auditOf(t, 'action=login.failure');
    expect(failures.map((failure) => failure.actor)).toEqual([ADMIN.email, 'three@example.test', 'two@example.test', 'one@example.test']);
    expect(failures.map((failure) => failure.details['reason'])).toEqual(['wrong password', 'unknown account', 'unknown account', 'unknown account']);
  });

  it('admits the address again once the window has passed', async () => {
    await new Promise((done) => setTimeout(done, 2_100));
    expect((await signIn(t, ADMIN.email, ADMIN.password)).status).toBe(200);
  }, 30_000);
});

describe('sign-in limit settings', () => {
  it('default to 5 per account and 20 per address in 15 minutes', () => {
    const config = loadConfig({});
    expect([config.loginFailuresPerAccount, config.loginFailuresPerAddress, config.loginFailureWindowSeconds]).toEqual([5, 20, 900]);
  });

  it.each(['CASELOAD_LOGIN_ACCOUNT_FAILURES', 'CASELOAD_LOGIN_ADDRESS_FAILURES', 'CASELOAD_LOGIN_WINDOW'])('refuse to start on a bad %s, naming it', (variable) => {
    for (const value of ['0', 'ten', '-1']) {
      expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ [variable]: value })).toThrow(new RegExp(`^${variable}: must be a whole number`));
    }
  });
});
