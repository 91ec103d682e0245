'use client';

import { lessonStatus } from '@/lib/lessons/course';
import { useProgressStore } from '@/lib/store/progress-store';
import type { CatalogueLesson } from './ContinueLink';
import styles from './Catalogue.module.css';

/** The learner's status in one lesson (shown once stored progress has been read). */
export function LessonProgressBadge({ lesson }: { lesson: CatalogueLesson }) {
  const hydrated = useProgressStore((s) => s.hydrated);
  const saved = useProgressStore((s) => s.progress.lessons[lesson.slug]);
  if (!hydrated) return null;
  const status = lessonStatus(lesson, saved);
  switch (status.kind) {
    case 'complete':
      return <p className={`${styles.badge} ${styles.complete}`}>✓ Complete</p>;
    case 'in-progress':
      return (
        <p className={`${styles.badge} ${styles.inProgress}`}>
          {status.done} of {status.total} steps done
        </p>
      );
    default:
      return <p className={styles.badge}>Not started</p>;
  }
}
