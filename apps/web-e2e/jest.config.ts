/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const preset = require('../../jest.preset.cjs');

// Browser tests: the built server (apps/api/dist + apps/web/dist, made by `npm test`'s build)
// on a real PostgreSQL, driven in Debian's Chromium through playwright-core.
const config: Config = {
  ...preset,
  displayName: 'web-e2e',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.e2e.spec.ts'],
  globalSetup: '<rootDir>/../api/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/../api/test/support/global-teardown.mjs',
  testTimeout: 120_000,
};

export default config;
