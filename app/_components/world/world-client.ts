'use client';
/**
 * The page's handle on the world worker (world.worker.ts). Worlds are generated, attacked, forged
 * and compared inside the worker; this client posts requests, checks every reply
 * (lib/attack-lab/world-messages.ts), reports progress and supports cancelling.
 *
 * Cancelling: pass an AbortSignal. An attack or a warrant run stops between chunks and resolves
 * with what it decided so far (`cancelled: true`). A comparison stops between its steps and rejects
 * with {@link WorldCancelledError}. World generation cannot be interrupted from inside (it is one
 * long computation), so cancelling it terminates the worker and starts a fresh one: every world
 * generated so far is then gone, and calls naming one reject with {@link WorldGoneError}.
 *
 * One client per page is enough (see {@link getWorldClient}); widgets of a lesson share it.
 *
 * @example
 * const client = getWorldClient();
 * const world = await client.generate({ seed: 'demo', mode: 'ratchet', escrow: { variant: 'single' } });
 * const result = await client.attack(world.worldId, [{ kind: 'tap-wire' }, { kind: 'steal-escrow-key', scenario: 'insider' }], {
 *   onProgress: (p) => console.log(p.done, '/', p.total),
 * });
 * console.log(result.counts.opened, 'opened in', result.timing.decryptMs, 'ms');
 */
import { DECRYPT_HELPER_PORT_MESSAGE, PARALLEL_DECRYPT_MIN_ENVELOPES } from '@/lib/attack-lab/decrypt-helper-protocol';
import type { Capability } from '@/lib/protocol/capability';
import type { Warrant } from '@/lib/protocol/warrant';
import {
  parseCapabilities,
  parseWorkerResponse,
  parseWorkerResult,
  type AttackOptions,
  type AttackResult,
  type CompareOptions,
  type ComparisonResult,
  type ForgeResult,
  type KeyRecoveryResult,
  type KeylessForgery,
  type LearnerMessage,
  type LearnerMessageResult,
  type LootResult,
  type WarrantResult,
  type WorkerProgress,
  type WorkerResults,
  type WorldGenerateOptions,
  type WorldSummary,
} from '@/lib/attack-lab/world-messages';

/** The operation was cancelled through its AbortSignal. */
export class WorldCancelledError extends Error {
  override readonly name = 'WorldCancelledError';
}

/** The world named in a call no longer exists (the worker was restarted, or it was disposed). */
export class WorldGoneError extends Error {
  override readonly name = 'WorldGoneError';
}

/** The worker reported a failure (bad input, an exception); `message` says what went wrong. */
export class WorldWorkerError extends Error {
  override readonly name = 'WorldWorkerError';
}

/** Progress callback and cancellation for a call. */
export interface CallControls {
  /** Called for each progress report (plain, checked data). */
  readonly onProgress?: (progress: WorkerProgress) => void;
  /** Abort to cancel (see the module comment for what each operation does). */
  readonly signal?: AbortSignal;
}

interface Pending {
  readonly type: keyof WorkerResults;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress?: (progress: WorkerProgress) => void;
}

/** Creates the worker. Bundlers make it a classic worker (platform-pitfalls.md §8). */
function spawnWorldWorker(): Worker {
  return new Worker(new URL('./world.worker.ts', import.meta.url), { name: 'world' });
}

/**
 * Creates the decryption helper worker (lib/attack-lab/decrypt-helper.ts) when the machine has a
 * second core for it to use; null otherwise.
 */
function spawnDecryptHelper(): Worker | null {
  if (typeof navigator !== 'undefined' && (navigator.hardwareConcurrency ?? 1) < 2) return null;
  return new Worker(new URL('./decrypt-helper.worker.ts', import.meta.url), { name: 'decrypt-helper' });
}

/** A typed, promise-based client of the world worker. */
export class WorldClient {
  private worker: Worker | null = null;
  private helper: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** World ids the current worker holds; ids from a terminated worker are not in here. */
  private readonly worlds = new Set<string>();

  /** `createWorker` and `createHelper` replace the real workers (tests). */
  constructor(
    private readonly createWorker: () => Worker = spawnWorldWorker,
    private readonly createHelper: () => Worker | null = spawnDecryptHelper,
  ) {}

