'use client';
/**
 * A code exercise: instructions, a read-only view of the code until the learner opens the editor
 * (Monaco loads only then), Run / Stop / Reset, the bounded output, the check results, hints one at
 * a time, and the solution once two real attempts have failed. Learner code runs in a fresh sandbox
 * worker per run; the checks run in a trusted checker worker of the page, against the data the run
 * returned.
 *
 * This is the view: the draft, the attempts and the run live in the exercise's store
 * (lib/store/exercise-store.ts), created here with the sandbox frame as its runner and localStorage
 * as its storage.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { runInBrowserWorker, warmUpRunner, DEFAULT_BROWSER_TIME_LIMIT_MS } from '@/lib/browser/browser-runner';
import type { CheckRegistryName } from '@/lib/sandbox/checker-contract';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';
import { createExerciseStore } from '@/lib/store/exercise-store';
import { AboutSandbox } from './AboutSandbox';
import { ExerciseEditor } from './ExerciseEditor';
import { ExerciseHelp } from './ExerciseHelp';
import { workerChecker } from './page-checker';
import { pageStorage } from './page-storage';
import { Prose } from './Prose';
import { RunControls } from './RunControls';
import { RunResults } from './RunResults';
import styles from './CodeExercise.module.css';

/** Props of {@link CodeExercise}. */
export interface CodeExerciseProps {
  readonly exercise: ExerciseSpec;
  /** Called after each run whose checks all pass (the lesson engine records progress). */
  readonly onPass?: (exerciseId: string) => void;
  /**
   * Which custom checks this exercise's `custom` check specs name: the shipped ones (`default`) or
   * the lessons' too (`lessons`). The checks run in the page's checker worker, which holds both.
   */
  readonly checkRegistry?: CheckRegistryName;
  /** Heading level of the exercise title (default 2). */
  readonly headingLevel?: 2 | 3;
  /** Shown under the title, e.g. the lesson engine's "passed on …" line. */
  readonly badge?: ReactNode;
}

/** A learner-code exercise with a sandboxed runner and trusted checks. */
export function CodeExercise(props: CodeExerciseProps) {
  // One store per exercise: another exercise in the same place starts from its own.
  return <ExerciseView key={props.exercise.id} {...props} />;
}

function ExerciseView({ exercise, onPass, checkRegistry = 'default', headingLevel = 2, badge }: CodeExerciseProps) {
  // The store calls the latest onPass, not the one it was created with.
  const onPassRef = useRef(onPass);
  useEffect(() => {
    onPassRef.current = onPass;
  }, [onPass]);
  // eslint-disable-next-line react-hooks/refs -- the ref is read when a run passes, never during render
  const [store] = useState(() =>
    createExerciseStore({
      exercise,
      runner: runInBrowserWorker,
      storage: pageStorage,
      checker: workerChecker(checkRegistry),
      onPass: (id) => onPassRef.current?.(id),
    }),
  );

  // The draft and the attempts are read after hydration, so the server render and the first client
  // render agree. Leaving the page stops a run and saves a pending draft.
  useEffect(() => {
    store.getState().load();
    return () => store.getState().dispose();
  }, [store]);

  // Start the idle sandbox worker when the page has nothing else to do, so the first Run does not
  // wait for the runner script (and opening Monaco does not compete with it).
  useEffect(() => {
    const idle = window.requestIdleCallback?.(() => warmUpRunner(), { timeout: 3000 });
    const fallback = idle === undefined ? window.setTimeout(warmUpRunner, 1000) : undefined;
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
      window.clearTimeout(fallback);
    };
  }, []);

  const run = () => void store.getState().run();
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  };

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // Output, Checks and Solution are sections of the exercise: one level below its title.
  const panelHeading = headingLevel === 2 ? 'h3' : 'h4';
  const baseId = `exercise-${exercise.id}`;

  return (
    <section className={styles.exercise} aria-labelledby={`${baseId}-title`} onKeyDown={onKeyDown}>
      <Heading id={`${baseId}-title`}>{exercise.title}</Heading>
      {badge}
      <Prose text={exercise.instructions} />
      <AboutSandbox timeLimitMs={exercise.timeLimitMs ?? DEFAULT_BROWSER_TIME_LIMIT_MS} />
      <ExerciseEditor store={store} exercise={exercise} baseId={baseId} onRun={run} />
      <RunControls store={store} onRun={run} />
      <RunResults store={store} exercise={exercise} baseId={baseId} panelHeading={panelHeading} />
      <ExerciseHelp store={store} exercise={exercise} panelHeading={panelHeading} />
    </section>
  );
}
