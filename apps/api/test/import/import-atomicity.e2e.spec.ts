// DESIGN §3.1: "An import is atomic: after a crash or a kill, either all of its accepted rows
// are in, or none." The built command line imports a big synthetic file into a real database
// and is killed (SIGKILL: no chance to clean up) while it reads; then nothing of it may be
// there, a server start must mark it failed, and running it again must load every row.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../../src/app-factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const ROOT = resolve(__dirname, '../../../..');
const CLI = join(ROOT, 'apps/api/dist/cli.js');
const BUILD = ['nx', 'run-many', '-t', 'build', '--projects=@caseload/domain,@caseload/contracts,@caseload/synth,@caseload/api'];
const SOURCES = ['apps/api/src', 'libs/domain/src', 'libs/contracts/src', 'libs/synth/src'];
const SECRET = 'atomicity-secret-atomicity-secret-0123';

// The synthetic file: 300,000 valid lines, 3 lines per encounter (100,000 encounters), 2
// encounters per patient (50,000 patients), 100.00 each; plus one invalid line (code BADCODE)
// after every 100,000 valid ones.
const VALID = 300_000;
const BAD_EVERY = 100_000;
// Row numbers (header = 1): the k-th bad row follows k × 100,000 valid rows and k − 1 bad ones,
// so it is row 1 + k × 100,000 + (k − 1) + 1: 100,002, 200,003, 300,004.
const BAD_ROWS = [100_002, 200_003, 300_004];

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const pad = (n: number) => String(n).padStart(6, '0');

function newestSourceTime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path));
    else if (/\.(ts|mts|mjs)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the CLI when it is missing or older than its sources, and checks that it starts. */
function ensureCliBuilt(): void {
  const newest = Math.max(...SOURCES.map((s) => newestSourceTime(join(ROOT, s))));
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < newest) {
    const build = spawnSync('npx', BUILD, {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    });
    if (build.status !== 0) throw new Error(`npx ${BUILD.join(' ')} failed:\n${build.stdout}\n${build.stderr}`);
  }
  const usage = spawnSync(process.execPath, [CLI], { cwd: ROOT, encoding: 'utf8' });
  if (usage.status !== 2 || !/Usage/.test(usage.stderr)) {
    throw new Error(`The built CLI does not start (exit ${usage.status}); "node apps/api/dist/cli.js" printed:\n${usage.stderr}`);
  }
}

