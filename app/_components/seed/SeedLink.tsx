'use client';
/**
 * A link inside the app that keeps seeded mode: in seeded mode its href carries the seed, so a
 * presenter's reproducible bytes survive every click (and the link copied or opened in a new tab
 * is seeded too). Use it for every internal link instead of next/link.
 *
 * It prefetches on intent, not on sight: next/link's default fetches and parses every visible
 * link's route while the page is still starting (on `/`, the whole catalogue), which on a phone is
 * main-thread time spent on pages the visitor may never open (issue 11, item 8). Pointing at,
 * touching or focusing the link starts the prefetch, the pattern Next's own docs give for this.
 */
import Link from 'next/link';
import { useState, type ComponentProps } from 'react';
import { withSeed } from '@/lib/browser/seed-mode';
import { useSeed } from './use-seed';

type SeedLinkProps = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { readonly href: string };

export function SeedLink({ href, onPointerEnter, onTouchStart, onFocus, ...rest }: SeedLinkProps) {
  const seed = useSeed();
  const [intent, setIntent] = useState(false);
  /** The caller's own handler, after marking intent. */
  const withIntent =
    <E,>(handler: ((event: E) => void) | undefined) =>
    (event: E) => {
      setIntent(true);
      handler?.(event);
    };
  return (
    <Link
      href={withSeed(href, seed)}
      // null is next/link's default ("auto"), false turns prefetching off until there is intent.
      prefetch={intent ? null : false}
      onPointerEnter={withIntent(onPointerEnter)}
      onTouchStart={withIntent(onTouchStart)}
      onFocus={withIntent(onFocus)}
      {...rest}
    />
  );
}
