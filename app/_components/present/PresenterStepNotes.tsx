'use client';
/** One step's notes and opening lines in the presenter window: shown when its step is current (or next). */
import type { ReactNode } from 'react';
import { usePresenterSlot } from './presenter-context';
import styles from './present.module.css';

export function PresenterStepNotes({ id, notes, preview }: { id: string; notes: ReactNode; preview: ReactNode }) {
  const { lesson, current, slot } = usePresenterSlot();
  const index = lesson.steps.findIndex((s) => s.id === id);
  if (slot === 'now' && index === current) {
    return notes ? (
      <div className={styles.notes} data-notes-step={id}>
        {notes}
      </div>
    ) : (
      <p className={styles.muted}>No speaker notes for this step.</p>
    );
  }
  if (slot === 'next' && index === current + 1) {
    return preview ? <div className={styles.preview}>{preview}</div> : null;
  }
  return null;
}
