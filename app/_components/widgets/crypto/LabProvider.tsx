'use client';
/**
 * Gives the crypto widgets below it one shared two-party lab (see lib/store/lab-store.ts). A lesson
 * wraps its content in one provider, so the key Alice generates in step 1 is the key used in step 5.
 *
 * The provider itself carries no crypto: the first widget that needs the lab creates its store
 * (lab-hooks.ts), so a lesson without crypto widgets never loads noble.
 *
 * Seeded mode (app/_components/seed/): the slot takes the address's seed when the provider mounts,
 * and the store made from it draws every random value from that seed (labelled demo randomness).
 * The server-rendered HTML holds no random values, so nothing differs at hydration.
 */
import { createContext, useState, type ReactNode } from 'react';
import { currentSeed } from '../../seed/use-seed';

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

export function LabProvider({ children }: { children: ReactNode }) {
  const [slot] = useState<LabSlot>(() => createSlot(currentSeed()));
  return <LabContext.Provider value={slot}>{children}</LabContext.Provider>;
}