  /**
   * Generates a seeded world in the worker (lib/protocol/world.ts) and resolves with its summary:
   * participants, conversations, the schedule with every text (the god view), counts, the escrow
   * arrangement's public part and the worker-measured generation time. Progress is reported at
   * the start and the end only (generation is one computation); aborting terminates the worker.
   */
  generate(options: WorldGenerateOptions, controls: CallControls = {}): Promise<WorldSummary> {
    const result = this.call('generate', { options }, controls, 'terminate');
    // Only a world big enough to be split needs the helper; it warms up while this one is generated.
    if ((options.messages ?? 0) >= PARALLEL_DECRYPT_MIN_ENVELOPES && this.worker) this.connectHelper(this.worker);
    return result.then((summary) => {
      this.worlds.add(summary.worldId);
      return summary;
    });
  }

  /**
   * Sends the learner's own message into a world through the real path: the sender's client seals
   * it (with escrow if the world has it), the relay logs it, the recipient's client opens it. The
   * two must share a conversation. Resolves with the new schedule row and the updated summary.
   */
  sendLearnerMessage(worldId: string, message: LearnerMessage): Promise<LearnerMessageResult> {
    return this.withWorld(worldId, () => this.call('send', { worldId, message }, {}, 'none'));
  }

  /**
   * Runs an attack: the capture and loot the capabilities yield, then real decryption of every
   * captured envelope in chunks (decryptCaptureInChunks), with progress after each chunk. Resolves
   * with counts, one row per envelope (opened text, or the tag failure, or no key), the loot (key
   * names and bytes), the exposure (users × conversations × time, before/after the split) and
   * worker-measured timings. Aborting stops between chunks and resolves with `cancelled: true`.
   */
  attack(worldId: string, capabilities: readonly Capability[], controls: CallControls & AttackOptions = {}): Promise<AttackResult> {
    const { onProgress, signal, ...options } = controls;
    const checked = parseCapabilities(capabilities);
    return this.withWorld(worldId, () => this.call('attack', { worldId, capabilities: checked, options }, { onProgress, signal }, 'flag'));
  }

  /**
   * What the loot capabilities among `capabilities` yield (stolen phones, escrow keys, rebuilt
   * keys), with key names and real bytes, without decrypting anything: the wallet view.
   */
  loot(worldId: string, capabilities: readonly Capability[]): Promise<LootResult> {
    const checked = parseCapabilities(capabilities);
    return this.withWorld(worldId, () => this.call('loot', { worldId, capabilities: checked }, {}, 'none'));
  }

  /**
   * The blast radius: generates three worlds from one seed (static, ratchet, ratchet with escrow),
   * runs the same attacks in each (wire; server; wire + the victim's phone at the compromise time;
   * wire + the escrow key; for split keys, one piece too few) and a forgery per cell. Every number
   * is a decryption or a tag check. Aborting rejects with {@link WorldCancelledError}.
   */
  compareWorlds(options: CompareOptions, controls: CallControls = {}): Promise<ComparisonResult> {
    return this.call('compare', { options }, controls, 'flag');
  }

  /**
   * The thief forges relay record `seq`: steals the escrow key, recovers the message's traffic key
   * from its escrow field, seals `newText` under it with the same header, and hands it to the
   * recipient's ordinary client. Without escrow (or without a blob for the stolen key) the thief
   * has no key and tries `keyless` instead (default: XOR the ciphertext knowing the old text; or
   * `'random-key'`: seal under a key of its own); the recipient's tag check decides.
   */
  forge(worldId: string, seq: number, newText: string, options: { readonly keyless?: KeylessForgery; readonly authorityId?: string } = {}): Promise<ForgeResult> {
    return this.withWorld(worldId, () => this.call('forge', { worldId, seq, newText, ...options }, {}, 'none'));
  }

  /**
   * The authority acts on a warrant: rebuilds its key from all of its agencies' pieces, takes the
   * relay's log, and decrypts with the warrant check on; with `beyond`, it also runs the same key
   * with no check over every envelope. Aborting resolves with what was decided.
   */
  openWithWarrant(worldId: string, warrant: Warrant, options: CallControls & { readonly beyond?: boolean } = {}): Promise<WarrantResult> {
    const { onProgress, signal, beyond = false } = options;
    return this.withWorld(worldId, () => this.call('warrant', { worldId, warrant, beyond }, { onProgress, signal }, 'flag'));
  }

  /**
   * A thief steals the key pieces held by `agencies` (damaging the copies from `corrupt`) and tries
   * to rebuild each authority's key; every rebuilt key is checked against its public key. Resolves
   * with the stolen pieces (bytes), the notes (what was rebuilt, which check failed) and the keys.
   */
  recoverEscrowKey(worldId: string, agencies: readonly string[], corrupt: readonly string[] = []): Promise<KeyRecoveryResult> {
    return this.withWorld(worldId, () => this.call('recover-key', { worldId, agencies: [...agencies], corrupt: [...corrupt] }, {}, 'none'));
  }

