/**
 * The layering of design.md, enforced in CI (`npm run lint:deps`):
 *   src/core  <-  src/claims  <-  public entry points  <-  papers/<key>/, users' claim files
 *                                                      <-  src/cli, src/report, tests
 * Spec files may reach into what they test; the rules below apply to shipped code.
 */
const SPEC = '\\.spec\\.ts$';
module.exports = {
  forbidden: [
    {
      name: 'core-is-paper-agnostic',
      comment:
        'src/core is numerics only: it imports nothing of claims, papers, cli, report, bench or the entry points, and no test or property-testing library.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: SPEC },
      to: {
        path: [
          '^src/(claims|cli|report)/',
          '^src/(index|arbitraries|core)\\.ts$',
          '^papers/',
          '^bench/',
          '^test/',
          'node_modules/(fast-check|vitest|@fast-check)/',
        ],
      },
    },
    {
      name: 'claims-below-cli-and-report',
      comment: 'The DSL and runner know nothing of the CLI, the reports, the papers or the bench.',
      severity: 'error',
      from: { path: '^src/claims/', pathNot: SPEC },
      to: { path: ['^src/(cli|report)/', '^papers/', '^bench/', '^test/'] },
    },
    {
      name: 'report-below-cli',
      severity: 'error',
      from: { path: '^src/report/', pathNot: SPEC },
      to: { path: ['^src/cli/', '^papers/', '^bench/'] },
    },
    {
      name: 'papers-use-public-entry-points',
      comment:
        'A paper folder imports only claimcheck, claimcheck/arbitraries, claimcheck/core and its own folder, exactly like a user claim file.',
      severity: 'error',
      from: { path: '^papers/[^/]+/', pathNot: SPEC },
      to: { path: '^src/', pathNot: '^src/(index|arbitraries|core)\\.ts$' },
    },
    {
      name: 'papers-are-independent',
      comment: 'papers/A never imports papers/B: a module two papers need moves into core.',
      severity: 'error',
      from: { path: '^papers/([^/]+)/' },
      to: { path: '^papers/', pathNot: '^papers/$1/' },
    },
    {
      name: 'examples-use-public-entry-points',
      severity: 'error',
      from: { path: '^examples/' },
      to: { path: '^src/', pathNot: '^src/(index|arbitraries|core)\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'Type-only cycles are erased at compile time and allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['claimcheck-source', 'import', 'require', 'node', 'default', 'types'],
    },
  },
};
