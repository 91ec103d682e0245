/**
 * The page's handle on the world worker: a typed client of the world contract (world-messages.ts)
 * over lib/worker-rpc, which checks every reply and progress report. Worlds are generated,
 * attacked, forged and compared inside the worker. Framework-free: the page supplies the workers
 * (app/_components/world/world-client.ts spawns them; Node tests pass in-process endpoints).
 *
 * Cancelling: pass an AbortSignal. An attack stops between chunks and resolves with what it
 * decided so far (`cancelled: true`). A comparison stops between its steps and rejects with
 * {@link CancelledError}. World generation cannot be interrupted from inside (it is one long
 * computation), so cancelling it terminates the worker and starts a fresh one: every world
 * generated so far is then gone, and calls naming one reject with {@link WorldGoneError}.
 *
 * @example
 * const world = await client.generate({ seed: 'demo', mode: 'ratchet', escrow: { variant: 'single' } });
 * const result = await client.attack(world.worldId, [{ kind: 'tap-wire' }, { kind: 'steal-escrow-key', scenario: 'insider' }], {
 *   onProgress: (p) => console.log(p.done, '/', p.total),
 * });
 * console.log(result.counts.opened, 'opened in', result.timing.decryptMs, 'ms');
 */
import type { Capability } from '@/lib/protocol/capability';
import type { ForgeResult, KeylessForgery } from '@/lib/scenarios/forgery';
import type { WorkerProgress } from '@/lib/scenarios/run-controls';
import type { CompareOptions, ComparisonResult } from '@/lib/scenarios/three-worlds';
import { RpcClient } from '@/lib/worker-rpc/rpc-client';
import type { RpcEndpoint } from '@/lib/worker-rpc/rpc-endpoint';
import { CancelledError, WorldGoneError } from '@/lib/worker-rpc/rpc-error';
import { DECRYPT_HELPER_PORT_MESSAGE, PARALLEL_DECRYPT_MIN_ENVELOPES } from './decrypt-helper-protocol';
import {
  parseCapabilities,
  worldContract,
  type AttackOptions,
  type AttackResult,
  type LearnerMessage,
  type LearnerMessageResult,
  type LootResult,
  type WorldGenerateOptions,
  type WorldSummary,
} from './world-messages';

/** A worker as the client uses it (a `Worker` fits). */
export interface WorkerEndpoint extends RpcEndpoint {
  terminate(): void;
}

/** Progress callback and cancellation for a call. */
export interface CallControls {
  /** Called for each progress report (plain, checked data). */
  readonly onProgress?: (progress: WorkerProgress) => void;
  /** Abort to cancel (see the module comment for what each operation does). */
  readonly signal?: AbortSignal;
}

/** A call's progress callback and signal as the RPC's call options (each left out when absent, not set to undefined). */
function callOptions(onProgress?: CallControls['onProgress'], signal?: AbortSignal): CallControls {
  return { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) };
}

/** A typed, promise-based client of the world worker. */
export class WorldClient {
  private worker: WorkerEndpoint | null = null;
  private rpc: RpcClient<typeof worldContract> | null = null;
  private helper: WorkerEndpoint | null = null;
  /** World ids the current worker holds; ids from a terminated worker are not in here. */
  private readonly worlds = new Set<string>();

  /** `createHelper` returns null where a helper would not help (one core). */
  constructor(
    private readonly createWorker: () => WorkerEndpoint,
    private readonly createHelper: () => WorkerEndpoint | null = () => null,
  ) {}

  /**
   * Generates a seeded world in the worker (lib/protocol/world.ts) and resolves with its summary:
   * participants, conversations, the schedule with every text (the god view), counts, the escrow
   * arrangement's public part and the worker-measured generation time. Progress is reported at
   * the start and the end only (generation is one computation); aborting terminates the worker.
   */
  async generate(options: WorldGenerateOptions, controls: CallControls = {}): Promise<WorldSummary> {
    const { signal, onProgress } = controls;
    if (signal?.aborted) throw new CancelledError('cancelled before it started');
    const rpc = this.ensureWorker();
    // Only a world big enough to be split needs the helper; it warms up while this one is generated.
    if ((options.messages ?? 0) >= PARALLEL_DECRYPT_MIN_ENVELOPES && this.worker) this.connectHelper(this.worker);
    // Generation is one long computation: only stopping the worker stops it.
    let cancel: (() => void) | undefined;
    const cancelled = new Promise<never>((_, reject) => {
      cancel = () => {
        reject(new CancelledError('generation cancelled')); // first, so it wins the race below
        this.restart();
      };
    });
    signal?.addEventListener('abort', cancel!);
    try {
      const summary = await Promise.race([rpc.call('generate', { options }, callOptions(onProgress)), cancelled]);
      this.worlds.add(summary.worldId);
      return summary;
    } finally {
      signal?.removeEventListener('abort', cancel!);
    }
  }

