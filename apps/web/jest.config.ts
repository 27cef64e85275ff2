/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const preset = require('../../jest.preset.cjs');

// Pure shaping functions are tested directly; components render in jsdom, which cannot lay
// out SVG, so charts are checked through their shaping functions and in a real browser.
const config: Config = {
  ...preset,
  displayName: 'web',
  rootDir: '.',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.{ts,tsx}'],
  setupFilesAfterEnv: ['<rootDir>/src/test/setup.ts'],
};

export default config;
