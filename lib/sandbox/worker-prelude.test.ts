import { describe, expect, it } from 'vitest';
import { BLOCKED_CALLABLES, BLOCKED_OBJECTS, lockDownWorkerScope } from './worker-prelude';

/** A stand-in for a worker scope: APIs on the instance and on its prototype, as browsers do. */
function fakeScope() {
  const posted: unknown[] = [];
  const proto = {
    fetch: () => 'network!',
    importScripts: () => 'loaded',
    postMessage(this: unknown, m: unknown) {
      posted.push(m);
    },
  };
  const scope = Object.create(proto) as Record<string, unknown>;
  Object.assign(scope, {
    XMLHttpRequest: class {},
    indexedDB: { open: () => 'db' },
    navigator: Object.create({ storage: { x: 1 } }),
  });
  return { scope, posted };
}

describe('lockDownWorkerScope', () => {
  it('replaces network, loading and storage APIs on the scope and its prototypes with clear errors', () => {
    const { scope } = fakeScope();
    lockDownWorkerScope(scope as unknown as typeof globalThis);
    expect(() => (scope.fetch as () => void)()).toThrow(
      /fetch is not available in the code lab: the sandbox has no network/,
    );
    expect(() => (scope.importScripts as () => void)()).toThrow(/importScripts is not available/);
    expect(() => new (scope.XMLHttpRequest as new () => unknown)()).toThrow(/no network/);
    expect(() => (scope.indexedDB as { open: unknown }).open).toThrow(/storage/);
    expect((scope.navigator as { storage?: unknown }).storage).toBeUndefined();
    expect(Object.keys(BLOCKED_CALLABLES)).toContain('Worker');
    expect(Object.keys(BLOCKED_OBJECTS)).toContain('caches');
  });

  it('cannot be undone by assignment', () => {
    const { scope } = fakeScope();
    lockDownWorkerScope(scope as unknown as typeof globalThis);
    expect(() => {
      'use strict';
      scope.fetch = () => 'restored';
    }).toThrow(TypeError);
    expect(() => (scope.fetch as () => void)()).toThrow(/no network/);
  });

  it('keeps the original postMessage for the runner and removes it from learner reach', () => {
    const { scope, posted } = fakeScope();
    const post = lockDownWorkerScope(scope as unknown as typeof globalThis);
    post({ type: 'done' });
    expect(posted).toEqual([{ type: 'done' }]);
    expect(() => (scope.postMessage as (m: unknown) => void)({ type: 'forged' })).toThrow(/cannot send messages/);
    expect(posted).toHaveLength(1);
  });
});
