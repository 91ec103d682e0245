'use client';
/**
 * The step on screen, kept where the lesson player keeps it: the URL's `#<step-id>`. Both
 * presentation windows read it as an external store and move it the way the player does
 * (replaceState plus the player's own event), so the player, the shell and a reload agree.
 */
import { useSyncExternalStore } from 'react';
import type { Lesson } from '@/lib/lessons/lesson-types';
import { currentSeed } from '../seed/use-seed';

/** The lesson player's event for hash changes made with replaceState (LessonPlayer.tsx HASH_EVENT). */
const PLAYER_HASH_EVENT = 'backdoor-lab:hash';

export function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(PLAYER_HASH_EVENT, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(PLAYER_HASH_EVENT, onChange);
  };
}

/** The index of the step named by `hash`, or 0. */
export function stepIndexOf(lesson: Lesson, hash: string): number {
  const index = lesson.steps.findIndex((s) => `#${s.id}` === decodeURIComponent(hash));
  return index >= 0 ? index : 0;
}

/** The step on screen (0 while hydrating, then the URL's). */
export function useStepFromHash(lesson: Lesson): number {
  const hash = useSyncExternalStore(
    subscribeToHash,
    () => window.location.hash,
    () => '',
  );
  return stepIndexOf(lesson, hash);
}

/** Shows step `index`, as the lesson player's own links do. */
export function showStep(lesson: Lesson, index: number): void {
  const step = lesson.steps[index];
  if (!step) return;
  window.history.replaceState(window.history.state, '', `#${step.id}`);
  window.dispatchEvent(new Event(PLAYER_HASH_EVENT));
}

const noSubscription = () => () => {};

/** The lab's seed (`currentSeed`), null while hydrating or when absent. */
export function useSeedFromUrl(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => currentSeed() ?? null,
    () => null,
  );
}
