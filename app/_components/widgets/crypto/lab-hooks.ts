'use client';
/** Hooks the crypto widgets use to reach the nearest lab, creating its store on first use. */
import { useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { warmUpX25519 } from '@/lib/crypto/x25519';
import { createLabStore, type LabState } from '@/lib/store/lab-store';
import { LabContext } from './LabProvider';

/** The lab store itself, for handlers that act and then read the outcome. */
export function useLabStore(): StoreApi<LabState> {
  const slot = useContext(LabContext);
  if (!slot) throw new Error('A crypto widget was rendered outside <LabProvider>: wrap the lesson or page in one.');
  // Created once per provider, by whichever widget renders first; every widget then shares it.
  return slot.ensure((seed) => {
    // While the learner is still reading (idle time, not the page load's tasks): the engine
    // compiles the ladder there rather than inside their first click.
    if (typeof window !== 'undefined') {
      const idle = window.requestIdleCallback?.(() => warmUpX25519(), { timeout: 2000 });
      if (idle === undefined) window.setTimeout(warmUpX25519, 500);
    }
    return createLabStore(seed);
  });
}

/** Selects from the nearest lab. Throws a clear error when a widget is used outside a provider. */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabStore(), selector);
}
