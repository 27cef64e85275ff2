import { Logger, type INestApplication } from '@nestjs/common';
import { createApp, type ServerOptions } from './app-factory.js';
import type { AppConfig } from './config/app-config.js';
import { openDatabase } from './database/database-bootstrap.js';
import { MemoryIndex } from './modules/analytics/memory-index/memory-index.service.js';
import { seedDemoIfEmpty } from './modules/ingest/demo-seed.js';

export interface RunningServer {
  app: INestApplication;
  url: string;
  databaseUrl: string;
  close(): Promise<void>;
}

/** Opens the database (embedded unless DATABASE_URL), migrates, seeds the demo if asked, listens. */
export async function createServer(config: AppConfig, options: ServerOptions = {}): Promise<RunningServer> {
  const logger = new Logger('Caseload');
  const database = await openDatabase(config);
  const app = await createApp(config, database.url, options);
  await app.init();
  if (config.demo) await seedDemoIfEmpty(app);
  await app.listen(config.port, config.host);
  // Build the in-memory index now, so the first dashboards do not wait for it.
  void app.get(MemoryIndex).warm();
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://localhost:${port}`;
  logger.log(`Caseload is ready at ${url} (database: ${database.embedded ? `embedded, in ${config.dataDir}` : 'DATABASE_URL'})`);
  return {
    app,
    url,
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
