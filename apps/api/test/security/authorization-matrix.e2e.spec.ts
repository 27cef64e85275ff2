// DESIGN §7: who may call what. The routes come from two places that must agree: the
// server's own registrations (Nest's metadata and the Express router) and the rule table
// the guard reads. Every route is then called as every role, with and without a department
// scope, and as nobody; the expectations below are written out from the design, not
// derived from the table, so a wrong edit to either shows up here.
import type { Role } from '@caseload/contracts';
import { ROUTE_RULES, type RouteKey } from '../../src/modules/auth/access-rules.js';
import { IS_PUBLIC } from '../../src/modules/auth/public.decorator.js';
import { RouteInventory, routeKeysOf } from '../../src/modules/auth/route-inventory.js';
import { DiscoveryService } from '@nestjs/core';
import { ImportQueueService } from '../../src/modules/ingest/import-queue.service.js';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';

const PREFIX = '/api/v1';
const ROLES: Role[] = ['admin', 'analyst', 'viewer'];
const SCOPES = ['unscoped', 'scoped'] as const;
type Scope = (typeof SCOPES)[number];

type Policy = 'public' | ((role: Role, scope: Scope) => boolean);
const everyone: Policy = () => true;
const adminOnly: Policy = (role) => role === 'admin';
const staff: Policy = (role) => role === 'admin' || role === 'analyst';

/** DESIGN §7 and the access brief, route by route. A new route needs a line here too. */
const POLICY: Record<string, Policy> = {
  'GET /health': 'public',
  'POST /auth/login': 'public',
  'GET /auth/options': 'public',
  // Single sign-on redirects (404 here: the harness configures no identity provider).
  'GET /auth/oidc/login': 'public',
  'GET /auth/oidc/callback': 'public',
  'GET /auth/me': everyone,
  'GET /aggregate': everyone,
  // Exports: every role; viewers always get suppressed cells (the export decides that, not the guard).
  'GET /export': everyone,
  // Imports: admins and analysts, and never a user limited to departments.
  'POST /imports': (role, scope) => staff(role, scope) && scope === 'unscoped',
  'GET /imports': everyone,
  'GET /imports/:id': everyone,
  'GET /imports/:id/rejections': staff,
  'GET /users': adminOnly,
  'POST /users': adminOnly,
  'PATCH /users/:id': adminOnly,
  'POST /users/:id/password': adminOnly,
  'GET /audit': adminOnly,
  // Capacity: everyone reads (scoped users their departments'); unscoped admins edit the resource model.
  'GET /capacity/resource-types': everyone,
  'PUT /capacity/resource-types': (role, scope) => adminOnly(role, scope) && scope === 'unscoped',
  'POST /capacity/resource-types/import': (role, scope) => adminOnly(role, scope) && scope === 'unscoped',
  'GET /capacity/inventories': everyone,
  'PUT /capacity/inventories': (role, scope) => adminOnly(role, scope) && scope === 'unscoped',
  'POST /capacity/inventories/import': (role, scope) => adminOnly(role, scope) && scope === 'unscoped',
  'GET /capacity/holidays': everyone,
  'PUT /capacity/holidays': (role, scope) => adminOnly(role, scope) && scope === 'unscoped',
  'POST /capacity/holidays/import': (role, scope) => adminOnly(role, scope) && scope === 'unscoped',
  'GET /capacity/profiles': everyone,
  'PUT /capacity/profiles': (role, scope) => adminOnly(role, scope) && scope === 'unscoped',
  'POST /capacity/profiles/import': (role, scope) => adminOnly(role, scope) && scope === 'unscoped',
  'GET /reports': everyone,
  'POST /reports': everyone,
  'GET /reports/:id': everyone,
  'PATCH /reports/:id': everyone,
  'DELETE /reports/:id': everyone,
  'POST /reports/:id/run': everyone,
  'GET /reports/:id/runs': everyone,
  'GET /reports/:id/runs/:runId/file': everyone,
  'GET /capacity/utilization': everyone,
  'GET /capacity/forecast': everyone,
  'GET /capacity/needs': everyone,
  // The Medicare fee schedule: everyone sees which years are loaded; only admins load one.
  'GET /fee-schedules': everyone,
  'POST /fee-schedules/:year/rvu': adminOnly,
  'POST /fee-schedules/:year/gpci': adminOnly,
  'GET /reimbursement/what-if': everyone,
  'GET /reimbursement/denial-reasons': everyone,
  'POST /reimbursement/denial-codes': adminOnly,
};

