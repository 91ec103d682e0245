'use client';
/**
 * The visible switch of seeded mode, on every page while it is on: which seed, what it means, and
 * one button to turn it off. Turning it off reloads the page without the seed, so every key and
 * world on it is drawn again from the platform CSPRNG (a store made from the seed is not reused).
 */
import { withoutSeed } from '@/lib/browser/seed-mode';
import { useSeed } from './use-seed';
import styles from './SeedModeBar.module.css';

export function SeedModeBar() {
  const seed = useSeed();
  if (!seed) return null;
  return (
    <section className={styles.bar} aria-label="Seeded mode">
      <p className={styles.text}>
        <strong>Seeded mode</strong>: seed <code className={styles.seed}>{seed}</code>. Every random value is demo
        randomness from this seed, so any screen with the same link shows the same bytes. Never for real keys.
      </p>
      <button
        type="button"
        className={styles.off}
        onClick={() => {
          const { pathname, search, hash } = window.location;
          window.location.assign(withoutSeed(`${pathname}${search}${hash}`));
        }}
      >
        Turn off seeded mode
      </button>
    </section>
  );
}
