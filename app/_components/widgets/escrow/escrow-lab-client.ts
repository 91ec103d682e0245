/**
 * The page's side of the escrow lab worker: one worker per page, started on the first call (never
 * on mount), requests matched to replies by id. Each call is timed with the User Timing API
 * (`escrow-lab:<kind>` measures), so its cost can be read in the browser's performance panel.
 */
import {
  parseEscrowLabResponse,
  type EscrowLabReplies,
  type EscrowLabRequestKind,
  type EscrowLabRequestOf,
} from '@/lib/escrow-lab/escrow-lab-messages';

/** A call the worker refused or could not run; the message is learner-facing. */
export class EscrowLabCallError extends Error {
  override readonly name = 'EscrowLabCallError';
}

interface Pending {
  readonly kind: EscrowLabRequestKind;
  readonly started: number;
  resolve(reply: unknown): void;
  reject(error: Error): void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  for (const p of pending.values()) p.reject(new EscrowLabCallError(message));
  pending.clear();
  worker?.terminate();
  worker = null;
}

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./escrow-lab.worker.ts', import.meta.url));
  w.onmessage = (event: MessageEvent<unknown>) => {
    const response = parseEscrowLabResponse(event.data);
    if (!response) return;
    const p = pending.get(response.id);
    if (!p) return;
    pending.delete(response.id);
    try {
      performance.measure(`escrow-lab:${p.kind}`, { start: p.started, end: performance.now() });
    } catch {
      // Timing is a convenience; an old browser without measure options must not break the call.
    }
    if (response.ok && response.kind === p.kind) p.resolve(response.reply);
    else p.reject(new EscrowLabCallError(response.ok ? 'The lab worker answered a different request.' : response.error));
  };
  w.onerror = (event) => {
    event.preventDefault();
    failAll(`The lab's worker stopped: ${event.message || 'it could not be loaded'}. Reload the page to try again.`);
  };
  worker = w;
  return w;
}

/** Runs one escrow lab request in the worker. Rejects with {@link EscrowLabCallError} on refusal. */
export function callEscrowLab<K extends EscrowLabRequestKind>(request: EscrowLabRequestOf<K>): Promise<EscrowLabReplies[K]> {
  const id = nextId++;
  return new Promise<EscrowLabReplies[K]>((resolve, reject) => {
    pending.set(id, { kind: request.kind, started: performance.now(), resolve: resolve as (r: unknown) => void, reject });
    getWorker().postMessage({ id, request });
  });
}

/**
 * Frees one widget's state in the worker (the widget unmounted). A worker that was never started
 * holds nothing, so this does not start one.
 */
export function releaseEscrowLabScope(scope: string): void {
  if (!worker) return;
  callEscrowLab({ kind: 'release', scope }).catch(() => undefined);
}

/** A fresh id for one widget's state in the worker (getRandomValues: randomUUID needs a secure context). */
export function newEscrowLabScope(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
