import { AggregateRepository } from '../../src/modules/analytics/aggregate.repository.js';
import { hashPassword } from '../../src/modules/auth/password-hasher.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HEADER = 'encounter_id,patient_id,service_date,department,code,charge_amount';
const QUERY = '/api/v1/aggregate?measures=lines,charges&from=2025-01-01&to=2025-12-31';

describe('the answer cache', () => {
  let t: TestApp;
  let slices: jest.SpyInstance;

  beforeAll(async () => {
    t = await startTestApp();
    await t.importCsv(`${HEADER}\nC1,P1,2025-03-01,CARD,99213,10.00\nC2,P2,2025-04-01,CARD,99213,20.00\n`);
    // Every slice goes through answer(), the main one directly and the others via slice().
    slices = jest.spyOn(t.app.get(AggregateRepository), 'answer');
  });
  afterAll(() => t.close());
  beforeEach(() => slices.mockClear());

  it('sends the kept JSON text of a repeated question as JSON, byte for byte the same', async () => {
    const first = await t.get(`${QUERY}&groupBy=department`);
    const second = await t.get(`${QUERY}&groupBy=department`);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(second.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const [a, b] = [await first.text(), await second.text()];
    expect(b).toBe(a);
    // 2 lines, $10.00 + $20.00.
    expect(JSON.parse(a).totals).toEqual({ lines: 2, charges: 30 });
    // The same question of the same data has the same tag; a browser holding it gets a 304.
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(second.headers.get('etag')).toBe(etag);
    // (fetch would add Cache-Control: no-cache to a conditional request unless one is given.)
    const revalidated = await t.get(`${QUERY}&groupBy=department`, { 'If-None-Match': etag!, 'Cache-Control': 'max-age=0' });
    expect(revalidated.status).toBe(304);
    // Another question has another tag.
    expect((await t.get(`${QUERY}&groupBy=section`)).headers.get('etag')).not.toBe(etag);
  });

  it('answers a repeated question without going back to the database', async () => {
    const first = await t.getJson<{ totals: Record<string, number> }>(QUERY);
    const callsForFirst = slices.mock.calls.length;
    const second = await t.getJson<{ totals: Record<string, number> }>(QUERY);
    expect(second).toEqual(first);
    expect(callsForFirst).toBeGreaterThan(0);
    expect(slices.mock.calls.length).toBe(callsForFirst);
  });

  it('never serves an answer from before an import', async () => {
    // 2 lines, $30.00 before; the import adds 1 line of $5.25.
    expect((await t.getJson<{ totals: Record<string, number> }>(QUERY)).totals).toEqual({ lines: 2, charges: 30 });
    await t.importCsv(`${HEADER}\nC3,P3,2025-05-01,RAD,70450,5.25\n`);
    expect((await t.getJson<{ totals: Record<string, number> }>(QUERY)).totals).toEqual({ lines: 3, charges: 35.25 });
  });

  it('sees an import committed by another process within a second or so', async () => {
    await t.getJson(QUERY);
    // What another process's import leaves behind: a completed import and its lines.
    await t.db.query(`DELETE FROM procedure_line WHERE service_date = '2025-05-01'`);
    await t.db.query(`DELETE FROM rollup_month WHERE month = '2025-05-01'`);
    await t.db.query(`INSERT INTO import (status, finished_at) VALUES ('completed', now())`);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await t.getJson<{ totals: Record<string, number> }>(QUERY)).totals).toEqual({ lines: 2, charges: 30 });
  });

  it('computes again when the request says Cache-Control: no-cache', async () => {
    await t.getJson(QUERY);
    slices.mockClear();
    const response = await t.get(QUERY, { 'Cache-Control': 'no-cache' });
    expect(response.status).toBe(200);
    expect(slices.mock.calls.length).toBeGreaterThan(0);
  });

  it('keeps answers apart for users with different department scopes', async () => {
    // A user limited to RAD asks the same question as the admin, right after the admin did.
    const passwordHash = await hashPassword('radiology only');
    await t.db.query(`INSERT INTO app_user (email, password_hash, role, departments) VALUES ('rad@example.test', $1, 'viewer', '{RAD}')`, [passwordHash]);
    const login = await fetch(`${t.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'rad@example.test', password: 'radiology only' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const all = await t.getJson<{ totals: Record<string, number> }>(QUERY);
    const scoped = (await (await fetch(`${t.baseUrl}${QUERY}`, { headers: { Authorization: `Bearer ${accessToken}` } })).json()) as {
      totals: Record<string, number>;
    };
    // The admin sees both CARD lines ($30.00); RAD has none left after the previous test.
    expect(all.totals).toEqual({ lines: 2, charges: 30 });
    expect(scoped.totals).toEqual({ lines: 0, charges: 0 });
  });
});
