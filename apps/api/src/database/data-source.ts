import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/** One definition of the connection for the app, the CLI and the tests. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    // Off: TypeORM would log a failed query with its parameters (an email, a file name). The
    // HTTP error filter logs each failure itself, without values.
    logging: false,
    extra: {
      max: 10,
      // A session setting, so that ad-hoc analytical SQL never pays for JIT compilation.
      options: '-c jit=off',
    },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
