/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const preset = require('../../jest.preset.cjs');

const config: Config = {
  ...preset,
  displayName: 'synth',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

export default config;
