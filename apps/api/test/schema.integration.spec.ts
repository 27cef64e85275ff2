import { createDataSource } from '../src/database/data-source';
import { createTestDatabase, type TestDatabase } from './support/test-database';

describe('database schema', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('has exactly what the entities describe after the migrations ran', async () => {
    const dataSource = createDataSource(db.url);
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      // A forgotten migration shows up here as the SQL TypeORM would still run.
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('records every migration as applied', async () => {
    const applied = await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((row) => row.name)).toEqual(['InitialSchema1795780000000', 'RollupMonth1795790000000', 'RollupMonthCode1795800000000', 'AuditLog1795810000000', 'FeeSchedule1795850000000', 'LinePrices1795860000000', 'ReimbursementRollups1795870000000', 'Capacity1795880000000', 'RollupMonthProvider1795885000000', 'Reports1795890000000', 'RollupDayCode1795895000000']);
  });

  it('reverts cleanly', async () => {
    const dataSource = createDataSource(db.url);
    await dataSource.initialize();
    try {
      for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration();
      const tables = await db.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`);
      expect(tables).toEqual([]);
      await dataSource.runMigrations();
    } finally {
      await dataSource.destroy();
    }
  });
});
