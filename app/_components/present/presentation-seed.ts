'use client';
/**
 * A presentation runs seeded by default. The seed is read only through the app's own mechanism
 * (`?seed=` in the URL, as LabProvider reads it); when the URL has none, the window reloads once
 * with a short readable one, before any widget has drawn a random byte, so a rehearsal and the
 * talk, given the same link, show the same bytes.
 */
import { useEffect } from 'react';
import { readableSeed } from '@/lib/presentation/readable-seed';
import { currentSeed } from '../seed/use-seed';

/** A fresh readable seed, e.g. `amber-otter-42`. */
export function newReadableSeed(): string {
  return readableSeed(crypto.getRandomValues(new Uint8Array(3)));
}

/** Reloads the window with a new readable `?seed=` when its URL has none. */
export function useSeededByDefault(): void {
  useEffect(() => {
    if (currentSeed()) return;
    const url = new URL(window.location.href);
    url.searchParams.set('seed', newReadableSeed());
    window.location.replace(url);
  }, []);
}
