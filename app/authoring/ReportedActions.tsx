'use client';
/**
 * The actions a widget reports, each marked once the live example on this page has reported it:
 * what a step's `requires` may name.
 */
import { useLessonSession } from '@/lib/store/lesson-session-store';
import type { GalleryEntry } from '@/lib/lessons/widget-gallery';
import styles from './page.module.css';

export function ReportedActions({ actions }: { actions: GalleryEntry['actions'] }) {
  const done = useLessonSession((s) => s.actions);
  if (actions.length === 0) return <p className={styles.muted}>None (nothing to require).</p>;
  return (
    <ul className={styles.actions}>
      {actions.map(({ template, action }) => (
        <li key={template}>
          <code>{template}</code>
          {action && action !== template ? (
            <>
              {' '}
              (here <code>{action}</code>)
            </>
          ) : null}
          {action && done.has(action) ? <span className={styles.reported}> reported</span> : null}
        </li>
      ))}
    </ul>
  );
}
