import { createDataSource } from './data-source.js';

/** Brings the schema up to date; each migration commits on its own. */
export async function migrate(url: string): Promise<void> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
