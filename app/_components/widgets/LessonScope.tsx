'use client';
/**
 * One lesson's shared widget state. Widgets that must see the same conversation or world across
 * steps (an AttackConsole in step 2 and again in step 5) ask for a store by key; the first asks
 * creates it, later ones get the same instance. The scope lives as long as the lesson page, so
 * leaving the lesson forgets every key, as it should; a value that holds something outside the
 * page (state in a worker) is given a `dispose`, run when the scope unmounts.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

interface Scope {
  readonly stores: Map<string, unknown>;
  readonly disposers: Map<string, () => void>;
}

const ScopeContext = createContext<Scope | null>(null);

export function LessonScope({ children }: { children: ReactNode }) {
  const [scope] = useState<Scope>(() => ({ stores: new Map(), disposers: new Map() }));
  useEffect(
    () => () => {
      for (const dispose of scope.disposers.values()) dispose();
    },
    [scope],
  );
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

/**
 * The value stored under `key` in the nearest lesson scope, created by `create` on first use;
 * `dispose` runs when the scope unmounts. Outside a scope (a widget gallery, a test), each caller
 * gets its own value, disposed when that caller unmounts.
 */
export function useScoped<T>(key: string, create: () => T, dispose?: (value: T) => void): T {
  const scope = useContext(ScopeContext);
  const [own] = useState<T | null>(() => (scope ? null : create()));
  useEffect(() => {
    if (scope || !dispose) return;
    return () => dispose(own as T);
    // `dispose` is read once, with the value it disposes (a new function each render must not re-run this).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scope, own]);
  if (!scope) return own as T;
  if (!scope.stores.has(key)) {
    const value = create();
    scope.stores.set(key, value);
    if (dispose) scope.disposers.set(key, () => dispose(value));
  }
  return scope.stores.get(key) as T;
}
