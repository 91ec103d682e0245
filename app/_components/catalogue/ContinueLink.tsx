'use client';

import { SeedLink } from '@/app/_components/seed/SeedLink';
import { continueLesson, lessonStatus } from '@/lib/lessons/course';
import { useProgressStore } from '@/lib/store/progress-store';
import styles from './Catalogue.module.css';

/** The part of a lesson the catalogue's client components need. */
export interface CatalogueLesson {
  slug: string;
  title: string;
  steps: { id: string; title: string }[];
  /** Ids of the lesson's code exercises (from its steps), in order. */
  exercises: string[];
}

/** "Start", "Continue" or "All done", from stored progress. */
export function ContinueLink({ tracks, lessons }: { tracks: { lessons: string[] }[]; lessons: CatalogueLesson[] }) {
  const hydrated = useProgressStore((s) => s.hydrated);
  const progress = useProgressStore((s) => s.progress.lessons);
  if (!hydrated)
    return (
      <p className={styles.continue} aria-hidden="true">
        &nbsp;
      </p>
    );
  const lesson = continueLesson(tracks, lessons, progress);
  if (!lesson) return <p className={styles.continue}>You have completed every lesson. Well done.</p>;
  const status = lessonStatus(lesson, progress[lesson.slug]);
  const started = Object.keys(progress).length > 0;
  const href = status.kind === 'in-progress' ? `/learn/${lesson.slug}#${status.resumeStep}` : `/learn/${lesson.slug}`;
  return (
    <p className={styles.continue}>
      <SeedLink className="button primary" href={href}>
        {started ? 'Continue' : 'Start'}: {lesson.title}
      </SeedLink>
    </p>
  );
}
