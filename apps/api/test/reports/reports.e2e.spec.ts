// Saved and scheduled reports (POST/GET/PATCH/DELETE /api/v1/reports, …/run, …/runs, …/file):
// validation that names the field, a run whose file matches the aggregate API, webhook delivery
// with retries that are visible in the runs, a cron schedule that runs by itself, and who may
// see which report. Retries wait 50 ms here (CASELOAD_REPORT_RETRY_DELAYS).
import { existsSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parse } from 'csv-parse/sync';
import type { ReportRun, SavedReport } from '@caseload/contracts';
import { ReportsService } from '../../src/modules/reports/reports.service.js';
import { startTestApp, ADMIN, type TestApp } from '../support/test-app.js';

const LINES =
  'encounter_id,patient_id,service_date,department,code,units,charge_amount\n' +
  'E1,P1,2025-03-03,CARD,99213,1,100.00\n' +
  'E2,P2,2025-03-04,CARD,99213,1,100.00\n' +
  'E3,P3,2025-03-05,RAD,71046,2,80.00\n' +
  'E4,P4,2025-04-01,RAD,71046,1,80.00\n'; // outside March

const MARCH_BY_DEPARTMENT = {
  name: 'March by department',
  query: { measures: 'lines,charges', groupBy: 'department' },
  range: { preset: 'fixed', from: '2025-03-01', to: '2025-03-31' },
  format: 'csv',
  suppress: false,
  schedule: null,
  writeFile: true,
  webhookUrl: null,
};

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A webhook receiver that answers the statuses given, in turn (the last one repeats). */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/hook?token=abc`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('saved and scheduled reports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CASELOAD_TIMEZONE: 'UTC', CASELOAD_REPORT_RETRY_DELAYS: '50,50' });
    expect((await t.importCsv(LINES)).rowsLoaded).toBe(4);
  }, 60_000);
  afterAll(() => t.close());

  async function create(body: object, token?: string): Promise<SavedReport> {
    const response = await t.request('POST', '/api/v1/reports', { body, token });
    expect(response.status).toBe(201);
    return (await response.json()) as SavedReport;
  }

  /** Runs the report now through the API and waits for the run to end. */
  async function runToEnd(id: number, token?: string): Promise<ReportRun> {
    const started = await t.request('POST', `/api/v1/reports/${id}/run`, { token });
    expect(started.status).toBe(202);
    const run = (await started.json()) as ReportRun;
    expect(run.status).toBe('running');
    for (let i = 0; i < 200; i++) {
      const { runs } = (await (await t.request('GET', `/api/v1/reports/${id}/runs`, { token })).json()) as { runs: ReportRun[] };
      const current = runs.find((item) => item.id === run.id)!;
      if (current.status !== 'running') return current;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the run did not end');
  }

  it('saves a report, runs it, and keeps a file with the aggregate API’s numbers', async () => {
    const report = await create(MARCH_BY_DEPARTMENT);
    expect(report).toMatchObject({ name: 'March by department', owner: ADMIN.email, nextRunAt: null, lastRun: null });
    const run = await runToEnd(report.id);
    expect(run).toMatchObject({ status: 'succeeded', attempts: 1, trigger: 'manual', from: '2025-03-01', to: '2025-03-31', hasFile: true, error: null });

    const file = await t.get(`/api/v1/reports/${report.id}/runs/${run.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="march-by-department_2025-03-01_2025-03-31.csv"');
    const rows = parse(await file.text(), { columns: true }) as Record<string, string>[];
    // March: CARD 2 lines $200, RAD 1 line $80 (E4 is April), and the total row.
    expect(rows.map((row) => [row['department'], row['lines'], row['charges']])).toEqual([
      ['CARD', '2', '200'],
      ['RAD', '1', '80'],
      ['Total', '3', '280'],
    ]);
    const api = await t.getJson<{ rows: { department: string; lines: number }[] }>('/api/v1/aggregate?measures=lines&groupBy=department&from=2025-03-01&to=2025-03-31');
    expect(rows.slice(0, -1).map((row) => Number(row['lines']))).toEqual(api.rows.map((row) => row.lines));

    // The run exported as its owner: the export is in the audit log.
    const log = await t.getJson<{ entries: { actor: string; details: { format?: string } }[] }>('/api/v1/audit?action=export');
    expect(log.entries[0]).toMatchObject({ actor: ADMIN.email, details: { format: 'csv' } });
    expect((await t.getJson<SavedReport>(`/api/v1/reports/${report.id}`)).lastRun).toMatchObject({ id: run.id, status: 'succeeded' });
  });

  it('refuses a report it could not run, naming the field', async () => {
    const cases: [object, RegExp][] = [
      [{ ...MARCH_BY_DEPARTMENT, name: ' ' }, /^name: give the report a name/],
      [{ ...MARCH_BY_DEPARTMENT, query: { measures: 'lines,bogus' } }, /^query: measures: /],
      [{ ...MARCH_BY_DEPARTMENT, query: { measures: 'lines', from: '2025-01-01' } }, /^query.from: the dates are the report/],
      [{ ...MARCH_BY_DEPARTMENT, range: { preset: 'last_week' } }, /^range: must be/],
      [{ ...MARCH_BY_DEPARTMENT, range: { preset: 'fixed', from: '2025-04-01', to: '2025-03-01' } }, /^range.from: \(2025-04-01\) is after/],
      [{ ...MARCH_BY_DEPARTMENT, format: 'docx' }, /^format: must be one of/],
      [{ ...MARCH_BY_DEPARTMENT, schedule: { frequency: 'cron', cron: '61 * * * *' } }, /^schedule.cron: "61 \* \* \* \*" is not a cron expression/],
      [{ ...MARCH_BY_DEPARTMENT, schedule: { frequency: 'daily' }, writeFile: false }, /^schedule: a scheduled report needs somewhere to go/],
      [{ ...MARCH_BY_DEPARTMENT, webhookUrl: 'ftp://example.test/x' }, /^webhookUrl: must start with http/],
      [{ ...MARCH_BY_DEPARTMENT, webhookUrl: 'https://user:secret@example.test/x' }, /^webhookUrl: must not carry a user name/],
      [{ ...MARCH_BY_DEPARTMENT, colour: 'blue' }, /^colour: is not a field of a report/],
    ];
    for (const [body, message] of cases) {
      const response = await t.post('/api/v1/reports', body);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
    }
    // A viewer's exports are always suppressed, so are their reports.
    const { token } = await t.createUser({ email: 'viewer@example.test', password: 'a long enough password', role: 'viewer' });
    const viewer = await t.request('POST', '/api/v1/reports', { body: MARCH_BY_DEPARTMENT, token });
    expect(viewer.status).toBe(400);
    expect(((await viewer.json()) as { message: string }).message).toMatch(/^suppress: small-cell suppression is always applied for viewers/);
  });

  it('POSTs the file to a webhook, retrying a failure, and shows each try', async () => {
    const hook = await receiver([500, 200]);
    try {
      const report = await create({ ...MARCH_BY_DEPARTMENT, name: 'To the hook', writeFile: false, webhookUrl: hook.url });
      const run = await runToEnd(report.id);
      expect(run).toMatchObject({ status: 'succeeded', attempts: 2, webhookStatus: 200, hasFile: false, error: null });
      expect(hook.received).toHaveLength(2);
      const last = hook.received[1]!;
      expect(last.headers['content-type']).toMatch(/^text\/csv/);
      expect(last.headers['x-caseload-report']).toBe(String(report.id));
      expect(JSON.parse(String(last.headers['x-caseload-manifest']))).toMatchObject({ from: '2025-03-01', to: '2025-03-31' });
      expect(parse(last.body, { columns: true })).toEqual([
        { department: 'CARD', lines: '2', charges: '200' },
        { department: 'RAD', lines: '1', charges: '80' },
        { department: 'Total', lines: '3', charges: '280' },
      ]);
    } finally {
      await hook.close();
    }
  });

  it('marks a run failed after the last retry, with the reason', async () => {
    const hook = await receiver([503]);
    try {
      const report = await create({ ...MARCH_BY_DEPARTMENT, name: 'Always refused', writeFile: false, webhookUrl: hook.url });
      const run = await runToEnd(report.id);
      // One try and the two retries of CASELOAD_REPORT_RETRY_DELAYS.
      expect(run).toMatchObject({ status: 'failed', attempts: 3, hasFile: false });
      expect(run.error).toBe('The webhook answered 503 Service Unavailable.');
      expect(hook.received).toHaveLength(3);
    } finally {
      await hook.close();
    }
    const unreachable = await create({ ...MARCH_BY_DEPARTMENT, name: 'Nobody there', writeFile: false, webhookUrl: 'http://127.0.0.1:9/none' });
    const failed = await runToEnd(unreachable.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^The webhook could not be reached: /);
  });

  it('runs on its schedule by itself, and stops when deleted', async () => {
    // Every second (croner's six-field form), to the reports folder.
    const report = await create({ ...MARCH_BY_DEPARTMENT, name: 'Every second', schedule: { frequency: 'cron', cron: '* * * * * *' } });
    expect(report.nextRunAt).not.toBeNull();
    let runs: ReportRun[] = [];
    for (let i = 0; i < 100 && !runs.some((run) => run.status === 'succeeded'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      runs = ((await t.getJson<{ runs: ReportRun[] }>(`/api/v1/reports/${report.id}/runs`)).runs);
    }
    expect(runs.find((run) => run.status === 'succeeded')).toMatchObject({ trigger: 'schedule', hasFile: true });

    expect((await t.request('DELETE', `/api/v1/reports/${report.id}`)).status).toBe(204);
    expect((await t.get(`/api/v1/reports/${report.id}/runs`)).status).toBe(404);
    // Nothing runs for it any more: after a few of its ticks, it has no run at all, and no file is left.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const [{ runs: left }] = await t.app.get(DataSource).query('SELECT count(*)::int AS runs FROM report_run WHERE report_id = $1', [report.id]);
    expect(left).toBe(0);
    expect(existsSync(join(t.app.get(ReportsService).folder, String(report.id)))).toBe(true);
    expect(readdirSync(join(t.app.get(ReportsService).folder, String(report.id)))).toEqual([]);
  });

  it('shows each user only their reports; an admin sees all', async () => {
    const { token } = await t.createUser({ email: 'analyst@example.test', password: 'a long enough password', role: 'analyst' });
    const mine = await create({ ...MARCH_BY_DEPARTMENT, name: 'Analyst report' }, token);
    expect(mine.owner).toBe('analyst@example.test');
    const theirs = (await t.getJson<{ reports: SavedReport[] }>('/api/v1/reports')).reports;
    expect(theirs.map((report) => report.name)).toContain('Analyst report');
    const listed = (await (await t.request('GET', '/api/v1/reports', { token })).json()) as { reports: SavedReport[] };
    expect(listed.reports.map((report) => report.name)).toEqual(['Analyst report']);
    const adminReport = theirs.find((report) => report.owner === ADMIN.email)!;
    expect((await t.request('GET', `/api/v1/reports/${adminReport.id}`, { token })).status).toBe(404);
    expect((await t.request('POST', `/api/v1/reports/${adminReport.id}/run`, { token })).status).toBe(404);
    expect((await t.request('GET', '/api/v1/reports/abc', { token })).status).toBe(400);

    // The server would POST from inside the network: only an administrator sets a webhook.
    const hooked = await t.request('PATCH', `/api/v1/reports/${mine.id}`, { body: { webhookUrl: 'https://example.test/hook' }, token });
    expect(hooked.status).toBe(400);
    expect(((await hooked.json()) as { message: string }).message).toMatch(/^webhookUrl: only an administrator/);

    // A change keeps the fields left out.
    const renamed = await t.request('PATCH', `/api/v1/reports/${mine.id}`, { body: { name: 'Renamed', format: 'xlsx' }, token });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: 'Renamed', format: 'xlsx', query: MARCH_BY_DEPARTMENT.query, range: MARCH_BY_DEPARTMENT.range });
  });
});
