'use client';
/** Hints, one at a time, and the reference solution once two real attempts have failed. */
import { useStore, type StoreApi } from 'zustand';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';
import { canShowSolution, type ExerciseState } from '@/lib/store/exercise-store';
import { StaticCode } from './StaticCode';
import styles from './CodeExercise.module.css';

interface ExerciseHelpProps {
  readonly store: StoreApi<ExerciseState>;
  readonly exercise: ExerciseSpec;
  /** One level below the exercise's title. */
  readonly panelHeading: 'h3' | 'h4';
}

/** The exercise's hints and solution. */
export function ExerciseHelp({ store, exercise, panelHeading: PanelHeading }: ExerciseHelpProps) {
  const hintsShown = useStore(store, (s) => s.attempts.hintsShown);
  const solutionOffered = useStore(store, canShowSolution);
  const solutionShown = useStore(store, (s) => s.solutionShown);
  const showHint = useStore(store, (s) => s.showHint);
  const showSolution = useStore(store, (s) => s.showSolution);

  return (
    <div className={styles.help}>
      {exercise.hints.slice(0, hintsShown).map((hint, i) => (
        <p key={i} className={styles.hint}>
          <strong>Hint {i + 1}:</strong> {hint}
        </p>
      ))}
      {hintsShown < exercise.hints.length && (
        <button type="button" onClick={showHint}>
          Show a hint ({hintsShown + 1} of {exercise.hints.length})
        </button>
      )}
      {solutionOffered && !solutionShown && (
        <button type="button" onClick={showSolution}>
          Show solution
        </button>
      )}
      {solutionShown && (
        <div className={styles.solution}>
          <PanelHeading className={styles.panelTitle}>Solution</PanelHeading>
          <StaticCode code={exercise.solution} label={`Solution of ${exercise.title}`} />
        </div>
      )}
    </div>
  );
}
