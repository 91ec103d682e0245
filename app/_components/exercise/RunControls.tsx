'use client';
/** Run, Stop and Reset to starter, with the run's status line (a live region). */
import { useStore, type StoreApi } from 'zustand';
import { runStatusText, type ExerciseState } from '@/lib/store/exercise-store';
import styles from './CodeExercise.module.css';

interface RunControlsProps {
  readonly store: StoreApi<ExerciseState>;
  readonly onRun: () => void;
}

/** The exercise's toolbar. */
export function RunControls({ store, onRun }: RunControlsProps) {
  const running = useStore(store, (s) => s.phase === 'running');
  const status = useStore(store, runStatusText);
  const stop = useStore(store, (s) => s.stop);
  const resetToStarter = useStore(store, (s) => s.resetToStarter);

  const reset = () => {
    if (window.confirm('Replace your code with the starter code? Your changes will be lost.')) resetToStarter();
  };

  return (
    <div className={styles.toolbar} role="group" aria-label="Run controls">
      <button
        type="button"
        className="primary"
        onClick={onRun}
        disabled={running}
        aria-keyshortcuts="Control+Enter Meta+Enter"
      >
        Run
      </button>
      <button type="button" onClick={stop} disabled={!running}>
        Stop
      </button>
      <button type="button" onClick={reset} disabled={running}>
        Reset to starter
      </button>
      <span role="status" className={styles.status}>
        {status}
      </span>
    </div>
  );
}
