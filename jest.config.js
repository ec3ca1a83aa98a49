// One Jest run, three projects: unit (*.spec.ts), integration (*.int-spec.ts, real PostgreSQL/Redis)
// and end-to-end (test/*.e2e-spec.ts). Nest 12 and a few of its dependencies ship as ESM only; Jest's
// CommonJS runtime cannot require() them on Node 20, so SWC compiles those packages to CommonJS too.
const esmOnly = ['@nestjs', 'cookie', 'content-disposition', 'json-canonicalize', 'iso8601-duration'];

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = { '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src' };

const base = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.[cm]?[tj]s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};

module.exports = {
  // Spawning the worker and mock-sources compiles their sources: seconds on a loaded machine, not a failure.
  testTimeout: 60_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
