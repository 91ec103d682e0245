/**
 * Runs learner code in Node through the same runner core and message protocol the browser uses, in a
 * fresh worker thread per run with a time limit and a heap cap. The lesson validator uses it to prove
 * that each exercise's solution passes its checks and its starter does not.
 *
 * The worker's code is bundled from node-runner-entry.ts with esbuild on first use (about 0.2 s),
 * so it needs the dev dependency esbuild; it is meant for scripts and tests, not for the app.
 * @module
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { CRASHED_MESSAGE, RunCollector, timeLimitMessage, type RunReport } from './run-collector';
import { DEFAULT_OUTPUT_LIMITS, newRunId, type OutputLimits, type RunRequest } from './protocol';

/** Options for {@link runInNode}. */
export interface NodeRunOptions {
  /** Wall-clock limit including the worker's start (default 3000 ms, as in the browser). */
  readonly timeLimitMs?: number;
  readonly limits?: OutputLimits;
  /** Old-generation heap cap for the worker (default 256 MB). */
  readonly memoryLimitMb?: number;
}

/** Default time limit for a run, in the browser and in Node. */
const DEFAULT_TIME_LIMIT_MS = 3000;

let bundled: Promise<string> | undefined;

/** The worker's code: node-runner-entry.ts and its imports, bundled as one CommonJS script. */
function runnerCode(): Promise<string> {
  bundled ??= (async () => {
    const esbuild = await import('esbuild');
    const entry = fileURLToPath(new URL('./node-runner-entry.ts', import.meta.url));
    const out = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const file = out.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output for the Node runner');
    return file.text;
  })();
  return bundled;
}

/** Runs `source` with `context` as the lesson context; resolves with the report, never rejects on learner errors. */
export async function runInNode(source: string, context: unknown, options: NodeRunOptions = {}): Promise<RunReport> {
  const code = await runnerCode();
  const limits = options.limits ?? DEFAULT_OUTPUT_LIMITS;
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const request: RunRequest = { type: 'run', runId: newRunId(), source, context, limits };
  const collector = new RunCollector(request.runId, limits);

  return new Promise<RunReport>((resolve) => {
    const worker = new Worker(code, {
      eval: true,
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb ?? 256 },
      stdout: true,
      stderr: true,
    });
    const finish = (report: RunReport) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(report);
    };
    const timer = setTimeout(
      () => finish(collector.end({ kind: 'timeout', message: timeLimitMessage(timeLimitMs) })),
      timeLimitMs,
    );
    worker.on('message', (data: unknown) => {
      if (collector.accept(data) === 'done' && collector.report) finish(collector.report);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const message =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? CRASHED_MESSAGE : `${CRASHED_MESSAGE} (${error.message})`;
      finish(collector.end({ kind: 'crashed', message }));
    });
    worker.on('exit', () => finish(collector.end({ kind: 'crashed', message: CRASHED_MESSAGE })));
  });
}
