/**
 * One code exercise's state, outside React: the learner's code and its draft in storage, the failed
 * attempts and open hints (kept across reloads so "Show solution" does not disappear), and the run:
 * idle, running (with the output so far), then passed, failed, crashed or stopped, with the report,
 * the check results and the error mapped to the learner's line. One store per mounted exercise,
 * created by {@link createExerciseStore}; everything is keyed by the exercise's id.
 *
 * The code runner and the storage are injected: on the page they are the sandbox frame
 * (lib/browser/browser-runner.ts) and localStorage, in tests a fake runner or the Node runner
 * (lib/sandbox/run-in-node.ts) and a Map. The checks run here, on the trusted side, against the data
 * the run returned; the runner never says whether they passed.
 * @module
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CheckRegistry } from '@/lib/sandbox/check-registry';
import {
  attemptsKey,
  NO_ATTEMPTS,
  parseExerciseAttempts,
  serializeExerciseAttempts,
  type ExerciseAttempts,
} from '@/lib/sandbox/exercise-attempts';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';
import type { LearnerError, LearnerErrorKind } from '@/lib/sandbox/protocol';
import { allChecksPassed, failAllChecks, runChecks, type CheckResult } from '@/lib/sandbox/run-checks';
import type { OutputLine, RunReport } from '@/lib/sandbox/run-collector';
import {
  DAMAGED_DRAFT_MESSAGE,
  draftKey,
  parseStoredDraft,
  readStored,
  writeStored,
  type KeyValueStorage,
} from './exercise-store-persistence';

/** What the store asks of a code runner: run this source once with this lesson context. */
export interface CodeRunRequest {
  readonly source: string;
  /** The lesson context (structured-clonable data); learner code sees it as `lesson`. */
  readonly context: unknown;
  /** The exercise's time limit; absent means the runner's default. */
  readonly timeLimitMs?: number;
  /** Called with all output so far while the run goes on (the browser runner: once per frame). */
  readonly onOutput?: (lines: readonly OutputLine[], truncated: boolean) => void;
}

/** A run in progress. */
export interface CodeRunHandle {
  /** Resolves with the report when the run ends for any reason (time limit, crash, Stop included). */
  readonly done: Promise<RunReport>;
  /** Ends the run now; its report says the learner stopped it. */
  stop(): void;
}

/**
 * Judges a finished run: on the page, the checker worker (lib/sandbox/checker-client.ts), so no
 * learner value can block the main thread; in tests and by default, `runChecks` in this thread.
 */
export type ExerciseChecker = (
  checks: ExerciseSpec['checks'],
  outcome: RunReport['outcome'],
  expected: ExerciseSpec['setup']['expected'],
) => Promise<readonly CheckResult[]>;

/** Runs learner code: `runInBrowserWorker` on the page, an adapter of `runInNode` in tests. */
export type CodeRunner = (request: CodeRunRequest) => CodeRunHandle;

/** Where the exercise's run stands. */
export type RunPhase = 'idle' | 'running' | 'passed' | 'failed' | 'crashed' | 'stopped';

/** The output panel's content. */
export interface RunOutput {
  readonly lines: readonly OutputLine[];
  readonly truncated: boolean;
}

/** State and actions of one exercise. */
export interface ExerciseState {
  /** The code in the editor (the starter until a draft is loaded or the learner types). */
  readonly code: string;
  /** Set when the stored draft could not be used (the starter is shown instead). */
  readonly draftNotice: string | null;
  readonly attempts: ExerciseAttempts;
  readonly solutionShown: boolean;
  readonly phase: RunPhase;
  readonly output: RunOutput;
  /** The last finished run, until the next one starts. */
  readonly report: RunReport | null;
  /** The checks of the last finished run. */
  readonly checks: readonly CheckResult[] | null;
  /** Why the last run did not produce a result; `line` is a line of the learner's code. */
  readonly error: LearnerError | null;

