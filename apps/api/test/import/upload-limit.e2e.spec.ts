// The upload cap (CASELOAD_MAX_UPLOAD_BYTES): a body past it is refused with 413 in the API's
// error shape, naming the limit, whether it comes raw (declared length or chunked) or as a
// multipart file; nothing of it stays behind (no spooled file, no import row, no lines), and
// a file at or under the cap still imports.
import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { ApiErrorResponse } from '@caseload/contracts';
import { ImportQueueService } from '../../src/modules/ingest/import-queue.service.js';
import { startTestApp, type ImportStatus, type TestApp } from '../support/test-app.js';

const CAP = 1000;
const HEADER = 'encounter_id,patient_id,service_date,department,code,charge_amount,note';

/** A valid CSV of exactly `bytes` bytes: `lines` lines of 10.00, the first one's ignored note padded. */
function csvOfSize(bytes: number, prefix: string, lines = 3): string {
  const rows = Array.from({ length: lines }, (_, i) => `${prefix}-E${i + 1},PT70${String(i + 1).padStart(2, '0')},2023-03-0${i + 1},CARD,99213,10.00,`);
  const bare = `${HEADER}\n${rows.join('\n')}\n`;
  const padding = bytes - Buffer.byteLength(bare);
  if (padding < 0) throw new Error(`a CSV of ${lines} lines needs more than ${bytes} bytes`);
  rows[0] += 'x'.repeat(padding);
  const csv = `${HEADER}\n${rows.join('\n')}\n`;
  expect(Buffer.byteLength(csv)).toBe(bytes);
  return csv;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** POSTs the body in chunks with no Content-Length (chunked transfer): only a byte counter can stop it. */
function postChunked(t: TestApp, chunks: string[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${t.baseUrl}/api/v1/imports`);
    const request = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { Authorization: `Bearer ${t.token}`, 'Content-Type': 'text/csv', 'X-File-Name': 'chunked.csv' } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    // The server may answer and close before the last chunk is written; the answer is what counts.
    request.on('error', reject);
    expect(request.getHeader('content-length')).toBeUndefined();
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

function postMultipart(t: TestApp, csv: string): Promise<Response> {
  const form = new FormData();
  form.append('note', 'a field before the file');
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'multipart.csv');
  return fetch(`${t.baseUrl}/api/v1/imports`, { method: 'POST', headers: { Authorization: `Bearer ${t.token}` }, body: form });
}

describe('upload size cap (CASELOAD_MAX_UPLOAD_BYTES)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CASELOAD_MAX_UPLOAD_BYTES: String(CAP) });
  }, 60_000);
  afterAll(() => t.close());

  function spooled(): string[] {
    const directory = join(t.config.dataDir, 'uploads');
    return existsSync(directory) ? readdirSync(directory) : [];
  }

  async function countOf(table: 'import' | 'procedure_line'): Promise<number> {
    const [row] = await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    return Number(row!.n);
  }

  /** The refusal the API gives for any upload over 1000 bytes, and nothing recorded of it. */
  async function expectRefused(status: number, body: string, importsBefore: number): Promise<void> {
    expect(status).toBe(413);
    expect(JSON.parse(body) as ApiErrorResponse).toEqual({
      statusCode: 413,
      code: 'UPLOAD_TOO_LARGE',
      message: 'The file is larger than the upload limit of 1000 bytes; split it into smaller files and import each.',
    });
    await t.app.get(ImportQueueService).idle();
    expect(await countOf('import')).toBe(importsBefore);
    expect(await t.db.query(`SELECT id FROM import WHERE status IN ('queued', 'running')`)).toEqual([]);
    expect(spooled()).toEqual([]);
  }

  it('reads the cap from the environment, 4 GiB unless set', async () => {
    expect(t.config.maxUploadBytes).toBe(CAP);
    const { loadConfig, ConfigError } = await import('../../src/config/app-config.js');
    expect(loadConfig({}).maxUploadBytes).toBe(4 * 1024 ** 3);
    expect(() => loadConfig({ CASELOAD_MAX_UPLOAD_BYTES: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ CASELOAD_MAX_UPLOAD_BYTES: '1e9' })).toThrow(/^CASELOAD_MAX_UPLOAD_BYTES: must be a whole number/);
  });

  it('refuses a raw body whose Content-Length is past the cap', async () => {
    const before = await countOf('import');
    const response = await t.post('/api/v1/imports', csvOfSize(CAP + 1, 'RL'), { 'X-File-Name': 'raw.csv' });
    expect(response.headers.get('connection')).toBe('close');
    await expectRefused(response.status, await response.text(), before);
  });

  it('refuses a chunked raw body (no declared length) once it passes the cap, and deletes what it wrote', async () => {
    const before = await countOf('import');
    const csv = csvOfSize(3000, 'CH', 20);
    // Three chunks: the first fits, the second crosses the cap, the third arrives after it.
    const answer = await postChunked(t, [csv.slice(0, 600), csv.slice(600, 1600), csv.slice(1600)]);
    await expectRefused(answer.status, answer.body, before);
    expect(await countOf('procedure_line')).toBe(0);
  });

  it('refuses a multipart file past the cap, and deletes what it wrote', async () => {
    const before = await countOf('import');
    const response = await postMultipart(t, csvOfSize(CAP + 1, 'MP'));
    await expectRefused(response.status, await response.text(), before);
    expect(await countOf('procedure_line')).toBe(0);
  });

  it('still takes a file under the cap, and one of exactly the cap, raw or multipart', async () => {
    const small = await t.importCsv(csvOfSize(400, 'OK'), 'small.csv');
    expect(small).toMatchObject({ status: 'completed', rowsLoaded: 3, rowsRejected: 0 });

    const raw = await postChunked(t, [csvOfSize(CAP, 'EX')]);
    expect(raw.status).toBe(202);
    const multipart = await postMultipart(t, csvOfSize(CAP, 'EM'));
    expect(multipart.status).toBe(202);
    await t.app.get(ImportQueueService).idle();
    for (const id of [(JSON.parse(raw.body) as { id: number }).id, ((await multipart.json()) as { id: number }).id]) {
      const status = await t.getJson<ImportStatus & { fileName: string }>(`/api/v1/imports/${id}`);
      expect(status).toMatchObject({ status: 'completed', rowsLoaded: 3, rowsRejected: 0 });
    }
    // 3 files of 3 lines, every one loaded; the refused uploads added none.
    expect(await countOf('procedure_line')).toBe(9);
    expect(await countOf('import')).toBe(3);
  });

  it('keeps serving after refusing uploads', async () => {
    const response = await t.get('/api/v1/imports');
    expect(response.status).toBe(200);
    const { rows } = (await response.json()) as { rows: ImportStatus[] };
    expect(rows.map((row) => row.status)).toEqual(['completed', 'completed', 'completed']);
  });
});
