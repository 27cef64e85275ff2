import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The server secret signs tokens and keys the patient hashes. Without CASELOAD_SECRET it is
 * generated once and kept in the data directory, so hashes stay stable across restarts.
 */
export function resolveSecret(configured: string | null, dataDir: string): string {
  if (configured !== null) return configured;
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