  /** Reads the draft and the attempts from storage (on the page: after hydration, so server and client renders agree). */
  load(): void;
  /** The learner changed the code; the draft is saved shortly after the typing stops. */
  setCode(code: string): void;
  /** Puts the starter back and forgets the draft (the page asks the learner first). */
  resetToStarter(): void;
  /**
   * Runs the code and checks the result. Resolves with true when the run has ended, or at once
   * with false when a run is already going: a second Run is refused, as the disabled button says.
   */
  run(): Promise<boolean>;
  /** Stops the run in progress, if any. */
  stop(): void;
  /** Reveals the next hint. */
  showHint(): void;
  /** Shows the reference solution (offered once {@link canShowSolution}). */
  showSolution(): void;
  /** The exercise left the page: stops its run and saves a pending draft now. */
  dispose(): void;
}

/** Options of {@link createExerciseStore}. */
export interface ExerciseStoreOptions {
  readonly exercise: ExerciseSpec;
  readonly runner: CodeRunner;
  /** Where drafts and attempts are kept (the page's localStorage); without it nothing is kept. */
  readonly storage?: KeyValueStorage;
  /** Extra custom checks for this exercise's `custom` check specs (for the default checker). */
  readonly checkRegistry?: CheckRegistry;
  /** Who runs the checks; default: `runChecks` in this thread, with `checkRegistry`. */
  readonly checker?: ExerciseChecker;
  /** Called after each run whose checks all pass (the lesson engine records progress). */
  readonly onPass?: (exerciseId: string) => void;
  /** Quiet time after the last edit before the draft is written (default 300 ms). */
  readonly draftSaveDelayMs?: number;
}

/** Failed attempts before "Show solution" is offered. */
const ATTEMPTS_BEFORE_SOLUTION = 2;

/** Errors that mean the code did not get to run; they do not count as attempts. */
const NOT_AN_ATTEMPT: ReadonlySet<LearnerErrorKind> = new Set(['compile', 'stopped', 'internal']);

const NO_OUTPUT: RunOutput = { lines: [], truncated: false };

/** A report for a runner that broke its contract (threw, or its `done` rejected): a bug on our side, not the learner's. */
function runnerFailure(reason: unknown): RunReport {
  const why = reason instanceof Error ? reason.message : String(reason);
  const error: LearnerError = {
    kind: 'internal',
    message: `The code runner failed (${why}), so your code did not finish. Run it again.`,
  };
  return { outcome: { status: 'error', durationMs: 0, error }, output: [], truncated: false, wallMs: 0 };
}

/** The phase a finished run leaves the exercise in. */
function phaseAfter(report: RunReport, passed: boolean): RunPhase {
  if (passed) return 'passed';
  if (report.outcome.status === 'ok') return 'failed';
  const { kind } = report.outcome.error;
  return kind === 'crashed' ? 'crashed' : kind === 'stopped' ? 'stopped' : 'failed';
}