async function writeBigCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('encounter_id,patient_id,service_date,department,code,units,charge_amount\n');
  let chunk = '';
  for (let i = 1; i <= VALID; i++) {
    const encounter = Math.ceil(i / 3);
    const month = String(((encounter - 1) % 12) + 1).padStart(2, '0');
    chunk += `E${pad(encounter)},P${pad(Math.ceil(i / 6))},2024-${month}-15,CARD,99213,1,100.00\n`;
    if (i % BAD_EVERY === 0) chunk += `BAD${i / BAD_EVERY},P999999,2024-01-15,CARD,BADCODE,1,100.00\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

describe('CSV import atomicity (DESIGN §3.1)', () => {
  let db: TestDatabase;
  let work: string;
  let file: string;
  let child: ChildProcess | null = null;
  let killedId = 0;

  const cliEnv = () => ({
    ...process.env,
    DATABASE_URL: db.url,
    CASELOAD_DATA_DIR: join(work, 'data'),
    CASELOAD_SECRET: SECRET,
    CASELOAD_TIMEZONE: 'America/New_York',
  });

  const count = async (sql: string, values?: unknown[]) => (await db.query<{ n: number }>(sql, values))[0]!.n;

  beforeAll(async () => {
    ensureCliBuilt();
    db = await createTestDatabase();
    work = mkdtempSync(join(tmpdir(), 'caseload-atomicity-'));
    file = join(work, 'big.csv');
    await writeBigCsv(file);
  }, 300_000);

  afterAll(async () => {
    if (child !== null && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await db?.drop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('leaves no line, encounter, patient or rejection behind when the import is killed while it runs', async () => {
    const output: string[] = [];
    const running = spawn(process.execPath, [CLI, 'import', file], { cwd: ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    child = running;
    running.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
    running.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    const exited = once(running, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

    // Wait until the import is under way: running, with some progress reported.
    const deadline = Date.now() + 90_000;
    for (;;) {
      const [row] = await db.query<{ id: number; status: string; progress: number }>('SELECT id, status, progress FROM import ORDER BY id DESC LIMIT 1');
      if (row !== undefined && row.status === 'running' && row.progress > 0) {
        killedId = row.id;
        break;
      }
      if (running.exitCode !== null) throw new Error(`the CLI ended before it could be killed:\n${output.join('')}`);
      if (Date.now() > deadline) throw new Error(`the import never reported progress:\n${output.join('')}`);
      await sleep(20);
    }
    running.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');

    // PostgreSQL ends the killed client's session (rolling its transaction back) once it sees the socket close.
    const gone = Date.now() + 20_000;
    while ((await count(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`)) > 0) {
      if (Date.now() > gone) throw new Error('the killed import still has a session in the database');
      await sleep(50);
    }

    // It was killed mid-way: nobody said it ended.
    const [killed] = await db.query<{ status: string; progress: number }>('SELECT status, progress FROM import WHERE id = $1', [killedId]);
    expect(killed!.status).toBe('running');
    expect(killed!.progress).toBeGreaterThan(0);
    expect(killed!.progress).toBeLessThan(1);
    // None: not one line, nor anything else the transaction wrote.
    expect(await count('SELECT count(*)::int AS n FROM procedure_line')).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM import_rejection WHERE import_id = $1', [killedId])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM encounter')).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM patient')).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM department')).toBe(0);
  }, 120_000);

  it('marks the killed import failed when the server starts again', async () => {
    expect(killedId).toBeGreaterThan(0);
    const config = loadConfig({ CASELOAD_DATA_DIR: join(work, 'data'), CASELOAD_SECRET: SECRET, CASELOAD_TIMEZONE: 'America/New_York', PORT: '0' });
    const app = await createApp(config, db.url, { logLevels: ['fatal'] });
    try {
      await app.init();
    } finally {
      await app.close();
    }
    const [row] = await db.query<{ status: string; error: string; finished: boolean }>(
      'SELECT status, error, finished_at IS NOT NULL AS finished FROM import WHERE id = $1',
      [killedId],
    );
    expect(row).toEqual({ status: 'failed', error: expect.stringMatching(/interrupted.*nothing from it was loaded/), finished: true });
    expect(await count('SELECT count(*)::int AS n FROM procedure_line')).toBe(0);
  }, 60_000);

  it('loads all 300,000 lines when the import is run again to completion', async () => {
    const rerun = spawn(process.execPath, [CLI, 'import', file], { cwd: ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    child = rerun;
    let stdout = '';
    let stderr = '';
    rerun.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    rerun.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(rerun, 'exit')) as [number | null];
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/300000 lines loaded, 3 rejected/);

    const [done] = await db.query<Record<string, unknown>>(
      `SELECT id, status, rows_total, rows_loaded, rows_rejected, departments_created FROM import WHERE id <> $1 ORDER BY id DESC LIMIT 1`,
      [killedId],
    );
    // 300,000 valid + 3 invalid rows.
    expect(done).toMatchObject({ status: 'completed', rows_total: 300_003, rows_loaded: 300_000, rows_rejected: 3, departments_created: ['CARD'] });
    const [facts] = await db.query<Record<string, string | number>>(
      `SELECT count(*)::int AS lines, count(DISTINCT encounter_key)::int AS encounters, count(DISTINCT patient_key)::int AS patients,
         max(line_number) AS max_line, sum(charge_cents)::text AS charge_cents FROM procedure_line`,
    );
    // All: 300,000 lines in 100,000 encounters of 50,000 patients, lines 1..3 each; 300,000 × 10,000 cents.
    expect(facts).toEqual({ lines: 300_000, encounters: 100_000, patients: 50_000, max_line: 3, charge_cents: '3000000000' });
    const rejections = await db.query<{ row_number: number; column_name: string }>(
      'SELECT row_number, column_name FROM import_rejection WHERE import_id = $1 ORDER BY row_number',
      [done!['id']],
    );
    expect(rejections.map((r) => [r.row_number, r.column_name])).toEqual(BAD_ROWS.map((row) => [row, 'code']));
    // The killed import stays failed, with nothing to its name.
    expect(await count(`SELECT count(*)::int AS n FROM import WHERE id = $1 AND status = 'failed'`, [killedId])).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM import_rejection WHERE import_id = $1', [killedId])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM procedure_line WHERE import_id = $1', [killedId])).toBe(0);
  }, 180_000);
});