const CSV = ['encounter_id,patient_id,service_date,department,code,units,charge_amount', 'AM-E1,PT9101,2023-02-01,CARD,99213,1,100.00', 'AM-E2,PT9102,not a date,CARD,99213,1,100.00'].join('\n');

describe('authorization matrix (DESIGN §7)', () => {
  let t: TestApp;
  let importId: number;
  const tokens = new Map<string, string>();
  const who = (role: Role, scope: Scope) => `${role}/${scope}`;

  beforeAll(async () => {
    t = await startTestApp();
    tokens.set(who('admin', 'unscoped'), t.token);
    for (const role of ROLES) {
      for (const scope of SCOPES) {
        if (role === 'admin' && scope === 'unscoped') continue;
        const { token } = await t.createUser({
          email: `${role}.${scope}@example.test`,
          password: `${role}-${scope}-password`,
          role,
          departments: scope === 'scoped' ? ['CARD'] : [],
        });
        tokens.set(who(role, scope), token);
      }
    }
    importId = (await t.importCsv(CSV, 'matrix.csv')).id;
  }, 60_000);
  afterAll(() => t.close());

  function registeredByNest(): RouteKey[] {
    return t.app.get(RouteInventory).routes();
  }

  function registeredByExpress(): string[] {
    const express = t.app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } };
    return express.router.stack
      .flatMap((layer) => (layer.route === undefined ? [] : Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`)))
      .filter((key) => key.split(' ')[1]!.startsWith(`${PREFIX}/`))
      .map((key) => key.replace(` ${PREFIX}/`, ' /'))
      .sort();
  }

  describe('the rule table covers exactly the routes the server registers', () => {
    it('has a rule for every route Nest registered, and no rule for a route that does not exist', () => {
      expect(Object.keys(ROUTE_RULES).sort()).toEqual(registeredByNest());
    });

    it('sees the same routes in the Express router as in Nest', () => {
      expect(registeredByExpress()).toEqual(registeredByNest());
    });

    it('has a written policy for every registered route', () => {
      expect(Object.keys(POLICY).sort()).toEqual(registeredByNest());
    });

    it('marks a route @Public() exactly when the table makes it public', () => {
      const publicByDecorator: string[] = [];
      for (const wrapper of t.app.get(DiscoveryService).getControllers()) {
        const controller = wrapper.metatype as { prototype: Record<string, unknown> };
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = controller.prototype[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          if (Reflect.getMetadata(IS_PUBLIC, handler) === true || Reflect.getMetadata(IS_PUBLIC, controller) === true) {
            publicByDecorator.push(...routeKeysOf(controller, handler));
          }
        }
      }
      const publicByTable = Object.entries(ROUTE_RULES)
        .filter(([, rule]) => rule.access === 'public')
        .map(([key]) => key);
      expect(publicByDecorator.sort()).toEqual(publicByTable.sort());
    });
  });

  /** A real path for a route key: the import that exists, a user that does not. */
  function pathOf(key: string): { method: string; path: string } {
    const [method, template] = key.split(' ') as [string, string];
    const path = template.startsWith('/imports/') ? template.replace(':id', String(importId)) : template.replace(':id', '999999');
    return { method, path: `${PREFIX}${path}` };
  }

  /** A body that no route can act on (so an allowed call changes nothing) but every route can read. */
  function bodyOf(method: string, key: string): string | object | undefined {
    if (method === 'GET') return undefined;
    return key === 'POST /imports' ? '' : {};
  }

  describe.each(Object.keys(POLICY).sort())('%s', (key) => {
    const policy = POLICY[key]!;
    const { method, path } = pathOf(key);

    if (policy === 'public') {
      it('answers without a token', async () => {
        const response = await t.request(method, path, { token: null, body: bodyOf(method, key) });
        expect([401, 403]).not.toContain(response.status);
      });
      return;
    }

    it('answers 401 without a token, or with one that is not valid', async () => {
      for (const token of [null, 'not-a-token', `${t.token.slice(0, -2)}xx`]) {
        const response = await t.request(method, path, { token, body: bodyOf(method, key) });
        expect(response.status).toBe(401);
      }
    });

    const cases = ROLES.flatMap((role) => SCOPES.map((scope) => ({ role, scope, allowed: policy(role, scope) })));
    it.each(cases)('$role, $scope: allowed = $allowed', async ({ role, scope, allowed }) => {
      const response = await t.request(method, path, { token: tokens.get(who(role, scope))!, body: bodyOf(method, key) });
      const text = await response.text();
      if (allowed) {
        expect(`${response.status} ${text}`).not.toMatch(/^40[13] /);
      } else {
        expect(response.status).toBe(403);
        const body = JSON.parse(text) as { code: string; message: string };
        expect(body.code).toBe('FORBIDDEN');
        expect(body.message.length).toBeGreaterThan(20);
      }
    });
  });

  describe('refusal messages', () => {
    it('tells a viewer which role creating an import takes', async () => {
      const response = await t.request('POST', `${PREFIX}/imports`, { token: tokens.get(who('viewer', 'unscoped'))!, body: CSV });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { message: string }).message).toMatch(/viewer role cannot create imports.*admin or analyst/);
    });

    it('tells a user limited to departments that they cannot import, and imports nothing', async () => {
      const [before] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM import');
      const response = await t.request('POST', `${PREFIX}/imports`, { token: tokens.get(who('analyst', 'scoped'))!, body: CSV });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { message: string }).message).toMatch(/limited to departments cannot import/);
      const [after] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM import');
      expect(after!.n).toBe(before!.n);
    });
  });

  describe('import listings under a department scope', () => {
    const scopedToken = () => tokens.get(who('analyst', 'scoped'))!;

    it('lists no import to a scoped user, and every import to an unscoped one', async () => {
      const scoped = (await (await t.request('GET', `${PREFIX}/imports`, { token: scopedToken() })).json()) as { rows: unknown[] };
      expect(scoped.rows).toEqual([]);
      const viewer = (await (await t.request('GET', `${PREFIX}/imports`, { token: tokens.get(who('viewer', 'unscoped'))! })).json()) as { rows: Array<{ id: number }> };
      expect(viewer.rows.map((row) => row.id)).toContain(importId);
    });

    it('answers 404 for an import a scoped user may not see, exactly as for one that does not exist', async () => {
      for (const suffix of ['', '/rejections']) {
        const hidden = await t.request('GET', `${PREFIX}/imports/${importId}${suffix}`, { token: scopedToken() });
        const missing = await t.request('GET', `${PREFIX}/imports/999999${suffix}`, { token: scopedToken() });
        expect(hidden.status).toBe(404);
        expect(missing.status).toBe(404);
        const hiddenBody = (await hidden.text()).replace(String(importId), 'N');
        const missingBody = (await missing.text()).replace('999999', 'N');
        expect(hiddenBody).toBe(missingBody);
      }
    });

    it('shows a scoped user the imports they uploaded before they were limited', async () => {
      const { user, token } = await t.createUser({ email: 'was.unscoped@example.test', password: 'was-unscoped-password', role: 'analyst' });
      const upload = await t.request('POST', `${PREFIX}/imports`, { token, body: CSV.replaceAll('AM-', 'WU-'), headers: { 'X-File-Name': 'own.csv' } });
      expect(upload.status).toBe(202);
      const { id } = (await upload.json()) as { id: number };
      await t.app.get(ImportQueueService).idle();
      const scope = await t.request('PATCH', `${PREFIX}/users/${user.id}`, { body: { departments: ['CARD'] } });
      expect(scope.status).toBe(200);
      const scopedToken = await t.login('was.unscoped@example.test', 'was-unscoped-password');
      const listed = (await (await t.request('GET', `${PREFIX}/imports`, { token: scopedToken })).json()) as { rows: Array<{ id: number }> };
      expect(listed.rows.map((row) => row.id)).toEqual([id]);
      expect((await t.request('GET', `${PREFIX}/imports/${id}`, { token: scopedToken })).status).toBe(200);
      expect((await t.request('GET', `${PREFIX}/imports/${importId}`, { token: scopedToken })).status).toBe(404);
    }, 30_000);
  });

  it('keeps the signed-in admin of the harness an unscoped admin', async () => {
    const { users } = await t.getJson<{ users: Array<{ email: string; role: string; departments: string[] }> }>(`${PREFIX}/users`);
    expect(users.find((user) => user.email === ADMIN.email)).toMatchObject({ role: 'admin', departments: [] });
  });
});
