/**
 * Proves each layer rule in .dependency-cruiser.cjs fires: dependency-cruiser's API cruises
 * scripts/__fixtures__/deps/, a tiny tree shaped like ours (its own `@/` alias) where each file
 * named after a rule breaks exactly that rule and the `ok-*` files break none. A rule that cannot
 * fail is not a rule; a rule that fires on allowed imports would be switched off.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it, beforeAll } from 'vitest';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./__fixtures__/deps/', import.meta.url));

let violations: IViolation[] = [];
let modules: ICruiseResult['modules'] = [];

beforeAll(async () => {
  const options = await extractDepcruiseOptions(`${REPO}.dependency-cruiser.cjs`);
  const fixtureTsConfig = `${FIXTURES}tsconfig.json`;
  const { output } = await cruise(
    ['lib', 'app', 'lessons'],
    // The real rule set, applied to the fixture tree; only the known-violation baseline is left out.
    { ...options, baseDir: FIXTURES, tsConfig: { fileName: fixtureTsConfig }, knownViolations: [] },
    {},
    { tsConfig: extractTSConfig(fixtureTsConfig) },
  );
  if (typeof output === 'string') throw new Error('expected a cruise result object');
  violations = output.summary.violations;
  modules = output.modules;
}, 60_000);

/** The files that break `rule`, sorted. */
function offenders(rule: string): string[] {
  return [...new Set(violations.filter((v) => v.rule.name === rule).map((v) => v.from))].sort();
}

describe('.dependency-cruiser.cjs', () => {
  it('resolves the @/ alias (otherwise every rule would pass vacuously)', () => {
    const widget = modules.find((m) => m.source === 'app/widget.ts');
    expect(widget?.dependencies.map((d) => d.resolved)).toEqual(['lib/scenarios/ok-scenario.ts']);
  });

  it('lib/crypto imports nothing of ours', () => {
    expect(offenders('crypto-imports-nothing-of-ours')).toEqual(['lib/crypto/imports-protocol.ts']);
  });

  it('lib/crypto uses only @noble/* (its tests may also use node builtins and test libraries)', () => {
    // imports-protocol.ts is also outside @noble, so it counts here too.
    expect(offenders('crypto-uses-only-noble')).toEqual(['lib/crypto/imports-protocol.ts', 'lib/crypto/uses-zod.ts']);
  });

  it('lib/protocol imports only lib/crypto', () => {
    expect(offenders('protocol-imports-only-crypto')).toEqual(['lib/protocol/imports-sandbox.ts']);
  });

  it('lib/scenarios imports only lib/protocol and lib/crypto', () => {
    expect(offenders('scenarios-import-only-protocol-and-crypto')).toEqual(['lib/scenarios/imports-store.ts']);
  });

  it('lib/worker-rpc imports nothing of ours, type-only imports included', () => {
    expect(offenders('worker-rpc-imports-nothing-of-ours')).toEqual(['lib/worker-rpc/imports-protocol.ts']);
  });

  it('lib/ imports neither app/ nor lessons/', () => {
    expect(offenders('lib-not-to-app-or-lessons')).toEqual([
      'lib/lessons/imports-app.ts',
      'lib/lessons/imports-lesson-content.ts',
    ]);
  });

  it('lib/ imports neither React nor Next', () => {
    expect(offenders('lib-framework-free')).toEqual(['lib/sandbox/uses-react.ts']);
  });

  it('zustand only in lib/store', () => {
    expect(offenders('zustand-only-in-store')).toEqual(['lib/sandbox/uses-zustand.ts']);
  });

  it('nothing in lib/ outside lib/browser/ imports the browser glue', () => {
    expect(offenders('browser-glue-stays-at-the-edge')).toEqual(['lib/sandbox/imports-browser.ts']);
  });

  it('finds cycles in lib/ (one made of type-only imports) and in app/', () => {
    // A cycle is reported once, from its first module.
    expect(offenders('no-circular')).toEqual(['app/cycle-x.ts', 'lib/attack-lab/cycle-a.ts']);
  });

  it('finds orphans in lib/ (tests and listed entries aside)', () => {
    expect(offenders('no-orphans-in-lib')).toEqual(['lib/protocol/orphan.ts']);
  });

  it('fails an import that does not resolve', () => {
    expect(offenders('not-to-unresolvable')).toEqual(['lib/sandbox/unresolvable.ts']);
  });

  it('every rule in the config is proven here, and nothing else fires', () => {
    const proven = new Set(violations.map((v) => v.rule.name));
    return extractDepcruiseOptions(`${REPO}.dependency-cruiser.cjs`).then((options) => {
      const rules = (options.ruleSet?.forbidden ?? []).map((rule) => rule.name);
      expect([...proven].sort()).toEqual([...rules].sort());
      const allowedFiles = violations.filter((v) => /\/ok-|allowed\.test\.ts$/.test(v.from));
      expect(allowedFiles).toEqual([]);
    });
  });
});