  /**
   * Sends the learner's own message into a world through the real path: the sender's client seals
   * it (with escrow if the world has it), the relay logs it, the recipient's client opens it. The
   * two must share a conversation. Resolves with the new schedule row and the updated summary.
   */
  sendLearnerMessage(worldId: string, message: LearnerMessage): Promise<LearnerMessageResult> {
    return this.withWorld(worldId, (rpc) => rpc.call('send', { worldId, message }));
  }

  /**
   * Runs an attack: the capture and loot the capabilities yield, then real decryption of every
   * captured envelope in chunks, with progress after each chunk. Resolves with counts, one row per
   * envelope, the loot (key names and bytes), the exposure and worker-measured timings. Aborting
   * stops between chunks and resolves with `cancelled: true`.
   */
  attack(
    worldId: string,
    capabilities: readonly Capability[],
    controls: CallControls & AttackOptions = {},
  ): Promise<AttackResult> {
    const { onProgress, signal, ...options } = controls;
    const checked = parseCapabilities(capabilities);
    return this.withWorld(worldId, (rpc) =>
      rpc.call('attack', { worldId, capabilities: checked, options }, callOptions(onProgress, signal)),
    );
  }

  /** What the loot capabilities among `capabilities` yield, with key names and real bytes, without decrypting anything: the wallet view. */
  loot(worldId: string, capabilities: readonly Capability[]): Promise<LootResult> {
    const checked = parseCapabilities(capabilities);
    return this.withWorld(worldId, (rpc) => rpc.call('loot', { worldId, capabilities: checked }));
  }

  /**
   * The blast radius: generates three worlds from one seed (static, ratchet, ratchet with escrow),
   * runs the same attacks in each and a forgery per cell. Every number is a decryption or a tag
   * check. Aborting rejects with {@link CancelledError}.
   */
  compareWorlds(options: CompareOptions, controls: CallControls = {}): Promise<ComparisonResult> {
    return this.ensureWorker().call('compare', { options }, callOptions(controls.onProgress, controls.signal));
  }

  /**
   * The thief forges relay record `seq`: steals the escrow key, recovers the message's traffic key
   * from its escrow field, seals `newText` under it with the same header, and hands it to the
   * recipient's ordinary client. Without escrow the thief has no key and tries `keyless` instead
   * (default: XOR the ciphertext knowing the old text; or `'random-key'`); the recipient's tag check decides.
   */
  forge(
    worldId: string,
    seq: number,
    newText: string,
    options: { readonly keyless?: KeylessForgery; readonly authorityId?: string } = {},
  ): Promise<ForgeResult> {
    return this.withWorld(worldId, (rpc) => rpc.call('forge', { worldId, seq, newText, ...options }));
  }

  /** Forgets a world in the worker (frees its memory). */
  async dispose(worldId: string): Promise<void> {
    if (!this.worlds.delete(worldId) || !this.rpc) return;
    await this.rpc.call('dispose', { worldId });
  }

  /** Whether the worker still holds `worldId`. */
  has(worldId: string): boolean {
    return this.worlds.has(worldId);
  }

  /** Stops the worker; pending calls reject with {@link WorldGoneError}. The next call starts a new one. */
  terminate(): void {
    this.restart();
  }

  private withWorld<T>(worldId: string, run: (rpc: RpcClient<typeof worldContract>) => Promise<T>): Promise<T> {
    if (!this.worlds.has(worldId) || !this.rpc)
      return Promise.reject(
        new WorldGoneError(`world '${worldId}' is gone (the worker restarted or it was disposed): generate it again`),
      );
    return run(this.rpc);
  }

  private ensureWorker(): RpcClient<typeof worldContract> {
    if (this.rpc) return this.rpc;
    const worker = this.createWorker();
    const rpc = new RpcClient(worldContract, worker);
    this.worker = worker;
    this.rpc = rpc;
    // A worker that died (error event) takes its worlds with it.
    worker.addEventListener('error', () => {
      if (this.rpc === rpc) this.restart();
    });
    return rpc;
  }

  /** Starts the decryption helper, once per world worker, and gives the world worker a port to it (the two talk directly). */
  private connectHelper(worker: WorkerEndpoint): void {
    if (this.helper) return;
    let helper: WorkerEndpoint | null = null;
    try {
      helper = this.createHelper();
    } catch {
      return; // no helper: the world worker decrypts everything itself
    }
    if (!helper) return;
    const own = helper;
    own.addEventListener('error', (event) => {
      event.preventDefault?.();
      // The world worker sees its port close and decrypts the helper's half itself.
      own.terminate();
      if (this.helper === own) this.helper = null;
    });
    const channel = new MessageChannel();
    own.postMessage('connect', [channel.port2]);
    worker.postMessage(DECRYPT_HELPER_PORT_MESSAGE, [channel.port1]);
    this.helper = own;
  }

  private restart(): void {
    const rpc = this.rpc;
    this.worker?.terminate();
    this.worker = null;
    this.rpc = null;
    this.helper?.terminate();
    this.helper = null;
    this.worlds.clear();
    rpc?.close(new WorldGoneError('the world worker was stopped: generate the world again'));
  }
}
