'use client';

import { lessonStatus } from '@/lib/lessons/course';
import { useProgressStore } from '@/lib/store/progress-store';
import type { CatalogueLesson } from './ContinueLink';
import styles from './Catalogue.module.css';

/** The learner's status in one lesson (shown once stored progress has been read). */
export function LessonProgressBadge({ lesson }: { lesson: CatalogueLesson }) {
  const hydrated = useProgressStore((s) => s.hydrated);
  const saved = useProgressStore((s) => s.progress.lessons[lesson.slug]);
  const exercises = useProgressStore((s) => s.progress.exercises);
  if (!hydrated) return null;
  const status = lessonStatus(lesson, saved);
  const passed = lesson.exercises.filter((id) => exercises?.[id]?.passedAt !== undefined).length;
  const exerciseNote =
    lesson.exercises.length === 0 || (passed === 0 && status.kind === 'not-started') ? null : (
      <span className={passed === lesson.exercises.length ? styles.complete : styles.pending}>
        {' · '}
        {passed === lesson.exercises.length ? '✓ ' : ''}
        {lesson.exercises.length === 1
          ? `exercise ${passed === 1 ? 'passed' : 'not passed yet'}`
          : `${passed} of ${lesson.exercises.length} exercises passed`}
      </span>
    );
  switch (status.kind) {
    case 'complete':
      return <p className={`${styles.badge} ${styles.complete}`}>✓ Complete{exerciseNote}</p>;
    case 'in-progress':
      return (
        <p className={`${styles.badge} ${styles.inProgress}`}>
          {status.done} of {status.total} steps done{exerciseNote}
        </p>
      );
    default:
      return <p className={styles.badge}>Not started{exerciseNote}</p>;
  }
}
