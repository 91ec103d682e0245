import type { ReactNode } from 'react';
import styles from './Callout.module.css';

const LABELS = { note: 'Note', warning: 'Warning', history: 'History', tip: 'Tip' } as const;

/** A boxed aside in lesson prose: a note, a warning, a piece of history or a tip. */
export function Callout({
  kind,
  title,
  children,
}: {
  kind: keyof typeof LABELS;
  title?: string;
  children?: ReactNode;
}) {
  const label = LABELS[kind] ?? LABELS.note;
  return (
    <div role="note" className={`${styles.callout} ${styles[kind] ?? ''}`}>
      <p className={styles.label}>
        {label}
        {title ? (
          <>
            : <span className={styles.title}>{title}</span>
          </>
        ) : null}
      </p>
      {children}
    </div>
  );
}
