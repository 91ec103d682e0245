'use client';
/**
 * Runs a widget action that waits for the escrow lab worker: tracks that it is busy (so the button
 * can say so and repeated presses are ignored) and turns a refusal into a learner-facing message.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { currentSeed } from '../../seed/use-seed';
import { newEscrowLabScope, releaseEscrowLabScope } from './escrow-lab-client';

/** An action refused before reaching the worker ("Generate Alice's key pair first."). */
export class LabTaskError extends Error {
  override readonly name = 'LabTaskError';
}

export interface LabTask {
  /** The action running now, if any (its label, e.g. "seal"). */
  readonly busy: string | null;
  readonly error: string | null;
  /** Runs `action` unless another is running; returns whether it finished without error. */
  run(label: string, action: () => Promise<void>): Promise<boolean>;
  clearError(): void;
}

export function useLabTask(): LabTask {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const run = useCallback(async (label: string, action: () => Promise<void>) => {
    if (running.current) return false;
    running.current = true;
    setBusy(label);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}

/**
 * The worker scope id and the lab's seed (seeded mode) for one widget, stable across renders. The
 * worker forgets the scope's state when the widget unmounts (leaving the lesson: its steps stay mounted).
 */
export function useLabScope(): { readonly scope: string; readonly seed: string | undefined } {
  const [value] = useState(() => ({ scope: newEscrowLabScope(), seed: currentSeed() }));
  useEffect(() => () => releaseEscrowLabScope(value.scope), [value.scope]);
  return value;
}
