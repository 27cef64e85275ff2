import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../database/embedded-postgres.mjs';

/** The benchmark's own data directory (embedded PostgreSQL, secret, temporary CSVs). */
export const BENCH_DATA_DIR = '.caseload-bench';
export const BENCH_DATABASE = 'caseload_bench';

export interface BenchServer {
  /** A connection URL to a maintenance database of the server (never the bench database). */
  serverUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The embedded PostgreSQL under .caseload-bench/, or the server of DATABASE_URL. */
export async function openBenchServer(databaseUrl: string | null): Promise<BenchServer> {
  mkdirSync(BENCH_DATA_DIR, { recursive: true });
  // Keeps the folder out of git without touching the project's .gitignore.
  const ignore = join(BENCH_DATA_DIR, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
  if (databaseUrl !== null) return { serverUrl: databaseUrl, embedded: false, stop: async () => undefined };
  const server = await startEmbeddedPostgres(BENCH_DATA_DIR);
  return { serverUrl: server.url, embedded: true, stop: () => server.stop() };
}

export function benchDatabaseUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the bench database when missing; with `drop`, drops it first (whoever is connected). */
export async function ensureBenchDatabase(serverUrl: string, drop: boolean): Promise<void> {
  if (new URL(serverUrl).pathname === `/${BENCH_DATABASE}`) {
    throw new Error(`DATABASE_URL names the ${BENCH_DATABASE} database itself; point it at another database of the server (the bench creates its own).`);
  }
  await onServer(serverUrl, async (client) => {
    if (drop) await client.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  });
}

/**
 * Waits (up to a few seconds) until no session is left on the bench database. A pg pool's
 * end() resolves before its connections have closed; stopping the server under them would
 * raise an error on a pool that nobody listens to any more.
 */
export async function waitForDisconnect(serverUrl: string, timeoutMs = 5_000): Promise<void> {
  await onServer(serverUrl, async (client) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [BENCH_DATABASE]);
      if (Number(rows[0]!.n) === 0 || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
}

export interface LoadedData {
  /** The bench's last complete main import of this size and seed, if any. */
  mainImport: { id: number; rowsLoaded: number } | null;
  /** Its lines still in the fact table. */
  mainLines: number;
  /** Lines in the fact table, whatever import brought them. */
  totalLines: number;
}

/** What an earlier run left in the bench database. */
export async function loadedData(databaseUrl: string, mainImportName: string): Promise<LoadedData> {
  return onServer(databaseUrl, async (client) => {
    const total = await client.query<{ n: string }>('SELECT count(*) AS n FROM procedure_line');
    const main = await client.query<{ id: number; rows_loaded: number }>(
      `SELECT id, rows_loaded FROM import WHERE file_name = $1 AND status = 'completed' ORDER BY id DESC LIMIT 1`,
      [mainImportName],
    );
    const found = main.rows[0];
    if (found === undefined) return { mainImport: null, mainLines: 0, totalLines: Number(total.rows[0]!.n) };
    const lines = await client.query<{ n: string }>('SELECT count(*) AS n FROM procedure_line WHERE import_id = $1', [found.id]);
    return { mainImport: { id: found.id, rowsLoaded: found.rows_loaded }, mainLines: Number(lines.rows[0]!.n), totalLines: Number(total.rows[0]!.n) };
  });
}