  /** Forgets a world in the worker (frees its memory). */
  async dispose(worldId: string): Promise<void> {
    if (!this.worlds.delete(worldId)) return;
    await this.call('dispose', { worldId }, {}, 'none');
  }

  /** Whether the worker still holds `worldId`. */
  has(worldId: string): boolean {
    return this.worlds.has(worldId);
  }

  /** Stops the worker; pending calls reject with {@link WorldGoneError}. The next call starts a new one. */
  terminate(): void {
    this.restart(new WorldGoneError('the world worker was stopped'));
  }

  private withWorld<T>(worldId: string, run: () => Promise<T>): Promise<T> {
    if (!this.worlds.has(worldId)) return Promise.reject(new WorldGoneError(`world '${worldId}' is gone (the worker restarted or it was disposed): generate it again`));
    return run();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event: MessageEvent<unknown>) => this.receive(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.restart(new WorldWorkerError(`the world worker failed: ${event.message || 'unknown error'}`));
    };
    worker.onmessageerror = () => this.restart(new WorldWorkerError('a message from the world worker could not be read'));
    this.worker = worker;
    return worker;
  }

  /** Starts the decryption helper, once per world worker, and gives the world worker a port to it (the two talk directly). */
  private connectHelper(worker: Worker): void {
    if (this.helper) return;
    let helper: Worker | null = null;
    try {
      helper = this.createHelper();
    } catch {
      return; // no helper: the world worker decrypts everything itself
    }
    if (!helper) return;
    helper.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      // The world worker sees its port close and decrypts the helper's half itself.
      helper?.terminate();
      if (this.helper === helper) this.helper = null;
    };
    const channel = new MessageChannel();
    helper.postMessage('connect', [channel.port2]);
    worker.postMessage(DECRYPT_HELPER_PORT_MESSAGE, [channel.port1]);
    this.helper = helper;
  }

  private restart(reason: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.helper?.terminate();
    this.helper = null;
    this.worlds.clear();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(reason);
  }

  private receive(data: unknown): void {
    let message;
    try {
      message = parseWorkerResponse(data);
    } catch (e) {
      this.restart(e instanceof Error ? e : new WorldWorkerError(String(e)));
      return;
    }
    if (message.type === 'ready') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'error') {
      pending.reject(message.name === 'WorldGoneError' ? new WorldGoneError(message.message) : message.name === 'WorldCancelledError' ? new WorldCancelledError(message.message) : new WorldWorkerError(message.message));
      return;
    }
    try {
      pending.resolve(parseWorkerResult(pending.type, message.result));
    } catch (e) {
      pending.reject(e instanceof Error ? e : new WorldWorkerError(String(e)));
    }
  }

  private call<K extends keyof WorkerResults>(
    type: K,
    body: Record<string, unknown>,
    controls: CallControls,
    onAbort: 'terminate' | 'flag' | 'none',
  ): Promise<WorkerResults[K]> {
    const { signal, onProgress } = controls;
    if (signal?.aborted) return Promise.reject(new WorldCancelledError('cancelled before it started'));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<WorkerResults[K]>((resolve, reject) => {
      const abort = () => {
        if (!this.pending.has(id)) return;
        if (onAbort === 'terminate') {
          // Generation is one long computation: only stopping the worker stops it.
          const own = this.pending.get(id)!;
          this.pending.delete(id);
          this.restart(new WorldGoneError('the world worker was restarted to cancel a generation'));
          own.reject(new WorldCancelledError('generation cancelled'));
        } else if (onAbort === 'flag') {
          this.worker?.postMessage({ type: 'cancel', id });
        }
      };
      const cleanup = () => signal?.removeEventListener('abort', abort);
      this.pending.set(id, {
        type,
        onProgress,
        resolve: (v) => {
          cleanup();
          resolve(v as WorkerResults[K]);
        },
        reject: (e) => {
          cleanup();
          reject(e);
        },
      });
      signal?.addEventListener('abort', abort);
      worker.postMessage({ type, id, ...body });
    });
  }
}

let shared: WorldClient | null = null;

/** The page's shared client (created on first use, in the browser only). */
export function getWorldClient(): WorldClient {
  shared ??= new WorldClient();
  return shared;
}
