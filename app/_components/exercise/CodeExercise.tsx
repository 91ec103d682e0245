'use client';
/**
 * A code exercise: instructions, a read-only view of the code until the learner opens the editor
 * (Monaco loads only then), Run / Stop / Reset, the bounded output, the check results, hints one at
 * a time, and the solution once two real attempts have failed. Learner code runs in a fresh sandbox
 * worker per run; the checks run here, on the page, against the data the run returned.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ALLOWED_MODULE_NAMES } from '@/lib/sandbox/allowed-module-names';
import { runInBrowserWorker, warmUpRunner, DEFAULT_BROWSER_TIME_LIMIT_MS, type BrowserRunHandle } from '@/lib/browser/browser-runner';
import type { CheckRegistry } from '@/lib/sandbox/check-registry';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';
import { attemptsKey, NO_ATTEMPTS, parseExerciseAttempts, serializeExerciseAttempts, type ExerciseAttempts } from '@/lib/sandbox/exercise-attempts';
import { lessonContextDeclaration } from '@/lib/sandbox/lesson-context-declaration';
import type { LearnerError } from '@/lib/sandbox/protocol';
import { allChecksPassed, runChecks, type CheckResult } from '@/lib/sandbox/run-checks';
import type { OutputLine, RunReport } from '@/lib/sandbox/run-collector';
import { MonacoEditorLoader, preloadMonaco } from './MonacoEditorLoader';
import { StaticCode } from './StaticCode';
import styles from './CodeExercise.module.css';

/** localStorage key of an exercise's draft. */
export function draftKey(exerciseId: string): string {
  return `backdoor-lab:draft:${exerciseId}`;
}

/** Errors that mean the code did not get to run; they do not count as attempts. */
const NOT_AN_ATTEMPT: ReadonlySet<LearnerError['kind']> = new Set(['compile', 'stopped', 'internal']);

/** Failed attempts before "Show solution" is offered. */
const ATTEMPTS_BEFORE_SOLUTION = 2;

/** localStorage, tolerating a disabled or full storage: the value then lives only in this tab. */
function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage full or disabled.
  }
}

/** Instructions: blank lines separate paragraphs; `backticks` mark code. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>
          {paragraph.split(/(`[^`]+`)/).map((part, j): ReactNode => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? <code key={j}>{part.slice(1, -1)}</code> : part))}
        </p>
      ))}
    </>
  );
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Props of {@link CodeExercise}. */
export interface CodeExerciseProps {
  readonly exercise: ExerciseSpec;
  /** Called after each run whose checks all pass (the lesson engine records progress). */
  readonly onPass?: (exerciseId: string) => void;
  /** Extra custom checks for this exercise's `custom` check specs. */
  readonly checkRegistry?: CheckRegistry;
  /** Heading level of the exercise title (default 2). */
  readonly headingLevel?: 2 | 3;
  /** Shown under the title, e.g. the lesson engine's "passed on …" line. */
  readonly badge?: ReactNode;
}

