/**
 * A world client for Node tests: a real WorldHost (lib/attack-lab/world-host.ts) in the same
 * process, spoken to with the worker's own messages (structured-cloned both ways, every reply
 * checked as the page checks it). The one place that knows the host's message protocol, so it can
 * be swapped for the worker RPC's in-process client in one edit.
 */
import type { Capability } from '@/lib/protocol/capability';
import { WorldHost } from '@/lib/attack-lab/world-host';
import { parseWorkerResponse, parseWorkerResult, type WorkerProgress, type WorkerResults } from '@/lib/attack-lab/world-messages';
import type { AttackWorldClient } from './attack-console-store';

interface Pending {
  readonly type: keyof WorkerResults;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (progress: WorkerProgress) => void;
}

/** The client, plus `forgetWorlds()` to act out a worker restart (every world id is then gone). */
export interface InProcessWorldClient extends AttackWorldClient {
  forgetWorlds(): void;
}

/** A client whose worker is a WorldHost in this process. */
export function inProcessWorldClient(): InProcessWorldClient {
  const pending = new Map<number, Pending>();
  let worlds = new Set<string>();
  let nextId = 1;
  let host = startHost();

  function startHost(): WorldHost {
    return new WorldHost(
      (raw) => {
        const message = parseWorkerResponse(structuredClone(raw));
        if (message.type === 'ready') return;
        const call = pending.get(message.id);
        if (!call) return;
        if (message.type === 'progress') return call.onProgress?.(message.progress);
        pending.delete(message.id);
        if (message.type === 'error') call.reject(Object.assign(new Error(message.message), { name: message.name }));
        else call.resolve(parseWorkerResult(call.type, message.result));
      },
      () => new Promise((resolve) => setImmediate(resolve)),
    );
  }

  function call<K extends keyof WorkerResults>(type: K, body: Record<string, unknown>, controls: { onProgress?: (p: WorkerProgress) => void; signal?: AbortSignal } = {}): Promise<WorkerResults[K]> {
    const id = nextId++;
    const { onProgress, signal } = controls;
    return new Promise<WorkerResults[K]>((resolve, reject) => {
      pending.set(id, { type, resolve: (v) => resolve(v as WorkerResults[K]), reject, ...(onProgress ? { onProgress } : {}) });
      signal?.addEventListener('abort', () => host.receive({ type: 'cancel', id }));
      host.receive(structuredClone({ type, id, ...body }));
    });
  }

  const known = <T>(worldId: string, run: () => Promise<T>) => (worlds.has(worldId) ? run() : Promise.reject(new Error(`world '${worldId}' is gone`)));

  return {
    async generate(options) {
      const world = await call('generate', { options });
      worlds.add(world.worldId);
      return world;
    },
    has: (worldId) => worlds.has(worldId),
    sendLearnerMessage: (worldId, message) => known(worldId, () => call('send', { worldId, message })),
    loot: (worldId, capabilities: readonly Capability[]) => known(worldId, () => call('loot', { worldId, capabilities })),
    attack: (worldId, capabilities, { onProgress, signal, ...options }) =>
      known(worldId, () => call('attack', { worldId, capabilities, options }, { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) })),
    forgetWorlds() {
      worlds = new Set();
      host = startHost();
    },
  };
}
