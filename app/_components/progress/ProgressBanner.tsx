'use client';

import { useState } from 'react';
import { progressFileName } from '@/lib/lessons/progress';
import { useProgressStore } from '@/lib/store/progress-store';
import { downloadText } from './download-text';
import styles from './ProgressBanner.module.css';

/**
 * Tells the learner when stored progress could not be used, and offers the way out: download
 * what is stored (so nothing is lost), then reset. Renders nothing when all is well.
 */
export function ProgressBanner() {
  const problem = useProgressStore((s) => s.problem);
  const resetProgress = useProgressStore((s) => s.resetProgress);
  const dismissProblem = useProgressStore((s) => s.dismissProblem);
  const [resetDone, setResetDone] = useState(false);

  if (!problem) {
    return resetDone ? (
      <div className={`${styles.banner} ${styles.ok}`} role="status">
        <p>Progress reset. From now on your progress is saved again.</p>
        <button type="button" onClick={() => setResetDone(false)}>
          Dismiss
        </button>
      </div>
    ) : null;
  }

  if (problem.kind === 'unavailable') {
    return (
      <div className={`${styles.banner} ${styles.warn}`} role="status">
        <p>
          <strong>Your progress cannot be saved in this browser</strong> ({problem.reason}). Everything works, but what
          you do is forgotten when you close the page. Private windows and strict privacy settings do this.
        </p>
        <button type="button" onClick={dismissProblem}>
          Dismiss
        </button>
      </div>
    );
  }

  const download = () =>
    downloadText(progressFileName(new Date()).replace('.json', '-unreadable.txt'), problem.raw, 'text/plain');
  const reset = () => {
    resetProgress();
    setResetDone(true);
  };
  return (
    <div className={`${styles.banner} ${styles.danger}`} role="alert">
      <p>
        <strong>Your saved progress could not be read</strong>:{' '}
        {problem.kind === 'future'
          ? `it was written by a newer version of Backdoor Lab (progress format ${problem.version}).`
          : `${problem.reason}.`}{' '}
        The lab still works, but nothing is saved until you reset. Download the stored data first if you want to keep
        it.
      </p>
      <div className={styles.actions}>
        <button type="button" onClick={download}>
          Download stored data
        </button>
        <button type="button" className="danger" onClick={reset}>
          Reset progress
        </button>
      </div>
    </div>
  );
}
