/**
 * Randomness for the widgets that compute on the page (evasion, mitigations, ghost group): the
 * platform CSPRNG, or in seeded (demo) mode a source derived from the page's seed and the purpose,
 * as the worker-backed widgets do. Also a yield to the browser, so a busy status paints before a
 * few hundred milliseconds of elliptic-curve work start.
 */
import { csprng, seededRandom, type RandomSource } from '@/lib/crypto/random';
import { seedFromLocation } from '../crypto/LabProvider';

export function widgetRandom(purpose: string): RandomSource {
  const seed = seedFromLocation();
  return seed ? seededRandom(`${seed}|${purpose}`) : csprng();
}

/** Resolves after the browser has had a chance to paint. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 16));
}
