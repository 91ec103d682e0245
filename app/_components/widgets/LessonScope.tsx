'use client';
/**
 * One lesson's shared widget state. Widgets that must see the same conversation or world across
 * steps (an AttackConsole in step 2 and again in step 5) ask for a store by key; the first asks
 * creates it, later ones get the same instance. The scope lives as long as the lesson page, so
 * leaving the lesson forgets every key, as it should, and first lets each store release what it
 * holds outside the page (a world in the world worker).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

interface ScopedEntry {
  readonly value: unknown;
  readonly release: (() => void) | undefined;
}

function entry<T>(value: T, release: ((value: T) => void) | undefined): ScopedEntry {
  return { value, release: release && (() => release(value)) };
}

const ScopeContext = createContext<Map<string, ScopedEntry> | null>(null);

export function LessonScope({ children }: { children: ReactNode }) {
  const [stores] = useState(() => new Map<string, ScopedEntry>());
  useEffect(() => () => stores.forEach((held) => held.release?.()), [stores]);
  return <ScopeContext.Provider value={stores}>{children}</ScopeContext.Provider>;
}

/**
 * The value stored under `key` in the nearest lesson scope, created by `create` on first use;
 * `release` runs once the scope unmounts (so the value must stay usable after it: a store goes back
 * to its start). Outside a scope (a widget gallery, a test), each caller gets its own value,
 * released when that caller unmounts.
 */
export function useScoped<T>(key: string, create: () => T, release?: (value: T) => void): T {
  const stores = useContext(ScopeContext);
  // Outside a scope the caller owns its value; the release is captured with it.
  const [own] = useState<ScopedEntry | null>(() => (stores ? null : entry(create(), release)));
  useEffect(() => (own?.release ? own.release : undefined), [own]);
  if (!stores) return (own as ScopedEntry).value as T;
  if (!stores.has(key)) stores.set(key, entry(create(), release));
  return stores.get(key)!.value as T;
}
