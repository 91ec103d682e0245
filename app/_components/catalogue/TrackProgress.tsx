'use client';
/**
 * A track's progress at a glance: a bar of its lessons, each segment complete, started or not,
 * with the count in words ("2 of 5 lessons complete, 1 started"), from stored progress.
 */
import { lessonStatus } from '@/lib/lessons/course';
import { useProgressStore } from '@/lib/store/progress-store';
import type { CatalogueLesson } from './ContinueLink';
import styles from './Catalogue.module.css';

export function TrackProgress({ lessons }: { lessons: CatalogueLesson[] }) {
  const hydrated = useProgressStore((s) => s.hydrated);
  const progress = useProgressStore((s) => s.progress.lessons);
  const kinds = lessons.map((l) => (hydrated ? lessonStatus(l, progress[l.slug]).kind : 'not-started'));
  const complete = kinds.filter((k) => k === 'complete').length;
  const started = kinds.filter((k) => k === 'in-progress').length;
  return (
    <div className={styles.trackProgress}>
      <span className={styles.segments} aria-hidden="true">
        {kinds.map((k, i) => (
          <span key={i} className={styles.segment} data-status={k} />
        ))}
      </span>
      <span className={styles.trackCount}>
        {hydrated
          ? `${complete} of ${lessons.length} lesson${lessons.length === 1 ? '' : 's'} complete${started > 0 ? `, ${started} started` : ''}`
          : `${lessons.length} lesson${lessons.length === 1 ? '' : 's'}`}
      </span>
    </div>
  );
}
