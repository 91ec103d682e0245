/**
 * Browser glue: runs learner code in a fresh dedicated Web Worker (public/sandbox/runner.js, served
 * with its own CSP) and enforces the time limit from the page with `worker.terminate()`, which stops
 * even a `while (true) {}` that never yields. Each run gets a worker no earlier code has touched; to
 * hide the start-up cost, one idle worker is started ahead of time (it has run nothing yet).
 * @module
 */
import { CRASHED_MESSAGE, RunCollector, timeLimitMessage, type OutputLine, type RunReport } from './run-collector';
import { DEFAULT_OUTPUT_LIMITS, newRunId, type OutputLimits, type RunRequest } from './protocol';

/** Where the runner bundle is served. */
export const RUNNER_URL = '/sandbox/runner.js';

/** Default time limit for a run in the browser. */
export const DEFAULT_BROWSER_TIME_LIMIT_MS = 3000;

/** Options for {@link runInBrowserWorker}. */
export interface BrowserRunOptions {
  readonly source: string;
  /** The lesson context (structured-clonable). */
  readonly context: unknown;
  readonly timeLimitMs?: number;
  readonly limits?: OutputLimits;
  /** Called at most once per animation frame with all output so far. */
  readonly onOutput?: (lines: readonly OutputLine[], truncated: boolean) => void;
}

/** A run in progress. */
export interface BrowserRunHandle {
  /** Resolves when the run ends for any reason; never rejects. */
  readonly done: Promise<RunReport>;
  /** Terminates the worker now; the report says the learner stopped it. */
  stop(): void;
}

let spare: Worker | undefined;

function startWorker(): Worker {
  return new Worker(RUNNER_URL, { name: 'learner-code' });
}

/** Starts the idle spare worker if there is none, so the next run starts without loading the script. */
export function warmUpRunner(): void {
  if (typeof Worker === 'undefined') return;
  spare ??= startWorker();
}

/** Terminates the spare worker (e.g. when the last exercise on the page unmounts). */
export function disposeSpareRunner(): void {
  spare?.terminate();
  spare = undefined;
}

function takeWorker(): Worker {
  const worker = spare ?? startWorker();
  spare = undefined;
  return worker;
}

/** Runs `source` once in a fresh worker. */
export function runInBrowserWorker(options: BrowserRunOptions): BrowserRunHandle {
  const limits = options.limits ?? DEFAULT_OUTPUT_LIMITS;
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_BROWSER_TIME_LIMIT_MS;
  const request: RunRequest = { type: 'run', runId: newRunId(), source: options.source, context: options.context, limits };
  const worker = takeWorker();
  const collector = new RunCollector(request.runId, limits);
  let frame: number | undefined;
  let resolveDone!: (report: RunReport) => void;
  const done = new Promise<RunReport>((resolve) => {
    resolveDone = resolve;
  });

  const flushOutput = () => {
    frame = undefined;
    options.onOutput?.(collector.output, collector.truncated);
  };
  const scheduleOutput = () => {
    if (frame === undefined && options.onOutput) frame = requestAnimationFrame(flushOutput);
  };
  let finished = false;
  const finish = (report: RunReport) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    worker.terminate();
    if (frame !== undefined) cancelAnimationFrame(frame);
    options.onOutput?.(report.output, report.truncated);
    resolveDone(report);
    warmUpRunner();
  };

  worker.onmessage = (event: MessageEvent<unknown>) => {
    const what = collector.accept(event.data);
    if (what === 'done' && collector.report) finish(collector.report);
    else if (what === 'line' || what === 'truncated') scheduleOutput();
  };
  worker.onmessageerror = () => finish(collector.end({ kind: 'internal', message: 'The sandbox sent a message that could not be read.' }));
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    // The runner catches everything learner code throws, so an error event here means the worker
    // itself failed: its script did not load, or it ran out of memory.
    finish(collector.end({ kind: 'crashed', message: CRASHED_MESSAGE }));
  };
  const timer = setTimeout(() => finish(collector.end({ kind: 'timeout', message: timeLimitMessage(timeLimitMs) })), timeLimitMs);
  try {
    worker.postMessage(request);
  } catch (error) {
    finish(collector.end({ kind: 'internal', message: `The lesson context could not be sent to the sandbox: ${error instanceof Error ? error.message : String(error)}` }));
  }

  return {
    done,
    stop: () => finish(collector.end({ kind: 'stopped', message: 'Stopped: you pressed Stop.' })),
  };
}
