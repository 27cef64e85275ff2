/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

// Every project's tests: `npm test` runs them all and prints the closing count.
const config: Config = {
  // A global option: the projects' own testTimeout applies only when a project runs alone.
  // The browser and HTTP specs start real servers; their slowest hooks need this much.
  testTimeout: 120_000,
  projects: [
    '<rootDir>/libs/domain',
    '<rootDir>/libs/synth',
    '<rootDir>/apps/api',
    '<rootDir>/apps/web',
    '<rootDir>/apps/web-e2e',
  ],
};

export default config;
