import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate } from '../../src/database/migrate';

export interface TestDatabase {
  url: string;
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env['CASELOAD_TEST_SERVER_URL'];
  if (!url) throw new Error('CASELOAD_TEST_SERVER_URL is not set: run the tests through Jest, whose global setup starts PostgreSQL');
  return url;
}

/** A new, migrated database of its own for one test file, on the run's real PostgreSQL. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `caseload_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await migrate(databaseUrl);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    url: databaseUrl,
    query: async <T>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as T[],
    drop: async () => {
      await client.end();
      const dropper = new Client({ connectionString: serverUrl() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
