'use client';
/**
 * The lesson page's presentation tools: "Present" (the presenter window), "Share this step" (a
 * seeded link and its QR code) and "Print" (the handout: print.css expands every step), plus the
 * header only a printout shows: lesson, seed and date, so a handout names the bytes it holds.
 */
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { currentSeed } from '../seed/use-seed';
import { ShareStep } from './ShareStep';
import styles from './present.module.css';
import './presentation.css';

export function LessonTools({ slug, title }: { slug: string; title: string }) {
  const [printed, setPrinted] = useState<{ seed: string | undefined; date: string } | null>(null);
  useEffect(() => {
    const update = () => setPrinted({ seed: currentSeed(), date: new Date().toISOString().slice(0, 10) });
    update();
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return (
    <>
      <div className={styles.lessonTools} data-print="hide">
        <Link className="button" href={`/learn/${slug}/present`}>
          Present
        </Link>
        <button type="button" onClick={() => window.print()}>
          Print handout
        </button>
        <ShareStep slug={slug} />
      </div>
      <p className={styles.printHeader}>
        Backdoor Lab · {title}
        {printed ? (
          <>
            {' '}
            · {printed.seed ? `seed ${printed.seed}` : 'real randomness (no seed)'} · printed {printed.date}
          </>
        ) : null}
      </p>
    </>
  );
}
