// DESIGN §7: every sign-in, import and change to a user is written to an append-only audit
// log that admins can read. The log says who, from where and what, never a password or a
// patient identifier, and the database itself refuses to change or remove an entry.
import { createHash } from 'node:crypto';
import type { AuditEntry, AuditResponse } from '@caseload/contracts';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';

const AUDIT = '/api/v1/audit';
const CSV = [
  'encounter_id,patient_id,service_date,department,code,units,charge_amount',
  'AU-E1,PT9301,2023-03-01,CARD,99213,1,100.00',
  'AU-E2,PT9302,2023-03-02,ORTH,99214,2,150.00',
  'AU-E3,PT9303,not a date,CARD,99213,1,100.00',
].join('\n');
const PATIENT_IDS = ['PT9301', 'PT9302', 'PT9303'];

/** A calendar date in the test server's time zone, `days` from today. */
function dayFromToday(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date(Date.now() + days * 86_400_000));
}

describe('audit log', () => {
  let t: TestApp;
  let analystId: number;

  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  async function entries(query = ''): Promise<AuditEntry[]> {
    return (await t.getJson<AuditResponse>(`${AUDIT}${query === '' ? '' : `?${query}`}`)).entries;
  }

  describe('what gets written', () => {
    it('writes a successful sign-in with the user, the address and the role', async () => {
      // The harness signed the admin in when it started.
      const [entry] = await entries('action=login.success');
      expect(entry).toEqual({
        id: expect.any(Number),
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        action: 'login.success',
        actor: ADMIN.email,
        address: '127.0.0.1',
        details: { userId: expect.any(Number), role: 'admin' },
      });
    });

    it('writes a failed sign-in with the email tried, and never the password', async () => {
      const response = await t.request('POST', '/api/v1/auth/login', { token: null, body: { email: 'Nobody@Example.test', password: 'guessed-password' } });
      expect(response.status).toBe(401);
      const [entry] = await entries('action=login.failure');
      expect(entry).toMatchObject({ actor: 'nobody@example.test', address: '127.0.0.1', details: { reason: 'unknown account' } });
      expect(JSON.stringify(entry)).not.toContain('guessed-password');
    });

    it('writes an import when it finishes: who, which file (name and SHA-256) and the counts, no row content', async () => {
      const status = await t.importCsv(CSV, 'march.csv');
      expect(status).toMatchObject({ status: 'completed', rowsTotal: 3, rowsLoaded: 2, rowsRejected: 1 });
      const [entry] = await entries('action=import');
      expect(entry).toMatchObject({
        actor: ADMIN.email,
        address: '127.0.0.1',
        details: {
          importId: status.id,
          status: 'completed',
          fileName: 'march.csv',
          sha256: createHash('sha256').update(CSV).digest('hex'),
          rowsTotal: 3,
          rowsLoaded: 2,
          rowsRejected: 1,
        },
      });
      for (const id of PATIENT_IDS) expect(JSON.stringify(entry)).not.toContain(id);
    }, 30_000);

    it('writes an import refused at upload as failed, with the error code', async () => {
      const response = await t.request('POST', '/api/v1/imports', { body: 'encounter_id,patient_id\nAU-E9,PT9309\n', headers: { 'X-File-Name': 'partial.csv' } });
      expect(response.status).toBe(400);
      const [entry] = await entries('action=import');
      expect(entry!.details).toMatchObject({ status: 'failed', errorCode: 'IMPORT_REFUSED', fileName: 'partial.csv', rowsLoaded: 0 });
      expect(JSON.stringify(entry)).not.toContain('PT9309');
    });

    it('writes a user created, changed and given a new password: by whom, which user, what changed, never the password', async () => {
      const created = await t.request('POST', '/api/v1/users', { body: { email: 'audited@example.test', password: 'first-password-1', role: 'viewer' } });
      expect(created.status).toBe(201);
      analystId = ((await created.json()) as { id: number }).id;
      expect((await t.request('PATCH', `/api/v1/users/${analystId}`, { body: { role: 'analyst', departments: ['CARD'] } })).status).toBe(200);
      expect((await t.request('POST', `/api/v1/users/${analystId}/password`, { body: { password: 'second-password-2' } })).status).toBe(204);

      const [password, update, create] = await entries('actor=admin@example.test&limit=3');
      expect(create).toMatchObject({ action: 'user.create', actor: ADMIN.email, details: { userId: analystId, email: 'audited@example.test', role: 'viewer', departments: [] } });
      expect(update).toMatchObject({
        action: 'user.update',
        actor: ADMIN.email,
        details: { userId: analystId, email: 'audited@example.test', changes: { role: { from: 'viewer', to: 'analyst' }, departments: { from: [], to: ['CARD'] } } },
      });
      expect(password).toMatchObject({ action: 'user.password', actor: ADMIN.email, address: '127.0.0.1', details: { userId: analystId, email: 'audited@example.test' } });
      const all = JSON.stringify(await entries('limit=1000'));
      expect(all).not.toMatch(/first-password-1|second-password-2|scrypt\$/);
    }, 30_000);

    it('writes the admin account set up from the environment at start-up, with no actor', async () => {
      const first = (await entries('action=user.create')).at(-1);
      expect(first).toMatchObject({ actor: null, address: null, details: { email: ADMIN.email, role: 'admin', source: 'CASELOAD_ADMIN_EMAIL' } });
    });
  });

  describe('reading it', () => {
    it('answers newest first', async () => {
      const ids = (await entries()).map((entry) => entry.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(ids.length).toBeGreaterThanOrEqual(8);
    });

    it('filters by action and by actor (in any case)', async () => {
      expect((await entries('action=user.update')).map((entry) => entry.details['userId'])).toEqual([analystId]);
      const byActor = await entries('actor=NOBODY@example.test');
      expect(byActor.map((entry) => entry.action)).toEqual(['login.failure']);
      // Text that is not a whole address finds the actors containing it; % and _ are plain characters.
      expect((await entries('actor=Obody')).map((entry) => entry.actor)).toEqual(['nobody@example.test']);
      expect(await entries('actor=body%25')).toEqual([]);
      expect(await entries('actor=n_body')).toEqual([]);
      expect(await entries('actor=body@example')).toEqual([]);
      expect(await entries('action=export')).toEqual([]);
    });

    it('filters by time: whole days in the server time zone, or exact instants', async () => {
      const all = await entries('limit=1000');
      expect(await entries(`from=${dayFromToday(0)}&to=${dayFromToday(0)}&limit=1000`)).toEqual(all);
      expect(await entries(`from=${dayFromToday(1)}`)).toEqual([]);
      expect(await entries(`to=${dayFromToday(-1)}`)).toEqual([]);
      const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
      expect(await entries(`from=${hourAgo}&limit=1000`)).toEqual(all);
      expect(await entries(`to=${hourAgo}`)).toEqual([]);
      const middle = all[Math.floor(all.length / 2)]!;
      const since = await entries(`from=${encodeURIComponent(middle.at)}&limit=1000`);
      expect(since.every((entry) => entry.at >= middle.at)).toBe(true);
      expect(since.map((entry) => entry.id)).toContain(middle.id);
    });

    it('pages with limit and the before cursor, ending with nextBefore null', async () => {
      const all = await entries('limit=1000');
      const seen: number[] = [];
      let cursor: number | null = null;
      do {
        const page: AuditResponse = await t.getJson<AuditResponse>(`${AUDIT}?limit=3${cursor === null ? '' : `&before=${cursor}`}`);
        expect(page.entries.length).toBeLessThanOrEqual(3);
        seen.push(...page.entries.map((entry) => entry.id));
        cursor = page.nextBefore;
        if (cursor !== null) expect(cursor).toBe(page.entries[2]!.id);
      } while (cursor !== null);
      expect(seen).toEqual(all.map((entry) => entry.id));
      expect((await t.getJson<AuditResponse>(`${AUDIT}?limit=1000`)).nextBefore).toBeNull();
    });

    it('returns 100 entries unless asked otherwise', async () => {
      const values = Array.from({ length: 120 }, (_, i) => `('export', 'filler@example.test', NULL, '{"n": ${i}}')`).join(', ');
      await t.db.query(`INSERT INTO audit_log (action, actor, address, details) VALUES ${values}`);
      const page = await t.getJson<AuditResponse>(AUDIT);
      expect(page.entries).toHaveLength(100);
      expect(page.nextBefore).toBe(page.entries[99]!.id);
      expect(page.entries[0]!.details).toEqual({ n: 119 });
    });

    it.each([
      ['colour=red', /^colour: is not a parameter of this route/],
      ['action=delete', /^action: must be one of login.success, /],
      ['limit=0', /^limit: must be a whole number from 1 to 1000/],
      ['limit=1001', /^limit: /],
      ['before=abc', /^before: /],
      ['from=yesterday', /^from: must be a date/],
      ['to=2025-02-30T10:00:00Z', /^to: /],
      ['to=2025-02-30', /^to: /],
      ['from=2025-03-01T10:00:00', /^from: .*with its offset/],
      ['action=import&action=export', /^action: may be given only once/],
    ])('refuses %s with 400 naming the parameter', async (query, message) => {
      const response = await t.get(`${AUDIT}?${query}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
    });
  });

  describe('append-only in the database', () => {
    it.each([
      ['UPDATE', `UPDATE audit_log SET actor = 'someone-else@example.test'`],
      ['DELETE', `DELETE FROM audit_log`],
      ['TRUNCATE', `TRUNCATE audit_log`],
    ])('refuses %s', async (operation, sql) => {
      const before = await t.db.query<{ n: number; actors: string }>(`SELECT count(*)::int AS n, string_agg(coalesce(actor, ''), ',' ORDER BY id) AS actors FROM audit_log`);
      await expect(t.db.query(sql)).rejects.toThrow(new RegExp(`audit_log is append-only: ${operation} is not allowed`));
      const after = await t.db.query<{ n: number; actors: string }>(`SELECT count(*)::int AS n, string_agg(coalesce(actor, ''), ',' ORDER BY id) AS actors FROM audit_log`);
      expect(after).toEqual(before);
    });

    it('still takes new entries', async () => {
      const [before] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
      expect((await t.request('POST', '/api/v1/auth/login', { token: null, body: { email: 'later@example.test', password: 'another-guess' } })).status).toBe(401);
      const [after] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
      expect(after!.n).toBe(before!.n + 1);
    });
  });
});
