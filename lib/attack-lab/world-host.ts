/**
 * The worker side of the world contract (world-messages.ts): holds generated worlds by id and
 * answers each procedure with a handler typed from the contract, served by lib/worker-rpc (which
 * checks every request before a handler sees it and every result before it is posted).
 * Framework-free and DOM-free so Node tests drive it directly; app/_components/world/world.worker.ts
 * only wires it to `self`.
 *
 * Calls run concurrently; a long run pauses between chunks, which is when a cancel for it gets in.
 * @module
 */
import { csprng } from '@/lib/crypto/random';
import { lootFor } from '@/lib/protocol/capability';
import { generateWorld, type World } from '@/lib/protocol/world';
import type { RpcEndpoint } from '@/lib/worker-rpc/rpc-endpoint';
import { RpcError, WorldGoneError, type RpcErrorCode } from '@/lib/worker-rpc/rpc-error';
import { serveContract, type HandlersOf, type RpcHost, type ServeOptions } from '@/lib/worker-rpc/rpc-host';
import { describeLoot, runAttackInChunks } from './attack-run';
import type { DecryptControls, DecryptHelper } from './decrypt-with-pauses';
import { forgeCapturedMessage } from '@/lib/scenarios/forgery';
import { appendLearnerMessage } from './learner-message';
import { RunCancelledError, type RunControls } from '@/lib/scenarios/run-controls';
import { compareThreeWorlds } from '@/lib/scenarios/three-worlds';
import { summarizeWorld } from './world-summary';
import { outcomeTable, scheduleTable, worldContract, type WorldSummary } from './world-messages';

/** The RPC code of an error a scenario threw, where it has one of its own. */
function codeFor(error: unknown): RpcErrorCode | undefined {
  return error instanceof RunCancelledError ? 'cancelled' : undefined;
}

interface HeldWorld {
  world: World;
  readonly generateMs: number;
  readonly learnerSeqs: Set<number>;
}

/** The summary as it travels: the schedule as columns. */
function summaryOnWire(summary: WorldSummary) {
  return { ...summary, schedule: scheduleTable.encode(summary.schedule) };
}

/** Holds the worker's worlds and answers the world contract's procedures. */
export class WorldHost {
  private readonly worlds = new Map<string, HeldWorld>();
  private nextWorld = 1;
  private helper: DecryptHelper | undefined;

  /** Hands large decryptions half to a helper worker from now on (decrypt-helper.ts). */
  useDecryptHelper(helper: DecryptHelper): void {
    this.helper = helper;
  }

  /** How many worlds are held (tests). */
  get size(): number {
    return this.worlds.size;
  }

  /** Answers calls on `endpoint`. A scenario stopped by a cancel crosses as the `cancelled` code. */
  serve(endpoint: RpcEndpoint, options: ServeOptions = {}): RpcHost {
    return serveContract(worldContract, this.handlers, endpoint, {
      ...options,
      codeFor: (error) => codeFor(error) ?? options.codeFor?.(error),
    });
  }

  private held(worldId: string): HeldWorld {
    const held = this.worlds.get(worldId);
    if (!held) throw new WorldGoneError(`world '${worldId}' is not in the worker: generate it again`);
    return held;
  }

  private controls(context: RunControls): DecryptControls {
    return {
      onProgress: context.onProgress,
      isCancelled: context.isCancelled,
      pause: context.pause,
      ...(this.helper ? { helper: this.helper } : {}),
    };
  }

  /** One handler per procedure of {@link worldContract}. */
  readonly handlers: HandlersOf<typeof worldContract> = {
    generate: async ({ options }, { onProgress }) => {
      const shamir = options.escrow?.shamir;
      if (shamir && shamir.threshold > shamir.shares)
        throw new RpcError('bad-request', 'escrow.shamir: the threshold cannot exceed the number of shares');
      onProgress({ phase: 'generate', done: 0, total: options.messages ?? 300, label: 'generating' });
      const t = performance.now();
      const world = await generateWorld(options);
      const generateMs = performance.now() - t;
      const worldId = `world-${this.nextWorld++}`;
      const held: HeldWorld = { world, generateMs, learnerSeqs: new Set() };
      this.worlds.set(worldId, held);
      onProgress({
        phase: 'generate',
        done: world.relay.records.length,
        total: world.relay.records.length,
        label: 'generated',
      });
      return summaryOnWire(summarizeWorld(worldId, world, held));
    },
    send: ({ worldId, message }) => {
      const held = this.held(worldId);
      const appended = appendLearnerMessage(held.world, message, csprng());
      held.world = appended.world;
      held.learnerSeqs.add(appended.seq);
      const summary = summarizeWorld(worldId, held.world, held);
      return {
        row: summary.schedule[appended.seq]!,
        delivered: appended.delivered,
        escrowed: Boolean(appended.envelope.escrow),
        ciphertext: appended.envelope.ciphertext,
        summary: summaryOnWire(summary),
      };
    },
    attack: async ({ worldId, capabilities, options }, context) => {
      const held = this.held(worldId);
      const result = await runAttackInChunks(worldId, held.world, capabilities, options, this.controls(context));
      return { ...result, rows: outcomeTable.encode(result.rows) };
    },
    loot: async ({ worldId, capabilities }) => {
      const held = this.held(worldId);
      const { loot, notes } = await lootFor(held.world, capabilities);
      return { items: describeLoot(held.world, loot), notes: notes.map((n) => ({ ...n })) };
    },
    compare: ({ options }, context) => compareThreeWorlds(options, this.controls(context)),
    forge: async ({ worldId, seq, newText, keyless, authorityId }) => {
      const held = this.held(worldId);
      const authority = authorityId ?? held.world.escrow?.authorities[0]?.id;
      const { loot } = await lootFor(held.world, [
        { kind: 'steal-escrow-key', scenario: 'breach', ...(authority ? { authorityId: authority } : {}) },
      ]);
      return forgeCapturedMessage(held.world, seq, newText, loot, {
        random: csprng(),
        ...(keyless ? { keyless } : {}),
      });
    },
    dispose: ({ worldId }) => ({ disposed: this.worlds.delete(worldId) }),
  };
}
