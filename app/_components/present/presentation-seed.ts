'use client';
/**
 * A presentation runs seeded by default. The seed is read only through the app's own mechanism
 * (`?seed=` in the URL, `seedFromLocation` in LabProvider); when the URL has none, a short readable
 * one is made here and written into the URL, so a rehearsal and the talk, given the link, match.
 */
import { readableSeed } from '@/lib/presentation/readable-seed';
import { seedFromLocation } from '../widgets/crypto/LabProvider';

/** A fresh readable seed, e.g. `amber-otter-42`. */
export function newReadableSeed(): string {
  return readableSeed(crypto.getRandomValues(new Uint8Array(3)));
}

/** The URL's seed, or null after writing a new one into the URL (by `replaceState`, no reload). */
export function seedOrWriteNew(): { seed: string; written: boolean } {
  const current = seedFromLocation();
  if (current) return { seed: current, written: false };
  const seed = newReadableSeed();
  const url = new URL(window.location.href);
  url.searchParams.set('seed', seed);
  window.history.replaceState(window.history.state, '', url);
  return { seed, written: true };
}
