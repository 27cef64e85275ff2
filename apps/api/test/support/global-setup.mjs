// Starts one real PostgreSQL for the whole test run (the embedded one, unless DATABASE_URL
// names a server to use); every test file then creates and migrates its own database in it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.mjs';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.CASELOAD_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  const directory = mkdtempSync(join(tmpdir(), 'caseload-test-pg-'));
  const server = await startEmbeddedPostgres(directory, { persistent: false });
  process.env.CASELOAD_TEST_SERVER_URL = server.url;
  globalThis.__caseloadTestPostgres = server;
}
