'use client';
/**
 * Gives the crypto widgets below it one shared two-party lab (see lib/store/lab-store.ts). A lesson
 * wraps its content in one provider, so the key Alice generates in step 1 is the key used in step 5.
 *
 * The provider itself carries no crypto: the first widget that needs the lab creates its store
 * (lab-hooks.ts), so a lesson without crypto widgets never loads noble.
 *
 * Seeded mode: `?seed=<text>` in the page URL makes every random value reproducible (labelled demo
 * randomness), so a projector and a handout show the same bytes. The seed is read on the client;
 * the server-rendered HTML holds no random values, so nothing differs at hydration.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import styles from './widgets.module.css';

/** The lab's slot: the seed, and the store once a widget has created it. */
export interface LabSlot {
  readonly seed: string | undefined;
  /** The slot's store, made by `create(seed)` the first time it is asked for. */
  ensure<T>(create: (seed: string | undefined) => T): T;
}

function createSlot(seed: string | undefined): LabSlot {
  let store: unknown = null;
  return {
    seed,
    ensure<T>(create: (seed: string | undefined) => T): T {
      store ??= create(seed);
      return store as T;
    },
  };
}

export const LabContext = createContext<LabSlot | null>(null);

/** The `seed` query parameter, trimmed to 64 characters; undefined on the server or when absent. */
export function seedFromLocation(): string | undefined {
  if (typeof window === 'undefined') return undefined;
  return new URLSearchParams(window.location.search).get('seed')?.slice(0, 64) || undefined;
}

export function LabProvider({ children }: { children: ReactNode }) {
  const [slot] = useState<LabSlot>(() => createSlot(seedFromLocation()));
  return <LabContext.Provider value={slot}>{children}</LabContext.Provider>;
}

/** Says so when the lab runs on seeded demo randomness. Renders nothing otherwise. */
export function SeedNotice() {
  const slot = useContext(LabContext);
  if (!slot?.seed) return null;
  return (
    <p className={styles.demo} role="note">
      Seeded mode: every random value comes from the seed &lsquo;{slot.seed}&rsquo; (demo randomness), so the same bytes
      appear on every screen that uses this link. Never do this with real keys.
    </p>
  );
}
