import { Client } from 'pg';
import { IngestRepository } from '../../src/modules/ingest/ingest.repository.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('imports interrupted by a stop', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('marks a dead running import failed but leaves one that another process is still running', async () => {
    const [dead] = await t.db.query<{ id: number }>(`INSERT INTO import (status) VALUES ('running') RETURNING id`);
    const [alive] = await t.db.query<{ id: number }>(`INSERT INTO import (status) VALUES ('running') RETURNING id`);
    // Another process's import holds its lock for as long as its connection lives.
    const other = new Client({ connectionString: t.db.url });
    await other.connect();
    await other.query('SELECT pg_advisory_lock(7233002, $1::int)', [alive!.id]);
    try {
      const marked = await t.app.get(IngestRepository).failInterrupted();
      expect(marked).toBe(1);
      const rows = await t.db.query<{ id: number; status: string }>('SELECT id, status FROM import ORDER BY id');
      expect(rows).toEqual([
        { id: dead!.id, status: 'failed' },
        { id: alive!.id, status: 'running' },
      ]);
    } finally {
      await other.end();
    }
  });
});
