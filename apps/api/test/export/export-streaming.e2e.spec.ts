// A large export streams: its first bytes reach the client while the server is still reading rows
// from PostgreSQL, and a client that stops reading holds the server back (no timing involved:
// the database is asked whether the export's COPY is still running while the client waits).
// A client that goes away mid-file gives its connection back and is audited as cut off.
import { request, type IncomingMessage } from 'node:http';
import { Client } from 'pg';
import type { AuditResponse } from '@caseload/contracts';
import { startTestApp, type TestApp } from '../support/test-app.js';

// 60 codes with one line each, on one day; grouped by day and code over 36 years, every code has
// a row for every day (zeros where it had no line): 60 × 13,149 = 788,940 rows, about 17 MB of CSV,
// far more than the socket buffers between the server and a client that stops reading hold.
const CODES = Array.from({ length: 60 }, (_, i) => String(10_021 + i * 7));
const FROM = '1990-01-01';
const TO = '2025-12-31';
const DAYS = (Date.UTC(2025, 11, 31) - Date.UTC(1990, 0, 1)) / 86_400_000 + 1;
const ROWS = CODES.length * DAYS;
const QUERY = `measures=lines,charges&groupBy=period,code&grain=day&from=${FROM}&to=${TO}`;
/** 60 × 3,653 = 219,180 rows: still far more than a client that goes away after the first chunk receives. */
const DECADE = 'measures=lines,charges&groupBy=period,code&grain=day&from=2016-01-01&to=2025-12-31';

function fixtureCsv(): string {
  const lines = ['encounter_id,patient_id,service_date,department,code,charge_amount'];
  CODES.forEach((code, i) => lines.push(`BIG-E${i},BIG-P${i},2024-03-01,GEN,${code},10.00`));
  return lines.join('\n');
}

interface OpenDownload {
  response: IncomingMessage;
  first: Buffer;
}

/** Starts a download and resolves at its first chunk, with the response paused there. */
function startDownload(t: TestApp, path: string): Promise<OpenDownload> {
  const url = new URL(`${t.baseUrl}${path}`);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, headers: { authorization: `Bearer ${t.token}` } }, (response) => {
      response.once('data', (chunk: Buffer) => {
        response.pause();
        resolve({ response, first: chunk });
      });
      response.once('error', reject);
    });
    req.once('error', reject);
    req.end();
  });
}

function readRest(response: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.once('end', () => resolve(Buffer.concat(chunks)));
    response.once('error', reject);
    response.resume();
  });
}

describe('a large export streams', () => {
  let t: TestApp;
  let db: Client;
  beforeAll(async () => {
    t = await startTestApp();
    const status = await t.importCsv(fixtureCsv(), 'many-codes.csv');
    expect(status).toMatchObject({ status: 'completed', rowsLoaded: CODES.length, rowsRejected: 0 });
    db = new Client({ connectionString: t.db.url });
    await db.connect();
  }, 60_000);
  const afterOpen: Array<() => void> = [];
  afterAll(async () => {
    for (const close of afterOpen) close();
    await db.end();
    await t.close();
  });

  /** Exports running on the server's connections: the streamed COPY, not finished. */
  async function openCursors(): Promise<number> {
    const result = await db.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND query LIKE 'COPY (WITH g AS (%' AND pid <> pg_backend_pid()");
    return Number(result.rows[0]!.n);
  }

  const exportEntries = async () => (await t.getJson<AuditResponse>('/api/v1/audit?action=export&limit=1000')).entries;

  it('sends its first bytes while the rows are still being read, and all of them once the client reads on', async () => {
    const before = (await exportEntries()).length;
    const { response, first } = await startDownload(t, `/api/v1/export?${QUERY}&format=csv`);
    // Whatever happens below, the connection must not stay open (it would hold the export's query).
    afterOpen.push(() => response.destroy());
    expect(response.statusCode).toBe(200);
    expect(response.headers['transfer-encoding']).toBe('chunked');
    expect(first.toString('utf8')).toMatch(/^period,code,lines,charges\r\n/);

    // The client holds the first chunk and reads no further: the server must be waiting with its
    // queries running (the export splits by period in two, each half on its own connection), the
    // file neither finished nor audited.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await openCursors()).toBe(2);
    expect((await exportEntries()).length).toBe(before);

    const text = Buffer.concat([first, await readRest(response)]).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length).toBe(1 + ROWS + 1 + 1);
    // Each code's one line, on its day; every other row a zero.
    const busy = lines.filter((line) => line.startsWith('2024-03-01,'));
    expect(busy).toEqual(CODES.map((code) => `2024-03-01,${code},1,10`));
    expect(lines.slice(1, -2).filter((line) => line.split(',')[2] !== '0')).toEqual(busy);
    expect(lines.at(-2)).toBe(`Total,,${CODES.length},${CODES.length * 10}`);

    expect(await openCursors()).toBe(0);
    const [latest] = await exportEntries();
    expect(latest).toMatchObject({ action: 'export', details: { format: 'csv', rows: ROWS, completed: true } });
  }, 120_000);

  it('gives the connection back when the client goes away mid-file, and audits the export as cut off', async () => {
    // More abandoned exports than the server's pool has connections: a leak would stall the last ones.
    for (let i = 0; i < 12; i++) {
      const { response } = await startDownload(t, `/api/v1/export?${DECADE}&format=${(['csv', 'xlsx', 'arrow'] as const)[i % 3]}`);
      response.destroy();
    }
    const deadline = Date.now() + 30_000;
    while ((await openCursors()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await openCursors()).toBe(0);
    const small = await t.request('GET', `/api/v1/export?measures=lines&groupBy=period,code&grain=day&from=2024-03-01&to=2024-03-01&format=csv`);
    expect(small.status).toBe(200);
    expect((await small.text()).split('\r\n')).toHaveLength(1 + CODES.length + 1 + 1);
    const cutOff = (await exportEntries()).filter((entry) => (entry.details as { completed?: boolean }).completed === false);
    expect(cutOff.length).toBe(12);
    for (const entry of cutOff) expect((entry.details as { rows: number }).rows).toBeLessThan(60 * 3_653);
  }, 120_000);
});
