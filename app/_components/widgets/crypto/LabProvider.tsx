'use client';
/**
 * Gives the crypto widgets below it one shared two-party lab (see lib/store/lab-store.ts). A lesson
 * wraps its content in one provider, so the key Alice generates in step 1 is the key used in step 5.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { createLabStore, type LabState } from '@/lib/store/lab-store';

const LabContext = createContext<StoreApi<LabState> | null>(null);

export function LabProvider({ seed, children }: { seed?: string; children: ReactNode }) {
  const [store] = useState(() => createLabStore(seed));
  return <LabContext.Provider value={store}>{children}</LabContext.Provider>;
}

/** Selects from the nearest lab. Throws a clear error when a widget is used outside a provider. */
export function useLab<T>(selector: (s: LabState) => T): T {
  const store = useContext(LabContext);
  if (!store) throw new Error('A crypto widget was rendered outside <LabProvider>: wrap the lesson or page in one.');
  return useStore(store, selector);
}

/** The lab store itself, for handlers that act and then read the outcome. */
export function useLabStore(): StoreApi<LabState> {
  const store = useContext(LabContext);
  if (!store) throw new Error('A crypto widget was rendered outside <LabProvider>: wrap the lesson or page in one.');
  return store;
}