/** Creates the store of one mounted exercise. Call `load()` once storage may be read. */
export function createExerciseStore(options: ExerciseStoreOptions): StoreApi<ExerciseState> {
  const { exercise, runner, storage, checkRegistry, onPass } = options;
  const checker: ExerciseChecker =
    options.checker ?? (async (checks, outcome, expected) => runChecks(checks, outcome, expected, checkRegistry));
  const saveDelayMs = options.draftSaveDelayMs ?? 300;
  let handle: CodeRunHandle | null = null;
  let pendingDraft: { timer: ReturnType<typeof setTimeout>; code: string } | null = null;

  const saveDraft = (code: string) =>
    writeStored(storage, draftKey(exercise.id), code === exercise.starter ? null : code);
  const flushDraft = () => {
    if (!pendingDraft) return;
    clearTimeout(pendingDraft.timer);
    saveDraft(pendingDraft.code);
    pendingDraft = null;
  };
  const cancelDraft = () => {
    if (pendingDraft) clearTimeout(pendingDraft.timer);
    pendingDraft = null;
  };

  return createStore<ExerciseState>()((set, get) => {
    const updateAttempts = (change: (current: ExerciseAttempts) => ExerciseAttempts) => {
      const attempts = change(get().attempts);
      set({ attempts });
      writeStored(storage, attemptsKey(exercise.id), serializeExerciseAttempts(attempts));
    };

    const finish = (report: RunReport, results: readonly CheckResult[]) => {
      const passed = allChecksPassed(results);
      const attempted = report.outcome.status === 'ok' || !NOT_AN_ATTEMPT.has(report.outcome.error.kind);
      set({
        phase: phaseAfter(report, passed),
        report,
        checks: results,
        output: { lines: report.output, truncated: report.truncated },
        error: report.outcome.status === 'error' ? report.outcome.error : null,
      });
      if (passed) onPass?.(exercise.id);
      // An exercise without checks (the code lab's scratchpads) is only run: no run is a failed attempt.
      else if (attempted && exercise.checks.length > 0)
        updateAttempts((a) => ({ ...a, failedAttempts: a.failedAttempts + 1 }));
    };

    const judge = async (report: RunReport) => {
      if (exercise.checks.length === 0) return finish(report, []);
      let results: readonly CheckResult[];
      try {
        results = await checker(exercise.checks, report.outcome, exercise.setup.expected);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        results = failAllChecks(exercise.checks, `Not checked: the checker failed (${why}).`);
      }
      finish(report, results);
    };

    return {
      code: exercise.starter,
      draftNotice: null,
      attempts: NO_ATTEMPTS,
      solutionShown: false,
      phase: 'idle',
      output: NO_OUTPUT,
      report: null,
      checks: null,
      error: null,

      load() {
        const draft = parseStoredDraft(readStored(storage, draftKey(exercise.id)));
        const attempts = parseExerciseAttempts(readStored(storage, attemptsKey(exercise.id)), exercise.hints.length);
        if (draft.kind === 'code') set({ code: draft.code, draftNotice: null, attempts });
        // The damaged copy is left where it is: only the learner's next edit or Reset replaces it.
        else if (draft.kind === 'damaged')
          set({ code: exercise.starter, draftNotice: DAMAGED_DRAFT_MESSAGE, attempts });
        else set({ attempts });
      },

      setCode(code) {
        set({ code, draftNotice: null });
        cancelDraft();
        pendingDraft = { code, timer: setTimeout(flushDraft, saveDelayMs) };
      },

      resetToStarter() {
        cancelDraft();
        writeStored(storage, draftKey(exercise.id), null);
        set({ code: exercise.starter, draftNotice: null });
      },

      async run() {
        if (handle) return false;
        set({ phase: 'running', report: null, checks: null, error: null, output: NO_OUTPUT });
        let current: CodeRunHandle;
        try {
          current = runner({
            source: get().code,
            context: exercise.setup.context,
            timeLimitMs: exercise.timeLimitMs,
            onOutput: (lines, truncated) => set({ output: { lines: [...lines], truncated } }),
          });
        } catch (error) {
          await judge(runnerFailure(error));
          return true;
        }
        handle = current;
        const report = await current.done.catch(runnerFailure);
        // The run stays in progress (a second Run refused) until its checks have answered.
        await judge(report);
        handle = null;
        return true;
      },

      stop() {
        handle?.stop();
      },

      showHint() {
        updateAttempts((a) => ({ ...a, hintsShown: Math.min(a.hintsShown + 1, exercise.hints.length) }));
      },

      showSolution() {
        set({ solutionShown: true });
      },

      dispose() {
        handle?.stop();
        flushDraft();
      },
    };
  });
}

/** Whether "Show solution" is offered: after {@link ATTEMPTS_BEFORE_SOLUTION} failed attempts. */
export function canShowSolution(state: Pick<ExerciseState, 'attempts'>): boolean {
  return state.attempts.failedAttempts >= ATTEMPTS_BEFORE_SOLUTION;
}

/** A duration as the status line shows it. */
function formatRunTime(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** The run status line under the editor ("Running…", "Finished in 12 ms: all checks pass.", "Stopped after 1.20 s."). */
export function runStatusText(state: Pick<ExerciseState, 'phase' | 'report'>): string {
  const { phase, report } = state;
  if (phase === 'running') return 'Running…';
  if (!report) return 'Not run yet.';
  const time = formatRunTime(report.wallMs);
  if (report.outcome.status === 'ok') return `Finished in ${time}${phase === 'passed' ? ': all checks pass.' : '.'}`;
  const { kind } = report.outcome.error;
  return `${kind === 'timeout' ? 'Stopped at the time limit' : kind === 'stopped' ? 'Stopped' : 'Failed'} after ${time}.`;
}

/** The error line shown to the learner: "Line 4: TypeError: …", or the message alone when there is no line. */
export function errorText(error: LearnerError): string {
  return `${error.line !== undefined ? `Line ${error.line}: ` : ''}${error.message}`;
}