/** A learner-code exercise with a sandboxed runner and trusted checks. */
export function CodeExercise({ exercise, onPass, checkRegistry, headingLevel = 2, badge }: CodeExerciseProps) {
  const [code, setCode] = useState(exercise.starter);
  const [editorOpen, setEditorOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [output, setOutput] = useState<{ lines: readonly OutputLine[]; truncated: boolean }>({ lines: [], truncated: false });
  const [report, setReport] = useState<RunReport | null>(null);
  const [checks, setChecks] = useState<CheckResult[] | null>(null);
  const [{ failedAttempts, hintsShown }, setAttempts] = useState<ExerciseAttempts>(NO_ATTEMPTS);
  const attemptsRef = useRef<ExerciseAttempts>(NO_ATTEMPTS);
  const [solutionShown, setSolutionShown] = useState(false);
  const handleRef = useRef<BrowserRunHandle | null>(null);
  const saveTimer = useRef<number | undefined>(undefined);
  const codeRef = useRef(code);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // Output, Checks and Solution are sections of the exercise: one level below its title.
  const PanelHeading = headingLevel === 2 ? 'h3' : 'h4';
  const baseId = `exercise-${exercise.id}`;

  // The draft is read after hydration, so the server render and the first client render agree.
  useEffect(() => {
    const draft = readStored(draftKey(exercise.id));
    if (draft !== null) {
      codeRef.current = draft;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage is only readable after hydration
      setCode(draft);
    }
  }, [exercise.id]);

  // Failed runs and open hints survive a reload too, so "Show solution" does not disappear.
  useEffect(() => {
    attemptsRef.current = parseExerciseAttempts(readStored(attemptsKey(exercise.id)), exercise.hints.length);
    setAttempts(attemptsRef.current);
  }, [exercise.id, exercise.hints.length]);
  const updateAttempts = useCallback(
    (change: (current: ExerciseAttempts) => ExerciseAttempts) => {
      attemptsRef.current = change(attemptsRef.current);
      setAttempts(attemptsRef.current);
      writeStored(attemptsKey(exercise.id), serializeExerciseAttempts(attemptsRef.current));
    },
    [exercise.id],
  );

  useEffect(() => () => handleRef.current?.stop(), []);

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

  const contextDeclaration = useMemo(() => lessonContextDeclaration(exercise.setup.context), [exercise.setup.context]);

  const updateCode = useCallback(
    (next: string) => {
      codeRef.current = next;
      setCode(next);
      window.clearTimeout(saveTimer.current);
      saveTimer.current = window.setTimeout(() => writeStored(draftKey(exercise.id), next === exercise.starter ? null : next), 300);
    },
    [exercise.id, exercise.starter],
  );

  const run = useCallback(async () => {
    if (handleRef.current) return;
    setRunning(true);
    setReport(null);
    setChecks(null);
    setOutput({ lines: [], truncated: false });
    const handle = runInBrowserWorker({
      source: codeRef.current,
      context: exercise.setup.context,
      timeLimitMs: exercise.timeLimitMs ?? DEFAULT_BROWSER_TIME_LIMIT_MS,
      onOutput: (lines, truncated) => setOutput({ lines: [...lines], truncated }),
    });
    handleRef.current = handle;
    const finished = await handle.done;
    handleRef.current = null;
    const results = runChecks(exercise.checks, finished.outcome, exercise.setup.expected, checkRegistry);
    const passed = allChecksPassed(results);
    const attempted = finished.outcome.status === 'ok' || !NOT_AN_ATTEMPT.has(finished.outcome.error.kind);
    setReport(finished);
    setChecks(results);
    setRunning(false);
    if (passed) onPass?.(exercise.id);
    else if (attempted) updateAttempts((a) => ({ ...a, failedAttempts: a.failedAttempts + 1 }));
  }, [exercise, checkRegistry, onPass, updateAttempts]);

  const stop = useCallback(() => handleRef.current?.stop(), []);

  const reset = useCallback(() => {
    if (!window.confirm('Replace your code with the starter code? Your changes will be lost.')) return;
    window.clearTimeout(saveTimer.current);
    writeStored(draftKey(exercise.id), null);
    codeRef.current = exercise.starter;
    setCode(exercise.starter);
  }, [exercise.id, exercise.starter]);

  const openEditor = useCallback(() => setEditorOpen(true), []);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  };

  const error = report?.outcome.status === 'error' ? report.outcome.error : null;
  const passed = checks !== null && allChecksPassed(checks);
  const canShowSolution = failedAttempts >= ATTEMPTS_BEFORE_SOLUTION;
  const status = running
    ? 'Running…'
    : report
      ? report.outcome.status === 'ok'
        ? `Finished in ${formatMs(report.wallMs)}${passed ? ': all checks pass.' : '.'}`
        : `${error?.kind === 'timeout' ? 'Stopped at the time limit' : error?.kind === 'stopped' ? 'Stopped' : 'Failed'} after ${formatMs(report.wallMs)}.`
      : 'Not run yet.';

  return (
    <section className={styles.exercise} aria-labelledby={`${baseId}-title`} onKeyDown={onKeyDown}>
      <Heading id={`${baseId}-title`}>{exercise.title}</Heading>
      {badge}
      <Prose text={exercise.instructions} />

      <details className={styles.about}>
        <summary>What your code can use</summary>
        <p>
          Your code runs in an isolated sandbox with no network, no page and no storage, for at most{' '}
          {((exercise.timeLimitMs ?? DEFAULT_BROWSER_TIME_LIMIT_MS) / 1000).toFixed(1)} s per run. It can import:
        </p>
        <ul>
          {ALLOWED_MODULE_NAMES.map((name) => (
            <li key={name}>
              <code>{name}</code>
            </li>
          ))}
        </ul>
        <p>
          The lesson&apos;s data is in <code>lesson</code>. Send results back with <code>export const name = value</code>, or
          return them from <code>export default function solve(lesson)</code>.
        </p>
      </details>

      <div className={styles.editorArea}>
        {editorOpen ? (
          <>
            <p className={styles.note} id={`${baseId}-tab-note`}>
              Tab inserts a tab. Press Ctrl+M (Ctrl+Shift+M on Mac) to make Tab move focus, or Esc then Tab.
            </p>
            <div className={styles.editorFrame} aria-describedby={`${baseId}-tab-note`}>
              <MonacoEditorLoader
                path={`file:///exercises/${exercise.id}.ts`}
                value={code}
                onChange={updateCode}
                onRun={() => void run()}
                contextDeclaration={contextDeclaration}
                ariaLabel={`Code editor: ${exercise.title}. Ctrl+Enter runs the code.`}
                autoFocus
              />
            </div>
          </>
        ) : (
          <>
            <StaticCode code={code} label={`Code of ${exercise.title} (read-only until you open the editor)`} />
            {/* Preload on hover only: loading Monaco evaluates megabytes of script in one main-thread
                task, and a keyboard user tabbing past the button on the way to Next must not pay it. */}
            <button type="button" className="primary" onClick={openEditor} onPointerEnter={preloadMonaco}>
              Open editor
            </button>
          </>
        )}
      </div>

      <div className={styles.toolbar} role="group" aria-label="Run controls">
        <button type="button" className="primary" onClick={() => void run()} disabled={running} aria-keyshortcuts="Control+Enter Meta+Enter">
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

      {error && (
        <p role="alert" className={styles.error}>
          {error.line !== undefined ? `Line ${error.line}: ` : ''}
          {error.message}
        </p>
      )}

      <PanelHeading className={styles.panelTitle} id={`${baseId}-output`}>
        Output
      </PanelHeading>
      <div role="log" aria-labelledby={`${baseId}-output`} className={styles.output} tabIndex={0}>
        {output.lines.length === 0 && !output.truncated ? <span className={styles.muted}>{running ? '' : 'Nothing printed.'}</span> : null}
        {output.lines.map((line, i) => (
          <div key={i} className={styles[`line_${line.level}`]}>
            {line.text}
          </div>
        ))}
        {output.truncated && <div className={styles.truncated}>output truncated (the limit is 500 lines or 64 KB per run)</div>}
      </div>

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
              {result && <span className={styles.checkMessage}>{result.message}</span>}
            </li>
          );
        })}
      </ul>

      <div className={styles.help}>
        {exercise.hints.slice(0, hintsShown).map((hint, i) => (
          <p key={i} className={styles.hint}>
            <strong>Hint {i + 1}:</strong> {hint}
          </p>
        ))}
        {hintsShown < exercise.hints.length && (
          <button type="button" onClick={() => updateAttempts((a) => ({ ...a, hintsShown: a.hintsShown + 1 }))}>
            Show a hint ({hintsShown + 1} of {exercise.hints.length})
          </button>
        )}
        {canShowSolution && !solutionShown && (
          <button type="button" onClick={() => setSolutionShown(true)}>
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
    </section>
  );
}
