'use client';
/**
 * Seeded mode on the page: the one place the app reads the seed from the address (see
 * lib/browser/seed-mode.ts). `useSeed` is hydration-safe: the server renders without a seed (the
 * pages are static), hydration renders the same, and React re-renders with the address's seed right
 * after. Seeded pages link to seeded pages (SeedLink), and turning the mode off reloads the page
 * without the seed, so within one document the seed does not change under a mounted store.
 */
import { useSyncExternalStore } from 'react';
import { seedFromSearch } from '@/lib/browser/seed-mode';

/** The seed in the current address; undefined on the server or when absent. For store factories. */
export function currentSeed(): string | undefined {
  return typeof window === 'undefined' ? undefined : seedFromSearch(window.location.search);
}

function subscribe(onChange: () => void): () => void {
  // Back and forward may move between addresses with and without a seed.
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

const noSeedOnServer = (): undefined => undefined;

/** The seed for rendering: undefined on the server and during hydration, the address's seed after. */
export function useSeed(): string | undefined {
  return useSyncExternalStore(subscribe, currentSeed, noSeedOnServer);
}
