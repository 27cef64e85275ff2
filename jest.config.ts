/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

// Every project's tests: `npm test` runs them all and prints the closing count.
const config: Config = {
  projects: [
    '<rootDir>/libs/domain',
    '<rootDir>/libs/synth',
    '<rootDir>/apps/api',
    '<rootDir>/apps/web',
    '<rootDir>/apps/web-e2e',
  ],
};

export default config;
