import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../../api/test/support/test-database';

const ROOT = resolve(__dirname, '../../../..');
export const ADMIN = { email: 'admin@example.test', password: 'correct horse battery' };

export interface BuiltServer {
  url: string;
  db: TestDatabase;
  /** A bearer token for API calls that set up a scene. */
  token(): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** The production server exactly as `npm start` runs it, on a fresh database of its own. */
export async function startBuiltServer(env: Record<string, string> = {}): Promise<BuiltServer> {
  const main = join(ROOT, 'apps/api/dist/main.js');
  if (!existsSync(main) || !existsSync(join(ROOT, 'apps/web/dist/index.html'))) {
    throw new Error('The apps are not built: run `npm test` (it builds first) or `npx nx run-many -t build`.');
  }
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'caseload-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(port),
      CASELOAD_DATA_DIR: dataDir,
      CASELOAD_ADMIN_EMAIL: ADMIN.email,
      CASELOAD_ADMIN_PASSWORD: ADMIN.password,
      CASELOAD_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456',
      CASELOAD_TIMEZONE: 'America/New_York',
      CASELOAD_DEMO: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the server did not answer within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    db,
    async token() {
      const response = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
