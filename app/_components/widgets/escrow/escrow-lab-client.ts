/**
 * The page's escrow lab worker: spawns the worker for the client in
 * lib/escrow-lab/escrow-lab-client.ts and keeps one client per page, shared by every escrow
 * widget. The worker starts on the first call, never on mount.
 */
import { EscrowLabClient } from '@/lib/escrow-lab/escrow-lab-client';

/** Creates the worker. Bundlers make it a classic worker (platform-pitfalls.md §8). */
function spawnEscrowLabWorker(): Worker {
  return new Worker(new URL('./escrow-lab.worker.ts', import.meta.url));
}

const client = new EscrowLabClient(spawnEscrowLabWorker);

/** Runs one escrow lab procedure in the worker (see {@link EscrowLabClient.call}). */
export const callEscrowLab: EscrowLabClient['call'] = (procedure, params) => client.call(procedure, params);

/** Frees one widget's state in the worker; a no-op when no worker was started. */
export function releaseEscrowLabScope(scope: string): void {
  client.release(scope);
}

/** A fresh id for one widget's state in the worker (getRandomValues: randomUUID needs a secure context). */
export function newEscrowLabScope(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
