'use client';
/**
 * The page's world worker: spawns the world worker and its decryption helper for the client in
 * lib/attack-lab/world-client.ts, and keeps one client per page ({@link getWorldClient}); widgets
 * of a lesson share it.
 */
import { WorldClient, type WorkerEndpoint } from '@/lib/attack-lab/world-client';

/** Creates the worker. Bundlers make it a classic worker (platform-pitfalls.md §8). */
function spawnWorldWorker(): WorkerEndpoint {
  return new Worker(new URL('./world.worker.ts', import.meta.url), { name: 'world' });
}

/**
 * Creates the decryption helper worker (lib/attack-lab/decrypt-helper.ts) when the machine has a
 * second core for it to use; null otherwise.
 */
function spawnDecryptHelper(): WorkerEndpoint | null {
  if (typeof navigator !== 'undefined' && (navigator.hardwareConcurrency ?? 1) < 2) return null;
  return new Worker(new URL('./decrypt-helper.worker.ts', import.meta.url), { name: 'decrypt-helper' });
}

let shared: WorldClient | null = null;

/** The page's shared client (created on first use, in the browser only). */
export function getWorldClient(): WorldClient {
  shared ??= new WorldClient(spawnWorldWorker, spawnDecryptHelper);
  return shared;
}
