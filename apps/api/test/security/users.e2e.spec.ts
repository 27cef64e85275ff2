// DESIGN §7: administrators manage accounts, roles and department scopes. A change to what
// a user may do ends the user's existing sign-ins at once; no answer ever carries a password
// or its hash.
import type { UserSummary, UsersResponse } from '@caseload/contracts';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';

const USERS = '/api/v1/users';

describe('users and roles API', () => {
  let t: TestApp;
  /** Every body the API answered in this file, to check none carries a secret. */
  const answered: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  async function call(method: string, path: string, body?: object, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await t.request(method, path, { body, token });
    const text = await response.text();
    answered.push(text);
    return { status: response.status, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  }

  async function adminId(): Promise<number> {
    const { users } = await t.getJson<UsersResponse>(USERS);
    return users.find((user) => user.email === ADMIN.email)!.id;
  }

  /** Whether a token still opens a route any signed-in user may call. */
  async function tokenWorks(token: string): Promise<boolean> {
    const response = await t.request('GET', '/api/v1/imports', { token });
    if (response.status !== 200 && response.status !== 401) throw new Error(`unexpected ${response.status}`);
    return response.status === 200;
  }

  describe('create and list', () => {
    it('creates a user who can then sign in with the role and scope given', async () => {
      const created = await call('POST', USERS, { email: ' Ana.Lyst@Example.test ', password: 'analyst-password-1', role: 'analyst', departments: ['CARD', 'ORTH', 'CARD'] });
      expect(created.status).toBe(201);
      expect(created.json).toEqual({
        id: expect.any(Number),
        email: 'ana.lyst@example.test',
        role: 'analyst',
        departments: ['CARD', 'ORTH'],
        disabled: false,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      const login = await t.request('POST', '/api/v1/auth/login', { token: null, body: { email: 'ana.lyst@example.test', password: 'analyst-password-1' } });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { user: unknown }).user).toEqual({ id: created.json['id'], email: 'ana.lyst@example.test', role: 'analyst', departments: ['CARD', 'ORTH'] });
    });

    it('lists every user, oldest first, with the fields of UserSummary only', async () => {
      const { status, json } = await call('GET', USERS);
      expect(status).toBe(200);
      const users = json['users'] as UserSummary[];
      expect(users.map((user) => user.email)).toEqual([ADMIN.email, 'ana.lyst@example.test']);
      for (const user of users) expect(Object.keys(user).sort()).toEqual(['createdAt', 'departments', 'disabled', 'email', 'id', 'role']);
    });

    it('stores the password as a scrypt hash', async () => {
      const [row] = await t.db.query<{ password_hash: string }>(`SELECT password_hash FROM app_user WHERE email = 'ana.lyst@example.test'`);
      expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(row!.password_hash).not.toContain('analyst-password-1');
    });

    it('refuses a second user with the same email (in any case) with 409 naming the field', async () => {
      const { status, json } = await call('POST', USERS, { email: 'ANA.LYST@example.test', password: 'another-password-2', role: 'viewer' });
      expect(status).toBe(409);
      expect(json['code']).toBe('EMAIL_TAKEN');
      expect(json['message']).toMatch(/^email: .*already/);
    });
  });

  describe('validation errors name the field', () => {
    it.each([
      [{ email: 'not-an-email', password: 'long-enough-password', role: 'viewer' }, /^email: /],
      [{ password: 'long-enough-password', role: 'viewer' }, /^email: /],
      [{ email: 'short@example.test', password: 'elevenchars', role: 'viewer' }, /^password: must be at least 12 characters/],
      [{ email: 'nopass@example.test', role: 'viewer' }, /^password: /],
      [{ email: 'role@example.test', password: 'long-enough-password', role: 'superuser' }, /^role: must be one of admin, analyst, viewer/],
      [{ email: 'dept@example.test', password: 'long-enough-password', role: 'viewer', departments: 'CARD' }, /^departments: /],
      [{ email: 'dept@example.test', password: 'long-enough-password', role: 'viewer', departments: [''] }, /^departments: /],
      [{ email: 'dept@example.test', password: 'long-enough-password', role: 'viewer', departments: ['X'.repeat(33)] }, /^departments: /],
      [{ email: 'dept@example.test', password: 'long-enough-password', role: 'viewer', departments: [7] }, /^departments: /],
      [{ email: 'extra@example.test', password: 'long-enough-password', role: 'viewer', isAdmin: true }, /^isAdmin: is not a field/],
    ])('POST %j → 400', async (body, message) => {
      const { status, json } = await call('POST', USERS, body);
      expect(status).toBe(400);
      expect(json['message']).toMatch(message);
    });

    it('creates nobody on a refused request', async () => {
      const { users } = await t.getJson<UsersResponse>(USERS);
      expect(users.map((user) => user.email)).toEqual([ADMIN.email, 'ana.lyst@example.test']);
    });

    it.each([
      [{}, /^body: names nothing to change/],
      [{ role: 'root' }, /^role: /],
      [{ disabled: 'yes' }, /^disabled: must be true or false/],
      [{ departments: [null] }, /^departments: /],
      [{ password: 'a-new-password-here' }, /^password: is not a field/],
    ])('PATCH %j → 400', async (body, message) => {
      const { users } = await t.getJson<UsersResponse>(USERS);
      const { status, json } = await call('PATCH', `${USERS}/${users[1]!.id}`, body);
      expect(status).toBe(400);
      expect(json['message']).toMatch(message);
    });

    it('answers 400 naming the id for a malformed one and 404 for an unknown one', async () => {
      const malformed = await call('PATCH', `${USERS}/abc`, { role: 'viewer' });
      expect(malformed.status).toBe(400);
      expect(malformed.json['message']).toMatch(/^id: /);
      const unknown = await call('PATCH', `${USERS}/424242`, { role: 'viewer' });
      expect(unknown.status).toBe(404);
      expect(unknown.json['code']).toBe('USER_NOT_FOUND');
      expect((await call('POST', `${USERS}/424242/password`, { password: 'a-new-password-here' })).status).toBe(404);
    });

    it('refuses a password reset shorter than 12 characters, naming the field', async () => {
      const { users } = await t.getJson<UsersResponse>(USERS);
      const { status, json } = await call('POST', `${USERS}/${users[1]!.id}/password`, { password: 'short' });
      expect(status).toBe(400);
      expect(json['message']).toMatch(/^password: must be at least 12 characters/);
    });
  });

  describe('changes end existing sign-ins at once', () => {
    let id: number;
    const password = 'viewer-password-1';

    beforeAll(async () => {
      id = (await t.createUser({ email: 'vi.ewer@example.test', password, role: 'viewer' })).user.id;
    }, 30_000);

    it('disabling: the very next request with the old token is refused, and sign-in too', async () => {
      const token = await t.login('vi.ewer@example.test', password);
      expect(await tokenWorks(token)).toBe(true); // now cached in the server
      const { status, json } = await call('PATCH', `${USERS}/${id}`, { disabled: true });
      expect(status).toBe(200);
      expect(json['disabled']).toBe(true);
      expect(await tokenWorks(token)).toBe(false);
      const login = await t.request('POST', '/api/v1/auth/login', { token: null, body: { email: 'vi.ewer@example.test', password } });
      expect(login.status).toBe(401);
    });

    it('enabling again lets the user sign in anew', async () => {
      expect((await call('PATCH', `${USERS}/${id}`, { disabled: false })).status).toBe(200);
      expect(await tokenWorks(await t.login('vi.ewer@example.test', password))).toBe(true);
    });

    it.each([
      ['a new scope', { departments: ['CARD'] }],
      ['a new role', { role: 'analyst' }],
    ])('%s ends the old token, and the new sign-in carries it', async (_label, update) => {
      const token = await t.login('vi.ewer@example.test', password);
      expect(await tokenWorks(token)).toBe(true);
      const { status, json } = await call('PATCH', `${USERS}/${id}`, update);
      expect(status).toBe(200);
      expect(json).toMatchObject(update);
      expect(await tokenWorks(token)).toBe(false);
      const login = await t.request('POST', '/api/v1/auth/login', { token: null, body: { email: 'vi.ewer@example.test', password } });
      expect(((await login.json()) as { user: object }).user).toMatchObject(update);
    });

    it('a change that changes nothing leaves the token alone', async () => {
      const token = await t.login('vi.ewer@example.test', password);
      const { users } = await t.getJson<UsersResponse>(USERS);
      const current = users.find((user) => user.id === id)!;
      expect((await call('PATCH', `${USERS}/${id}`, { role: current.role, departments: current.departments })).status).toBe(200);
      expect(await tokenWorks(token)).toBe(true);
    });

    it('a password reset ends the old token; the new password signs in and the old one does not', async () => {
      const token = await t.login('vi.ewer@example.test', password);
      expect(await tokenWorks(token)).toBe(true);
      const reset = await call('POST', `${USERS}/${id}/password`, { password: 'a-brand-new-password' });
      expect(reset.status).toBe(204);
      expect(await tokenWorks(token)).toBe(false);
      const old = await t.request('POST', '/api/v1/auth/login', { token: null, body: { email: 'vi.ewer@example.test', password } });
      expect(old.status).toBe(401);
      expect(await tokenWorks(await t.login('vi.ewer@example.test', 'a-brand-new-password'))).toBe(true);
    }, 30_000);

    it('bumps token_version once per change', async () => {
      // disable, enable, scope, role, password: five changes (the no-op did not count).
      const [row] = await t.db.query<{ token_version: number }>('SELECT token_version FROM app_user WHERE id = $1', [id]);
      expect(row!.token_version).toBe(5);
    });
  });

  describe('an administrator cannot lock themself out', () => {
    it('refuses to disable oneself with 400 and a clear message', async () => {
      const { status, json } = await call('PATCH', `${USERS}/${await adminId()}`, { disabled: true });
      expect(status).toBe(400);
      expect(json['message']).toMatch(/^disabled: you cannot disable your own account/);
    });

    it.each(['analyst', 'viewer'])('refuses to demote oneself to %s', async (role) => {
      const { status, json } = await call('PATCH', `${USERS}/${await adminId()}`, { role });
      expect(status).toBe(400);
      expect(json['message']).toMatch(/^role: you cannot take the admin role from yourself/);
    });

    it('leaves the admin unchanged and signed in', async () => {
      expect(await tokenWorks(t.token)).toBe(true);
      const { users } = await t.getJson<UsersResponse>(USERS);
      expect(users.find((user) => user.email === ADMIN.email)).toMatchObject({ role: 'admin', disabled: false });
    });

    it('lets another administrator disable an administrator', async () => {
      const other = await t.createUser({ email: 'second.admin@example.test', password: 'second-admin-password', role: 'admin' });
      const { status } = await call('PATCH', `${USERS}/${other.user.id}`, { disabled: true });
      expect(status).toBe(200);
      expect(await tokenWorks(other.token)).toBe(false);
    }, 30_000);
  });

  it('never answers with a password or a hash', () => {
    expect(answered.length).toBeGreaterThan(20);
    for (const text of answered) {
      expect(text).not.toMatch(/scrypt\$/);
      expect(text).not.toMatch(/password_?hash|tokenVersion|token_version/i);
      expect(text).not.toMatch(/-password-\d|a-brand-new-password|second-admin-password/);
    }
  });
});
