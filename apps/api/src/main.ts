import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { createServer } from './server.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { readCorsOrigins } from './common/cors-origins.js';
import { readTrustProxy } from './common/trust-proxy.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const corsOrigins = readCorsOrigins(process.env);
  const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
  const trustProxy = readTrustProxy(process.env);
  const server = await createServer(config, { webRoot, corsOrigins, trustProxy });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Caseload cannot start: ${error.message}`);
  } else {
    console.error('Caseload cannot start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
