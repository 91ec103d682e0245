'use client';
/**
 * "Share this step" for a lesson: a link reproducing the lesson, the step on screen and the seed.
 * Opening it elsewhere and taking the same actions shows the same bytes, because every random
 * value in a seeded lab comes from the seed. A page running on the CSPRNG (no `?seed=`) has no
 * bytes to reproduce: its link starts a seeded run instead, and says so.
 */
import { useState } from 'react';
import { lessonShareUrl } from '@/lib/presentation/share-link';
import { currentSeed } from '../seed/use-seed';
import { newReadableSeed } from './presentation-seed';
import { ShareLinkPanel } from './ShareLinkPanel';

export function ShareStep({ slug, stepId }: { slug: string; stepId?: string }) {
  const [unseeded, setUnseeded] = useState(false);
  return (
    <ShareLinkPanel
      buttonLabel="Share this step"
      linkLabel="Link to this step"
      makeUrl={() => {
        const seed = currentSeed();
        setUnseeded(seed === undefined);
        const step = stepId ?? (decodeURIComponent(window.location.hash.slice(1)) || undefined);
        return lessonShareUrl(window.location.origin, { slug, stepId: step, seed: seed ?? newReadableSeed() });
      }}
      note={
        unseeded
          ? 'This page uses real randomness, so its bytes cannot be reproduced: the link opens a seeded run of the lesson at this step.'
          : 'Take the same actions on the other device and the same bytes appear.'
      }
    />
  );
}
