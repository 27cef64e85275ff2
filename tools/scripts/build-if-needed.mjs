// Builds every project through Nx; its cache makes a second run take a second or two.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function buildAll({ quiet = false } = {}) {
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], {
    cwd: ROOT,
    stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  if (result.status !== 0) {
    if (quiet && result.stdout) process.stdout.write(result.stdout);
    console.error('The build failed; see above.');
    process.exit(result.status ?? 1);
  }
}
