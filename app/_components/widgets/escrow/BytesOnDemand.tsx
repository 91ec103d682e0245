/**
 * Byte views folded away behind a one-line summary: the split-keys widget shows what happened first
 * (who holds what, whether the check passed, how many messages opened) and the 32-byte values only
 * when the learner asks, so the buttons a step asks for are not thousands of pixels down.
 */
import type { ReactNode } from 'react';
import styles from './escrow.module.css';

export function BytesOnDemand({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className={styles.bytesOnDemand}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
