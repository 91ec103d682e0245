'use client';

import type { ReactNode } from 'react';
import { stepHeadingId, useLessonPlayer } from '../lesson/lesson-player-context';
import styles from './Step.module.css';

/**
 * One step of a lesson. Every step stays mounted; only the current one is visible (the others
 * are `hidden`), so widgets keep their state when the learner goes back and forth.
 */
export function Step({ id, children }: { id: string; children?: ReactNode }) {
  const { lesson, currentIndex } = useLessonPlayer();
  const index = lesson.steps.findIndex((s) => s.id === id);
  const title = lesson.steps[index]?.title ?? id;
  return (
    <section
      className={styles.step}
      aria-labelledby={stepHeadingId(id)}
      hidden={index !== currentIndex}
      data-step-id={id}
    >
      <h2 id={stepHeadingId(id)} tabIndex={-1} className={styles.title}>
        {title}
      </h2>
      {children}
    </section>
  );
}
