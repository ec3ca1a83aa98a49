/**
 * Layer rules of STYLE.md, enforced in `npm run lint`:
 * no lib imports an app; apps and libs reach a lib only through `@app/<lib>` (its index), never its insides;
 * libs/eligibility is pure TypeScript; mock-sources shares nothing but libs/testing fixtures and ID-number helpers;
 * no cycles.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'lib-imports-app',
      comment: 'The connector contract tests boot the real mocked departments.',
      severity: 'error',
      from: { path: '^libs/', pathNot: '^libs/verification/src/connectors/[^/]+\\.int-spec\\.ts$' },
      to: { path: '^apps/' },
    },
    {
      name: 'app-imports-app',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'app-reaches-into-lib',
      comment: 'Import a lib by @app/<lib> (its src/index.ts) only.',
      severity: 'error',
      from: { path: '^(apps|test|bench)/', pathNot: '^test/global-(setup|teardown)\\.ts$' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$)' },
    },
    {
      name: 'lib-reaches-into-lib',
      comment: 'Import another lib by @app/<lib> (its src/index.ts) only.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/', pathNot: '^libs/testing/src/eligibility-cases\\.ts$' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$)', pathNot: '^libs/$1/' },
    },
    {
      name: 'testing-reaches-only-eligibility-fixtures',
      comment: 'The eligibility test cases reuse the engine’s spec builders, and nothing else inside another lib.',
      severity: 'error',
      from: { path: '^libs/testing/src/eligibility-cases\\.ts$' },
      to: {
        path: '^libs/[^/]+/src/(?!index\\.ts$)',
        pathNot: ['^libs/testing/', '^libs/eligibility/src/eligibility\\.fixture\\.ts$'],
      },
    },
    {
      name: 'eligibility-is-pure',
      severity: 'error',
      from: { path: '^libs/eligibility/' },
      to: { path: ['node_modules/(@nestjs|typeorm|bullmq|ioredis|pg)/', '^libs/(?!eligibility/|common/src/canonical-json)'] },
    },
    {
      name: 'mock-sources-stand-alone',
      severity: 'error',
      from: { path: '^apps/mock-sources/' },
      to: { path: '^libs/', pathNot: '^libs/(testing|privacy|config|platform)/' },
    },
    { name: 'tests-only-in-tests', severity: 'error', from: { path: '^(apps|libs)/.*(?<!spec)\\.ts$', pathNot: '^libs/testing/' }, to: { path: '^libs/testing/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
