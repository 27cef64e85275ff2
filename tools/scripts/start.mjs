// `npm start`: build what is missing, then run the server with demo data on the embedded
// PostgreSQL (or DATABASE_URL). `npm run start:api` (--api-only) leaves the demo out.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, buildAll } from './build-if-needed.mjs';

const apiOnly = process.argv.includes('--api-only');
const env = { ...process.env };
if (!apiOnly) {
  env.CASELOAD_DEMO ??= '1';
  if (!env.CASELOAD_ADMIN_EMAIL && !env.CASELOAD_ADMIN_PASSWORD) {
    env.CASELOAD_ADMIN_EMAIL = 'admin@caseload.local';
    env.CASELOAD_ADMIN_PASSWORD = 'caseload-demo';
  }
}

console.log('Building Caseload (cached after the first time)…');
buildAll({ quiet: true });
if (env.CASELOAD_ADMIN_EMAIL) {
  const password = apiOnly || process.env.CASELOAD_ADMIN_PASSWORD ? '(the password in CASELOAD_ADMIN_PASSWORD)' : env.CASELOAD_ADMIN_PASSWORD;
  console.log(`Sign in as ${env.CASELOAD_ADMIN_EMAIL} / ${password}`);
} else {
  console.log('No admin is configured: set CASELOAD_ADMIN_EMAIL and CASELOAD_ADMIN_PASSWORD to create one.');
}
const server = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { cwd: ROOT, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
