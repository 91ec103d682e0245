'use client';
/** What the last run left: the error (at the learner's line), the bounded output, and each check's verdict. */
import { useStore, type StoreApi } from 'zustand';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';
import { errorText, type ExerciseState } from '@/lib/store/exercise-store';
import { CodeSpans, Prose } from './Prose';
import styles from './CodeExercise.module.css';

interface RunResultsProps {
  readonly store: StoreApi<ExerciseState>;
  readonly exercise: ExerciseSpec;
  readonly baseId: string;
  /** One level below the exercise's title. */
  readonly panelHeading: 'h3' | 'h4';
}

/** The error alert, the Output log and the Checks list. */
export function RunResults({ store, exercise, baseId, panelHeading: PanelHeading }: RunResultsProps) {
  const running = useStore(store, (s) => s.phase === 'running');
  const error = useStore(store, (s) => s.error);
  const output = useStore(store, (s) => s.output);
  const checks = useStore(store, (s) => s.checks);

  return (
    <>
      {error && (
        <p role="alert" className={styles.error}>
          <CodeSpans text={errorText(error)} />
        </p>
      )}

      <PanelHeading className={styles.panelTitle} id={`${baseId}-output`}>
        Output
      </PanelHeading>
      <div role="log" aria-labelledby={`${baseId}-output`} className={styles.output} tabIndex={0}>
        {output.lines.length === 0 && !output.truncated ? (
          <span className={styles.muted}>{running ? '' : 'Nothing printed.'}</span>
        ) : null}
        {output.lines.map((line, i) => (
          <div key={i} className={styles[`line_${line.level}`]}>
            {line.text}
          </div>
        ))}
        {output.truncated && (
          <div className={styles.truncated}>output truncated (the limit is 500 lines or 64 KB per run)</div>
        )}
      </div>

      {/* An exercise without checks (a code lab scratchpad) is only run. */}
      {exercise.checks.length > 0 && (
        <>
          <PanelHeading className={styles.panelTitle} id={`${baseId}-checks`}>
            Checks
          </PanelHeading>
          <ul aria-labelledby={`${baseId}-checks`} className={styles.checks}>
            {exercise.checks.map((check) => {
              const result = checks?.find((r) => r.id === check.id);
              const mark = result ? (result.pass ? 'passed' : 'failed') : 'not run';
              return (
                <li key={check.id} className={result ? (result.pass ? styles.pass : styles.fail) : undefined}>
                  <span aria-hidden="true">{result ? (result.pass ? '✓' : '✗') : '·'}</span>{' '}
                  <span className="visually-hidden">{mark}: </span>
                  <Prose text={check.description} />
                  {result && (
                    <span className={styles.checkMessage}>
                      <CodeSpans text={result.message} />
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
