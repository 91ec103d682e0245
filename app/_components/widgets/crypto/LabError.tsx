'use client';
import type { LabAction } from '@/lib/store/lab-store';
import { useLab } from './lab-hooks';
import styles from './widgets.module.css';

/** The lab's last learner-facing error, shown only by the widget whose action raised it. */
export function LabError({ actions }: { actions: readonly LabAction[] }) {
  const error = useLab((s) => s.error);
  const mine = error && actions.includes(error.action) ? error.message : null;
  return (
    <p role="status" aria-live="polite" className={mine ? styles.error : 'visually-hidden'}>
      {mine ?? ''}
    </p>
  );
}
