/**
 * Browser glue: the entry of the learner-code Web Worker, bundled by scripts/build-sandbox-runner.ts
 * and inlined into the sandbox frame's script, which starts it from a blob: URL (so it runs under the
 * frame's CSP, in the frame's process). One worker serves one run: it waits for a single `run`
 * request, locks the scope down, runs the program, posts `done`, and is then terminated.
 * @module
 */
import { createModuleTable } from '../sandbox/allowed-modules';
import { parseRunRequest, type RunnerMessage } from '../sandbox/protocol';
import { runLearnerRequest, UnhandledProblems } from '../sandbox/runner-core';
import { lockDownWorkerScope } from '../sandbox/worker-prelude';

/** The slice of DedicatedWorkerGlobalScope this entry uses (the project's TS lib is `dom`, not `webworker`). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const post = lockDownWorkerScope(globalThis);
const modules = createModuleTable();
const unhandled = new UnhandledProblems();

scope.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  unhandled.recordRejection(event.reason);
});
scope.addEventListener('error', (event) => {
  event.preventDefault();
  unhandled.recordUncaught(event.error ?? new Error(String(event.message)));
});

let started = false;
scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (started) return; // one run per worker; later messages (from anyone) are ignored
  started = true;
  let request;
  try {
    request = parseRunRequest(event.data);
  } catch (error) {
    post({
      type: 'done',
      runId:
        typeof (event.data as { runId?: unknown })?.runId === 'string'
          ? (event.data as { runId: string }).runId
          : 'invalid-run-id',
      outcome: {
        status: 'error',
        durationMs: 0,
        error: { kind: 'internal', message: error instanceof Error ? error.message : 'malformed request' },
      },
    } satisfies RunnerMessage);
    return;
  }
  void runLearnerRequest(request, {
    modules,
    post: (message) => post(message),
    unhandled,
    installConsole: (learnerConsole) => {
      Object.defineProperty(globalThis, 'console', { value: learnerConsole, writable: false, configurable: false });
    },
  });
});
