/**
 * The worker side of the world protocol: holds generated worlds by id and answers requests
 * (lib/attack-lab/world-messages.ts). Framework-free and DOM-free so Node tests drive it directly;
 * app/_components/world/world.worker.ts only wires it to `self`.
 *
 * Requests run concurrently; a long run pauses between chunks (`pause`), which is when a `cancel`
 * request for it gets in and sets its flag.
 * @module
 */
import { csprng } from '@/lib/crypto/random';
import { lootFor } from '@/lib/protocol/capability';
import { generateWorld, type World } from '@/lib/protocol/world';
import { describeLoot, runAttackInChunks, type RunControls } from './attack-run';
import type { DecryptHelperClient } from './decrypt-helper';
import { forgeCapturedMessage } from '@/lib/scenarios/forgery';
import { appendLearnerMessage } from './learner-message';
import { compareThreeWorlds } from '@/lib/scenarios/three-worlds';
import { runWarrant } from './warrant-run';
import { summarizeWorld } from './world-summary';
import { parseWorkerRequest, type WorkerRequest, type WorkerResponse, type WorkerResults } from './world-messages';

interface HeldWorld {
  world: World;
  readonly generateMs: number;
  readonly learnerSeqs: Set<number>;
}

/** Named so the page can tell "generate it again" apart from other failures. */
class WorldGoneError extends Error {
  override readonly name = 'WorldGoneError';
}

/** Answers world requests; `post` sends a response back to the page. */
export class WorldHost {
  private readonly worlds = new Map<string, HeldWorld>();
  private readonly cancelled = new Set<number>();
  private nextWorld = 1;
  private helper: DecryptHelperClient | undefined;

  constructor(
    private readonly post: (message: WorkerResponse) => void,
    private readonly pause: () => Promise<void>,
  ) {}

  /** Handles one incoming message (unknown until parsed). */
  receive(data: unknown): void {
    let request: WorkerRequest;
    try {
      request = parseWorkerRequest(data);
    } catch (e) {
      const id = typeof data === 'object' && data !== null && Number.isInteger((data as { id?: unknown }).id) ? (data as { id: number }).id : -1;
      this.post({ type: 'error', id, name: 'RangeError', message: e instanceof Error ? e.message : String(e) });
      return;
    }
    if (request.type === 'cancel') {
      this.cancelled.add(request.id);
      return;
    }
    void this.answer(request);
  }

  /** Hands large decryptions half to a helper worker from now on (decrypt-helper.ts). */
  useDecryptHelper(helper: DecryptHelperClient): void {
    this.helper = helper;
  }

  /** How many worlds are held (tests). */
  get size(): number {
    return this.worlds.size;
  }

  private async answer(request: Exclude<WorkerRequest, { type: 'cancel' }>): Promise<void> {
    const id = request.id;
    const controls: RunControls = {
      onProgress: (progress) => this.post({ type: 'progress', id, progress }),
      isCancelled: () => this.cancelled.has(id),
      pause: this.pause,
      ...(this.helper ? { helper: this.helper } : {}),
    };
    try {
      const result = await this.run(request, controls);
      this.post({ type: 'result', id, result });
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      this.post({ type: 'error', id, name: error.name, message: error.message });
    } finally {
      this.cancelled.delete(id);
    }
  }

  private held(worldId: string): HeldWorld {
    const held = this.worlds.get(worldId);
    if (!held) throw new WorldGoneError(`world '${worldId}' is not in the worker: generate it again`);
    return held;
  }

  private async run(request: Exclude<WorkerRequest, { type: 'cancel' }>, controls: RunControls): Promise<WorkerResults[keyof WorkerResults]> {
    switch (request.type) {
      case 'generate': {
        const shamir = request.options.escrow?.shamir;
        if (shamir && shamir.threshold > shamir.shares) throw new RangeError('escrow.shamir: the threshold cannot exceed the number of shares');
        controls.onProgress({ phase: 'generate', done: 0, total: request.options.messages ?? 300, label: 'generating' });
        const t = performance.now();
        const world = await generateWorld(request.options);
        const generateMs = performance.now() - t;
        const worldId = `world-${this.nextWorld++}`;
        const held: HeldWorld = { world, generateMs, learnerSeqs: new Set() };
        this.worlds.set(worldId, held);
        controls.onProgress({ phase: 'generate', done: world.relay.records.length, total: world.relay.records.length, label: 'generated' });
        return summarizeWorld(worldId, world, held);
      }
      case 'send': {
        const held = this.held(request.worldId);
        const appended = appendLearnerMessage(held.world, request.message, csprng());
        held.world = appended.world;
        held.learnerSeqs.add(appended.seq);
        const summary = summarizeWorld(request.worldId, held.world, held);
        return {
          row: summary.schedule[appended.seq]!,
          delivered: appended.delivered,
          escrowed: Boolean(appended.envelope.escrow),
          ciphertext: appended.envelope.ciphertext,
          summary,
        };
      }
      case 'attack': {
        const held = this.held(request.worldId);
        return runAttackInChunks(request.worldId, held.world, request.capabilities, request.options, controls);
      }
      case 'loot': {
        const held = this.held(request.worldId);
        const { loot, notes } = await lootFor(held.world, request.capabilities);
        return { items: describeLoot(held.world, loot), notes: notes.map((n) => ({ ...n })) };
      }
      case 'compare':
        return compareThreeWorlds(request.options, controls);
      case 'forge': {
        const held = this.held(request.worldId);
        const setup = held.world.escrow;
        const authorityId = request.authorityId ?? setup?.authorities[0]?.id;
        const { loot } = await lootFor(held.world, [{ kind: 'steal-escrow-key', scenario: 'breach', ...(authorityId ? { authorityId } : {}) }]);
        return forgeCapturedMessage(held.world, request.seq, request.newText, loot, { random: csprng(), ...(request.keyless ? { keyless: request.keyless } : {}) });
      }
      case 'warrant': {
        const held = this.held(request.worldId);
        return runWarrant(held.world, request.warrant, request.beyond, controls);
      }
      case 'recover-key': {
        const held = this.held(request.worldId);
        const setup = held.world.escrow;
        if (!setup) throw new RangeError('escrow is off in this world: there are no key pieces to steal');
        const corrupt = request.corrupt ?? [];
        const { loot, notes } = await lootFor(held.world, [{ kind: 'steal-key-pieces', agencies: request.agencies, corrupt }]);
        // lootFor damages stolen copies internally; show the same damage here (one flipped bit in byte 1).
        const stolen = setup.pieces
          .filter((p) => request.agencies.includes(p.agencyId))
          .map((p) => {
            const corrupted = corrupt.includes(p.agencyId);
            const bytes = p.bytes.slice();
            if (corrupted) bytes[1] = bytes[1]! ^ 0x01;
            return { agencyId: p.agencyId, agencyName: p.agencyName, kind: p.kind, bytes, corrupted };
          });
        return { stolen, notes: notes.map((n) => ({ ...n })), keys: loot.escrowKeys.map((k) => ({ authorityId: k.authorityId, secretKey: k.secretKey, how: k.how })) };
      }
      case 'dispose':
        return { disposed: this.worlds.delete(request.worldId) };
    }
  }
}
