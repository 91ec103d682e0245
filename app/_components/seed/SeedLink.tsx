'use client';
/**
 * A link inside the app that keeps seeded mode: in seeded mode its href carries the seed, so a
 * presenter's reproducible bytes survive every click (and the link copied or opened in a new tab
 * is seeded too). Use it for every internal link instead of next/link.
 */
import Link from 'next/link';
import type { ComponentProps } from 'react';
import { withSeed } from '@/lib/browser/seed-mode';
import { useSeed } from './use-seed';

type SeedLinkProps = Omit<ComponentProps<typeof Link>, 'href'> & { readonly href: string };

export function SeedLink({ href, ...rest }: SeedLinkProps) {
  const seed = useSeed();
  return <Link href={withSeed(href, seed)} {...rest} />;
}
