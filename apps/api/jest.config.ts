/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const preset = require('../../jest.preset.cjs');

// Unit specs sit beside the code (src/**/__tests__); integration and HTTP specs under
// test/ run against a real PostgreSQL that the global setup starts once per run.
const config: Config = {
  ...preset,
  displayName: 'api',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 60_000,
};

export default config;
