import styles from '../attack.module.css';

/** A determinate progress bar over envelopes. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div
      className={styles.progress}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${total} envelopes`}
    >
      <div className={styles.progressBar} style={{ width: `${pct}%` }} />
    </div>
  );
}
