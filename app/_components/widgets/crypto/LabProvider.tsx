'use client';
/**
 * Gives the crypto widgets below it one shared two-party lab (see lib/store/lab-store.ts). A lesson
 * wraps its content in one provider, so the key Alice generates in step 1 is the key used in step 5.
 *
 * Seeded mode: `?seed=<text>` in the page URL makes every random value reproducible (labelled demo
 * randomness), so a projector and a handout show the same bytes. The seed is read on the client
 * when the store is created; the server-rendered HTML holds no random values, so nothing differs
 * at hydration.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { createLabStore, type LabState } from '@/lib/store/lab-store';
import styles from './widgets.module.css';

const LabContext = createContext<{ store: StoreApi<LabState>; seed: string | undefined } | null>(null);

/** The `seed` query parameter, trimmed to 64 characters; undefined on the server or when absent. */
export function seedFromLocation(): string | undefined {
  if (typeof window === 'undefined') return undefined;
  return new URLSearchParams(window.location.search).get('seed')?.slice(0, 64) || undefined;
}

export function LabProvider({ children }: { children: ReactNode }) {
  const [value] = useState(() => {
    const seed = seedFromLocation();
    return { store: createLabStore(seed), seed };
  });
  return <LabContext.Provider value={value}>{children}</LabContext.Provider>;
}

function useLabContext() {
  const ctx = useContext(LabContext);
  if (!ctx) throw new Error('A crypto widget was rendered outside <LabProvider>: wrap the lesson or page in one.');
  return ctx;
}

/** Selects from the nearest lab. Throws a clear error when a widget is used outside a provider. */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabContext().store, selector);
}

/** The lab store itself, for handlers that act and then read the outcome. */
export function useLabStore(): StoreApi<LabState> {
  return useLabContext().store;
}

/** Says so when the lab runs on seeded demo randomness. Renders nothing otherwise. */
export function SeedNotice() {
  const ctx = useContext(LabContext);
  if (!ctx?.seed) return null;
  return (
    <p className={styles.demo} role="note">
      Seeded mode: every random value comes from the seed &lsquo;{ctx.seed}&rsquo; (demo randomness), so the same bytes appear on
      every screen that uses this link. Never do this with real keys.
    </p>
  );
}
