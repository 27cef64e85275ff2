// `npm run import|seed:demo|bench -- …`: the built command line of the API, same code paths.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, buildAll } from './build-if-needed.mjs';

const [command, ...args] = process.argv.slice(2);
buildAll({ quiet: true });
const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/cli.js'), command, ...args], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
