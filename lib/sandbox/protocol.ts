/**
 * The messages between the page (trusted) and the learner-code runner (untrusted: a dedicated Web
 * Worker in the browser, a worker thread in Node). Everything that arrives from the runner is
 * `unknown` until `parseRunnerMessage` (protocol-schema.ts) has checked it; nothing the runner says is believed
 * beyond its shape. In particular the runner never reports whether checks passed: checks run on the
 * trusted side against the returned data (see run-checks.ts), so a forged message can at most claim
 * a result that the learner's code could have returned anyway.
 * @module
 */
/** Console levels the runner captures. */
export const CONSOLE_LEVELS = ['log', 'info', 'warn', 'error'] as const;

/** A console level the runner captures. */
export type ConsoleLevel = (typeof CONSOLE_LEVELS)[number];

/** Caps on what a run may print; past either one the rest is dropped and "output truncated" shown. */
export interface OutputLimits {
  /** Most lines kept (each console call is one line, however many newlines it holds). */
  readonly maxLines: number;
  /** Most characters kept, summed over all lines. */
  readonly maxChars: number;
}

/** The defaults: enough for any exercise, small enough that a flood cannot slow the page. */
export const DEFAULT_OUTPUT_LIMITS: OutputLimits = { maxLines: 500, maxChars: 64 * 1024 };

/** Longest single console line kept; longer ones are cut with a marker. */
export const MAX_LINE_CHARS = 8 * 1024;

/** Page → runner: run this source once. A runner serves exactly one run and is then discarded. */
export interface RunRequest {
  readonly type: 'run';
  /** Random id chosen by the page; every reply carries it. */
  readonly runId: string;
  /** The learner's TypeScript, as typed. The runner transpiles it. */
  readonly source: string;
  /** The lesson context (structured-clonable data); the learner sees it as `lesson`, frozen. */
  readonly context: unknown;
  readonly limits: OutputLimits;
}

/** Why a run did not produce a result. The first six come from the runner, the rest from the host. */
export type LearnerErrorKind =
  | 'compile' // the source does not parse
  | 'import' // an import that is not on the allowlist
  | 'runtime' // an Error was thrown
  | 'non-error-throw' // something that is not an Error was thrown (`throw 42`)
  | 'unhandled-rejection' // a promise rejected and nobody awaited it
  | 'result' // the exports could not be sent back (not structured-clonable)
  | 'timeout' // the host stopped the runner at the time limit
  | 'crashed' // the runner died (out of memory, or closed itself)
  | 'stopped' // the learner pressed Stop
  | 'internal'; // a bug on our side or a malformed message

/** An error as the learner sees it. `line` is a line of the learner's own source (1-based). */
export interface LearnerError {
  readonly kind: LearnerErrorKind;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** How a run ended. `durationMs` is the time the learner's code ran (transpiling excluded). */
export type RunOutcome =
  | { readonly status: 'ok'; readonly result: unknown; readonly durationMs: number }
  | { readonly status: 'error'; readonly error: LearnerError; readonly durationMs: number };

/** Runner → page: one captured console line. */
export interface ConsoleMessage {
  readonly type: 'console';
  readonly runId: string;
  readonly level: ConsoleLevel;
  readonly text: string;
}

/** Runner → page: output went past the limits; nothing more will be printed for this run. */
export interface OutputTruncatedMessage {
  readonly type: 'output-truncated';
  readonly runId: string;
}

/** Runner → page: the run finished. The runner sends nothing after this. */
export interface DoneMessage {
  readonly type: 'done';
  readonly runId: string;
  readonly outcome: RunOutcome;
}

/** Anything the runner may send. */
export type RunnerMessage = ConsoleMessage | OutputTruncatedMessage | DoneMessage;

/**
 * Checks a run request on the runner side, by hand: the runner bundle stays free of zod (which would
 * triple its size), and the request comes from the trusted page anyway.
 */
export function parseRunRequest(data: unknown): RunRequest {
  const d = data as Partial<Record<keyof RunRequest, unknown>> | null;
  const limits = d?.limits as Partial<Record<keyof OutputLimits, unknown>> | undefined;
  const positiveInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;
  if (
    typeof d !== 'object' ||
    d === null ||
    d.type !== 'run' ||
    typeof d.runId !== 'string' ||
    !/^[0-9a-f]{8,64}$/.test(d.runId) ||
    typeof d.source !== 'string' ||
    typeof limits !== 'object' ||
    limits === null ||
    !positiveInt(limits.maxLines) ||
    !positiveInt(limits.maxChars)
  ) {
    throw new Error('malformed run request');
  }
  return {
    type: 'run',
    runId: d.runId,
    source: d.source,
    context: d.context,
    limits: { maxLines: limits.maxLines as number, maxChars: limits.maxChars as number },
  };
}

/** A run id: 128 random bits in hex, unguessable by code that has not been sent it. */
export function newRunId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
