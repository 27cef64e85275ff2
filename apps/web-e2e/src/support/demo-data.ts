import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoCsv } from '@caseload/synth';
import type { BuiltServer } from './built-server';

/**
 * Loads the demo generator's data (three years up to two days ago) through the import API and
 * waits for it to complete: the same lines for every browser spec that needs figures.
 */
export async function seedDemo(server: BuiltServer, lines = 20_000): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'caseload-e2e-demo-'));
  try {
    const path = join(directory, 'demo.csv');
    const endDate = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await writeDemoCsv({ lines, seed: 11, endDate }, createWriteStream(path));
    const token = await server.token();
    const upload = await fetch(`${server.url}/api/v1/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
      body: readFileSync(path),
    });
    if (upload.status !== 202) throw new Error(`the demo import was refused: HTTP ${upload.status} ${await upload.text()}`);
    const { id } = (await upload.json()) as { id: number };
    for (let i = 0; i < 600; i++) {
      const status = (await (await fetch(`${server.url}/api/v1/imports/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { status: string; rowsLoaded: number };
      if (status.status === 'completed' && status.rowsLoaded > lines * 0.9) return;
      if (status.status === 'failed' || status.status === 'completed') throw new Error(`the demo import ended ${JSON.stringify(status)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the demo import did not finish within a minute');
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
