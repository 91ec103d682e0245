/**
 * Browser glue: the script of the sandbox frame (public/sandbox/frame.html, bundled by
 * scripts/build-sandbox-runner.ts and inlined into it). The page embeds the frame with
 * `sandbox="allow-scripts"`, so it has an opaque origin and Chromium gives it its own renderer
 * process: learner code that exhausts memory kills this process, not the page's tab.
 *
 * The frame starts one dedicated worker per run from a blob: URL of the runner bundle (an opaque
 * origin cannot load a worker script from the app's origin), so the workers inherit this document's
 * CSP (next.config.js, `/sandbox/:path*`): no network, no script URL at all (this script is inline,
 * allowed by its hash). It relays what
 * the workers post to the page over the port the page handed it, and terminates a worker when the
 * page says its run has ended. Its own main thread runs no learner code, so it always answers pings.
 * @module
 */
import { CONNECT_MESSAGE, parsePageMessage, type FrameToPageMessage } from '../sandbox/frame-messages';
import { runnerMessageBudgetMessage } from '../sandbox/value-budget';

/** The runner bundle (lib/browser/runner-worker-entry.ts), inlined at build time. */
declare const RUNNER_SOURCE: string;

const runnerUrl = URL.createObjectURL(new Blob([RUNNER_SOURCE], { type: 'text/javascript' }));
const workers = new Map<string, Worker>();
let spare: Worker | undefined;
let port: MessagePort | undefined;

function startWorker(): Worker {
  return new Worker(runnerUrl, { name: 'learner-code' });
}

function send(message: FrameToPageMessage): void {
  port?.postMessage(message);
}

function start(request: { readonly runId: string }): void {
  const { runId } = request;
  workers.get(runId)?.terminate();
  const worker = spare ?? startWorker();
  spare = undefined;
  workers.set(runId, worker);
  worker.onmessage = (event: MessageEvent<unknown>) => {
    // The size budget is enforced here, in this frame's own realm that no learner code has touched
    // (the runner checks it too, but learner code shares the runner's realm): an oversized value
    // ends the run and never reaches the page, whose main thread would freeze while cloning it.
    const refusal = runnerMessageBudgetMessage(event.data);
    if (refusal === undefined) return send({ type: 'runner', runId, message: event.data });
    end(runId);
    send({ type: 'refused', runId, message: refusal });
  };
  worker.onmessageerror = () => send({ type: 'worker-failed', runId, reason: 'messageerror' });
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    send({ type: 'worker-failed', runId, reason: 'error' });
  };
  worker.postMessage(request);
}

function end(runId: string): void {
  workers.get(runId)?.terminate();
  workers.delete(runId);
  // The next run gets a worker no earlier code has touched, already loaded.
  spare ??= startWorker();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  // Only the embedding page may connect, once.
  if (port || event.source !== window.parent || event.data !== CONNECT_MESSAGE || !event.ports[0]) return;
  port = event.ports[0];
  port.onmessage = (message: MessageEvent<unknown>) => {
    const parsed = parsePageMessage(message.data);
    if (!parsed) return;
    if (parsed.type === 'ping') send({ type: 'pong', seq: parsed.seq });
    else if (parsed.type === 'start') start(parsed.request);
    else end(parsed.runId);
  };
  spare = startWorker();
  send({ type: 'ready' });
});
