// A large answer ordered by period is read in two parts, each on its own connection (see
// periodParts): the second part's transaction takes the first's snapshot, so an import that
// commits between the two starts is in neither; with no connection to spare, one statement reads
// the whole answer.
import type { Pool, PoolClient } from 'pg';
import { PG_POOL } from '../../src/database/database.tokens.js';
import { ExportRowsRepository } from '../../src/modules/export/export-rows.repository.js';
import { startScenarioApp } from '../aggregate/scenario.js';
import type { TestApp } from '../support/test-app.js';

interface Session {
  client: PoolClient;
  text: string;
}

/** The repository's connections for a statement and its two parts (a private step of copyBatches). */
function sessions(repository: ExportRowsRepository, texts: { whole: string; parts: [string, string] }): Promise<Session[]> {
  return (repository as unknown as { sessions(texts: { whole: string; parts: [string, string] }): Promise<Session[]> }).sessions(texts);
}

async function lineCount(client: Pool | PoolClient): Promise<number> {
  return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM procedure_line')).rows[0]!.n);
}

async function finish(opened: Session[]): Promise<void> {
  for (const { client } of opened) {
    await client.query('COMMIT');
    client.release();
  }
}

describe('an export read in two parts', () => {
  let t: TestApp;
  let pool: Pool;
  let repository: ExportRowsRepository;
  beforeAll(async () => {
    t = await startScenarioApp();
    pool = t.app.get<Pool>(PG_POOL);
    repository = t.app.get(ExportRowsRepository);
  }, 60_000);
  afterAll(() => t.close());

  it('reads the second part in the first part’s snapshot, not seeing an import that committed in between', async () => {
    const opened = await sessions(repository, { whole: 'SELECT 0', parts: ['SELECT 1', 'SELECT 2'] });
    try {
      expect(opened.map((session) => session.text)).toEqual(['SELECT 1', 'SELECT 2']);
      const before = await lineCount(opened[0]!.client);
      expect(before).toBe(44);
      const status = await t.importCsv('encounter_id,patient_id,service_date,department,code,charge_amount\nPARTS-E1,PARTS-P1,2024-05-05,CARD,99213,10.00', 'between.csv');
      expect(status).toMatchObject({ status: 'completed', rowsLoaded: 1 });
      // The database has the new line; the second part, whose first statement runs only now, does not.
      expect(await lineCount(pool)).toBe(before + 1);
      expect(await lineCount(opened[1]!.client)).toBe(before);
      await expect(opened[1]!.client.query('SELECT 1 FROM procedure_line LIMIT 0')).resolves.toBeDefined();
      await expect(opened[1]!.client.query("INSERT INTO department (code) VALUES ('NOPE')")).rejects.toThrow(/read-only/);
    } finally {
      await finish(opened);
    }
  });

  it('reads the whole answer on one connection when the pool has none to spare', async () => {
    const held: PoolClient[] = [];
    const max = pool.options.max ?? 10;
    try {
      // All but one of the pool's connections busy: the export gets one, and no second.
      while (pool.totalCount < max - 1 || pool.idleCount > 0) held.push(await pool.connect());
      const opened = await sessions(repository, { whole: 'SELECT 0', parts: ['SELECT 1', 'SELECT 2'] });
      try {
        expect(opened.map((session) => session.text)).toEqual(['SELECT 0']);
      } finally {
        await finish(opened);
      }
    } finally {
      for (const client of held) client.release();
    }
  });
});
