'use client';
/**
 * One lesson's shared widget state. Widgets that must see the same conversation or world across
 * steps (an AttackConsole in step 2 and again in step 5) ask for a store by key; the first asks
 * creates it, later ones get the same instance. The scope lives as long as the lesson page, so
 * leaving the lesson forgets every key, as it should.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';

const ScopeContext = createContext<Map<string, unknown> | null>(null);

export function LessonScope({ children }: { children: ReactNode }) {
  const [stores] = useState(() => new Map<string, unknown>());
  return <ScopeContext.Provider value={stores}>{children}</ScopeContext.Provider>;
}

/**
 * The value stored under `key` in the nearest lesson scope, created by `create` on first use.
 * Outside a scope (a widget gallery, a test), each caller gets its own value.
 */
export function useScoped<T>(key: string, create: () => T): T {
  const stores = useContext(ScopeContext);
  const [own] = useState<T | null>(() => (stores ? null : create()));
  if (!stores) return own as T;
  if (!stores.has(key)) stores.set(key, create());
  return stores.get(key) as T;
}
