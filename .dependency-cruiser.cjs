/**
 * The layer rules of ARCHITECTURE.md ("Data flows one way"), checked by `npm run lint:deps`
 * (part of `npm run lint`). Each rule is proven to fire by scripts/dependency-rules.test.ts, which
 * cruises small files made to break it (scripts/__fixtures__/deps/).
 *
 * Paths are relative to the repository root; the `@/` alias resolves through tsconfig.json.
 * Package paths are matched as `(^|/)node_modules/...` so the rules hold unchanged for the fixture
 * tree, whose packages resolve to `../../../node_modules/...`.
 * Type-only imports count (`tsPreCompilationDeps: true`): a cycle through `import type` is a cycle.
 */

/** What counts as our own code (anything else is a package, a Node builtin or ../shared). */
const OURS = '^(lib|app|lessons|scripts|e2e)/|^mdx-components\\.tsx$';

/**
 * Files in lib/ that nothing imports by design: bundle and worker-thread entries (esbuild starts
 * them: scripts/build-sandbox-runner.ts, lib/sandbox/run-in-node.ts), tests and declarations.
 */
const LIB_ENTRIES = [
  '\\.test\\.ts$',
  '\\.d\\.ts$',
  '^lib/browser/frame-host-entry\\.ts$',
  '^lib/browser/runner-worker-entry\\.ts$',
  '^lib/sandbox/node-runner-entry\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles in lib/ or app/, type-only imports included (issue 14).',
      from: { path: '^(lib|app)/' },
      to: { circular: true },
    },
    {
      name: 'crypto-imports-nothing-of-ours',
      severity: 'error',
      comment: 'lib/crypto is the bottom layer: it wraps @noble/* and imports no other code of ours.',
      from: { path: '^lib/crypto/' },
      to: { path: OURS, pathNot: '^lib/crypto/' },
    },
    {
      name: 'crypto-uses-only-noble',
      severity: 'error',
      comment: 'lib/crypto (tests aside, which may use vitest, fast-check and node builtins) depends on @noble/* only.',
      from: { path: '^lib/crypto/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: '^lib/crypto/|(^|/)node_modules/@noble/' },
    },
    {
      name: 'protocol-imports-only-crypto',
      severity: 'error',
      comment: 'lib/protocol is built on lib/crypto alone.',
      from: { path: '^lib/protocol/' },
      to: { path: OURS, pathNot: '^lib/(protocol|crypto)/' },
    },
    {
      name: 'scenarios-import-only-protocol-and-crypto',
      severity: 'error',
      comment: 'lib/scenarios (one scenario per concept) is built on lib/protocol and lib/crypto only.',
      from: { path: '^lib/scenarios/' },
      to: { path: OURS, pathNot: '^lib/(scenarios|protocol|crypto)/' },
    },
    {
      name: 'worker-rpc-imports-nothing-of-ours',
      severity: 'error',
      comment: 'lib/worker-rpc is transport: it knows no lab, world or scenario.',
      from: { path: '^lib/worker-rpc/' },
      to: { path: OURS, pathNot: '^lib/worker-rpc/' },
    },
    {
      name: 'lib-not-to-app-or-lessons',
      severity: 'error',
      comment: 'Data flows one way: lessons/ → app/ → lib/. lib/ never imports routes, UI or lesson content.',
      from: { path: '^lib/' },
      to: { path: '^(app|lessons)/|^mdx-components\\.tsx$' },
    },
    {
      name: 'lib-framework-free',
      severity: 'error',
      comment: 'lib/ runs under plain Node and Vitest: no React or Next.',
      from: { path: '^lib/' },
      to: { path: '(^|/)node_modules/(react|react-dom|next|@next|scheduler)/' },
    },
    {
      name: 'zustand-only-in-store',
      severity: 'error',
      comment: 'Stores live in lib/store; the rest of lib/ is plain functions and data.',
      from: { path: '^lib/', pathNot: '^lib/store/' },
      to: { path: '(^|/)node_modules/zustand/' },
    },
    {
      name: 'browser-glue-stays-at-the-edge',
      severity: 'error',
      comment:
        'lib/browser/ is the only part of lib/ with the DOM (tsconfig.lib.json leaves it out); the rest of lib/ must not import it.',
      from: { path: '^lib/', pathNot: '^lib/browser/' },
      to: { path: '^lib/browser/' },
    },
    {
      name: 'no-orphans-in-lib',
      severity: 'error',
      comment: 'A lib/ file nothing imports is dead code (entries started by esbuild or Node are listed).',
      from: { orphan: true, path: '^lib/', pathNot: LIB_ENTRIES },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve would slip past every rule above.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.next|public|node_modules)/|/__fixtures__/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // The `.d.ts`-only packages (@types/*) and `exports` maps resolve as TypeScript and Next do.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
