import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config.js';
import { migrate } from './migrate.js';
import { startEmbeddedPostgres } from './embedded-postgres.mjs';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

const DATABASE_NAME = 'caseload';

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The database the process works on: DATABASE_URL when set, else the embedded PostgreSQL
 * under the data directory — started here, or the one a running server already started
 * (its address is left in the data directory while it runs). Migrations run either way.
 */
export async function openDatabase(config: AppConfig): Promise<OpenDatabase> {
  let opened: OpenDatabase;
  if (config.databaseUrl !== null) {
    opened = { url: config.databaseUrl, embedded: false, close: async () => undefined };
  } else {
    const marker = join(config.dataDir, 'postgres.url');
    const running = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null;
    if (running !== null && (await canConnect(running))) {
      opened = { url: running, embedded: true, close: async () => undefined };
    } else {
      const server = await startEmbeddedPostgres(config.dataDir);
      const url = await ensureDatabase(server.url, DATABASE_NAME);
      writeFileSync(marker, `${url}\n`, { mode: 0o600 });
      opened = {
        url,
        embedded: true,
        close: async () => {
          rmSync(marker, { force: true });
          await server.stop();
        },
      };
    }
  }
  await migrate(opened.url);
  return opened;
}
