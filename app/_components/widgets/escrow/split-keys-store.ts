/**
 * SplitKeys' lesson-scoped store: the worker scope that holds the split, the learner's k and n,
 * the split and the three recombinations. Instances with the same scheme in one lesson share it.
 */
import { startTransition, useEffect, useState } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Recombination, SplitReply } from '@/lib/escrow-lab/escrow-lab-messages';
import { currentSeed } from '../../seed/use-seed';
import { newEscrowLabScope, releaseEscrowLabScope } from './escrow-lab-client';

export interface SplitState {
  readonly scope: string;
  readonly seed: string | undefined;
  readonly shares: number;
  readonly threshold: number;
  readonly split: SplitReply | null;
  /** Agencies whose piece the thief holds. */
  readonly stolen: readonly string[];
  readonly thief: Recombination | null;
  readonly badShare: Recombination | null;
  readonly warrant: Recombination | null;
}

export function createSplitStore(): StoreApi<SplitState> {
  return createStore<SplitState>()(() => ({
    scope: newEscrowLabScope(),
    seed: currentSeed(),
    shares: 3,
    threshold: 2,
    split: null,
    stolen: [],
    thief: null,
    badShare: null,
    warrant: null,
  }));
}

/** Frees the store's state in the worker (the lesson scope unmounted). */
export function releaseSplitStore(store: StoreApi<SplitState>): void {
  releaseEscrowLabScope(store.getState().scope);
}

/**
 * The store's state, rendered as a transition (React slices the work instead of one long task)
 * except for changes a control must show at once: the thief's ticks and the k/n choices, which are
 * controlled inputs. (zustand's useStore renders every change synchronously.)
 */
export function useSplitState(store: StoreApi<SplitState>): SplitState {
  const [state, setState] = useState(() => store.getState());
  useEffect(
    () =>
      store.subscribe((next, prev) => {
        const inputsOnly =
          next.split === prev.split &&
          next.thief === prev.thief &&
          next.badShare === prev.badShare &&
          next.warrant === prev.warrant;
        if (inputsOnly) setState(next);
        else startTransition(() => setState(next));
      }),
    [store],
  );
  return state;
}
