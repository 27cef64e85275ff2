// `npm test`: build (the browser and CLI tests use the built app), run every Jest project,
// then print the closing line `N passed, N failed` from Jest's own counts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildAll } from './build-if-needed.mjs';

buildAll({ quiet: true });
const artifacts = join(ROOT, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });
const results = join(artifacts, 'jest-results.json');
const jest = spawnSync('npx', ['jest', '--ci', '--maxWorkers=2', '--json', `--outputFile=${results}`, ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});
let passed = 0;
let failed = 1; // unless Jest's own results say otherwise
try {
  const summary = JSON.parse(readFileSync(results, 'utf8'));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
} catch {
  console.error('Jest wrote no results; counting the run as failed.');
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);
