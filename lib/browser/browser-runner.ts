/**
 * Browser glue: runs learner code in a fresh dedicated Web Worker inside the sandbox frame (see
 * sandbox-frame.ts: an opaque-origin iframe with its own renderer process) and enforces the time
 * limit from the page: at the limit the frame terminates the worker, which stops even a
 * `while (true) {}` that never yields. Each run gets a worker no earlier code has touched; the frame
 * keeps one idle worker ready so a run does not wait for the runner script.
 * @module
 */
import {
  CRASHED_MESSAGE,
  RunCollector,
  timeLimitMessage,
  type OutputLine,
  type RunReport,
} from '../sandbox/run-collector';
import { DEFAULT_OUTPUT_LIMITS, newRunId, type OutputLimits, type RunRequest } from '../sandbox/protocol';
import { SandboxFrame } from './sandbox-frame';

/** Default time limit for a run in the browser. */
export const DEFAULT_BROWSER_TIME_LIMIT_MS = 3000;

/** The message for a sandbox frame that never came up. */
const SANDBOX_DID_NOT_START_MESSAGE =
  'The code sandbox did not start, so your code did not run. Reload the page and try again.';

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

let frame: SandboxFrame | undefined;

function currentFrame(): SandboxFrame {
  if (!frame || frame.isLost) {
    frame = new SandboxFrame((lost) => {
      if (frame === lost) frame = undefined;
    });
  }
  return frame;
}

/** Starts the sandbox frame (and its idle worker) if there is none, so the next run starts at once. */
export function warmUpRunner(): void {
  if (typeof document === 'undefined') return;
  currentFrame();
}

/** Runs `source` once in a fresh worker of the sandbox frame. */
export function runInBrowserWorker(options: BrowserRunOptions): BrowserRunHandle {
  const limits = options.limits ?? DEFAULT_OUTPUT_LIMITS;
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_BROWSER_TIME_LIMIT_MS;
  const request: RunRequest = {
    type: 'run',
    runId: newRunId(),
    source: options.source,
    context: options.context,
    limits,
  };
  const host = currentFrame();
  const collector = new RunCollector(request.runId, limits);
  let frameRequest: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let resolveDone!: (report: RunReport) => void;
  const done = new Promise<RunReport>((resolve) => {
    resolveDone = resolve;
  });

  const flushOutput = () => {
    frameRequest = undefined;
    options.onOutput?.(collector.output, collector.truncated);
  };
  const scheduleOutput = () => {
    if (frameRequest === undefined && options.onOutput) frameRequest = requestAnimationFrame(flushOutput);
  };
  let finished = false;
  const finish = (report: RunReport) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    host.end(request.runId);
    if (frameRequest !== undefined) cancelAnimationFrame(frameRequest);
    options.onOutput?.(report.output, report.truncated);
    resolveDone(report);
  };

  host.start(request, {
    // The time limit counts from when the frame takes the run, not while the frame is still loading.
    onStarted: () => {
      timer = setTimeout(() => {
        // A frame that died mid-run ends this run (as crashed) through onFrameLost.
        if (host.confirmAlive()) finish(collector.end({ kind: 'timeout', message: timeLimitMessage(timeLimitMs) }));
      }, timeLimitMs);
    },
    onStartFailed: (reason) =>
      finish(
        collector.end({ kind: 'internal', message: `The lesson context could not be sent to the sandbox: ${reason}` }),
      ),
    onRunnerMessage: (message) => {
      const what = collector.accept(message);
      if (what === 'done' && collector.report) finish(collector.report);
      else if (what === 'line' || what === 'truncated') scheduleOutput();
    },
    onRefused: (message) => finish(collector.end({ kind: 'result', message })),
    onWorkerFailed: (reason) =>
      finish(
        reason === 'messageerror'
          ? collector.end({ kind: 'internal', message: 'The sandbox sent a message that could not be read.' })
          : // The runner catches everything learner code throws, so an error event means the worker
            // itself failed: its script did not load, or it ran out of memory.
            collector.end({ kind: 'crashed', message: CRASHED_MESSAGE }),
      ),
    onFrameLost: (loss) =>
      finish(
        collector.end(
          loss === 'crashed'
            ? { kind: 'crashed', message: CRASHED_MESSAGE }
            : { kind: 'internal', message: SANDBOX_DID_NOT_START_MESSAGE },
        ),
      ),
  });

  return {
    done,
    stop: () => finish(collector.end({ kind: 'stopped', message: 'Stopped: you pressed Stop.' })),
  };
}
