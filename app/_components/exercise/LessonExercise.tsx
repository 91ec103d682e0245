'use client';
/**
 * The `<Exercise id="...">` lesson widget: the lesson's code exercise with that id, in the sandboxed
 * editor. When a run passes every check it reports `exercise:<id>` (a step may require it) and
 * records the pass in progress; a pass saved earlier reports the action again on the next visit,
 * as a saved quiz answer does, and is shown under the title.
 */
import { useCallback, useEffect } from 'react';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { useProgressStore } from '@/lib/store/progress-store';
import { CodeExercise } from './CodeExercise';
import { useLessonExercise } from './LessonExercises';
import styles from './CodeExercise.module.css';

let dateFormat: Intl.DateTimeFormat | undefined;

/**
 * "2 December 2026". The formatter is made on first use, not when the module loads: building an
 * Intl object loads ICU data (70-100 ms of a 4x-throttled main thread, cold), and most visits have
 * no passed exercise to date.
 */
function formatDate(iso: string): string {
  dateFormat ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return dateFormat.format(new Date(iso));
}

/** A lesson's code exercise, by id (see lessons/<slug>/exercises.ts). */
export function LessonExercise({ id }: { id: string }) {
  const exercise = useLessonExercise(id);
  const passedAt = useProgressStore((s) => s.progress.exercises?.[id]?.passedAt);
  const passExercise = useProgressStore((s) => s.passExercise);

  useEffect(() => {
    if (passedAt) recordLessonAction(`exercise:${id}`);
  }, [passedAt, id]);

  const onPass = useCallback(
    (exerciseId: string) => {
      recordLessonAction(`exercise:${exerciseId}`);
      passExercise(exerciseId);
    },
    [passExercise],
  );

  if (!exercise) {
    return <p role="alert">Exercise “{id}” is missing from this lesson’s exercises.ts.</p>;
  }
  const badge = passedAt ? <p className={styles.passed}>✓ Passed on {formatDate(passedAt)}</p> : null;
  return <CodeExercise exercise={exercise} onPass={onPass} checkRegistry="lessons" headingLevel={3} badge={badge} />;
}
