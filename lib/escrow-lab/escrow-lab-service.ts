/**
 * The escrow widgets' computations, served over lib/worker-rpc so they run in a Web Worker
 * (app/_components/widgets/escrow/escrow-lab.worker.ts only wires {@link EscrowLabService.serve}
 * to `self`): worlds, HPKE, ratchets and Shamir cost tens of milliseconds, which would stall the
 * page. The service keeps each widget's secret state (the authority's secret key, a captured scene,
 * a recorded world) by scope and answers with plain data for display, one handler per procedure of
 * {@link escrowLabContract}, typed from it. A refusal the learner should read (an action out of
 * order, bad input) is a {@link UserError}: it crosses as the RPC's `user-error` code.
 * @module
 */
import { bytesToHex } from '@/lib/crypto/bytes';
import { csprng, seededRandom, type RandomSource } from '@/lib/crypto/random';
import { parseWarrant, type Warrant } from '@/lib/protocol/warrant';
import type { RpcEndpoint } from '@/lib/worker-rpc/rpc-endpoint';
import { UserError, type RpcErrorCode } from '@/lib/worker-rpc/rpc-error';
import { serveContract, type HandlersOf, type RpcHost, type ServeOptions } from '@/lib/worker-rpc/rpc-host';
import {
  authorityReads,
  moveEscrowField,
  recipientReceives,
  sealBindingScene,
  type BindingScene,
} from './escrow-binding-scene';
import { escrowLabContract } from './escrow-lab-messages';
import { runEscrowSwitch } from './escrow-switch';
import { captureForgeryScene, forgeAndDeliver, type ForgeryScene } from '@/lib/scenarios/forgery';
import { createLabAuthority, type LabEscrowAuthority } from '@/lib/scenarios/lab-people';
import { createSplitCustody, recombine, type SplitCustody } from '@/lib/scenarios/split-custody';
import {
  createWarrantRoom,
  executeWarrant,
  recordedMessages,
  tryBeyondWarrant,
  type WarrantRoom,
} from '@/lib/scenarios/warrant';

interface ScopeState {
  sealCount: number;
  authority?: LabEscrowAuthority;
  forgery?: Partial<Record<'on' | 'off', ForgeryScene>>;
  binding?: Partial<Record<'bound' | 'unbound', BindingScene>>;
  warrantRoom?: WarrantRoom;
  lastWarrant?: Warrant;
  custody?: SplitCustody;
}

/** A request's scope and seed: which widget's state it names, and its randomness in seeded mode. */
interface ScopedRequest {
  readonly scope: string;
  readonly seed?: string | undefined;
}

/** Fresh randomness: seeded per purpose in demo mode, else the platform CSPRNG. */
function randomFor(request: ScopedRequest, purpose: string): RandomSource {
  return request.seed ? seededRandom(`${request.seed}|${purpose}`) : csprng();
}

function worldSeedFor(request: ScopedRequest, purpose: string): string {
  return request.seed ? `${request.seed}|${purpose}` : bytesToHex(csprng().bytes(16));
}

/**
 * Errors a handler throws that are not RPC errors: a RangeError from lib/protocol or
 * lib/scenarios is a refusal of the learner's input ("Type a message for Alice to send.",
 * "Choose k and n with 2 ≤ k ≤ n ≤ 5"), worded for the learner.
 */
function codeFor(error: unknown): RpcErrorCode | undefined {
  return error instanceof RangeError ? 'user-error' : undefined;
}

/** Holds each widget's state by scope and answers the escrow lab contract; one instance per worker. */
export class EscrowLabService {
  private readonly scopes = new Map<string, ScopeState>();

  /** How many widgets' states are held (tests). */
  get size(): number {
    return this.scopes.size;
  }

  /** Answers calls on `endpoint` (a worker's scope, or one end of an in-process pair in tests). */
  serve(endpoint: RpcEndpoint, options: ServeOptions = {}): RpcHost {
    return serveContract(escrowLabContract, this.handlers, endpoint, { codeFor, ...options });
  }

  private scope({ scope }: ScopedRequest): ScopeState {
    let s = this.scopes.get(scope);
    if (!s) {
      s = { sealCount: 0 };
      this.scopes.set(scope, s);
    }
    return s;
  }

  /** One handler per procedure of {@link escrowLabContract}. */
  readonly handlers: HandlersOf<typeof escrowLabContract> = {
    switch: (r) => {
      const s = this.scope(r);
      if (r.escrow && !s.authority) s.authority = createLabAuthority(randomFor(r, 'escrow-switch|authority'));
      const result = runEscrowSwitch({
        alice: r.alice,
        bob: r.bob,
        text: r.text,
        authority: s.authority ?? null,
        escrow: r.escrow,
        random: randomFor(r, `escrow-switch|seal-${s.sealCount++}`),
      });
      return { authorityPublicKey: s.authority?.publicKey ?? null, result };
    },
    forge: (r) => {
      const s = this.scope(r);
      const key = r.escrow ? 'on' : 'off';
      s.forgery ??= {};
      const scene = (s.forgery[key] ??= captureForgeryScene(r.escrow, randomFor(r, `forge|${key}`)));
      const outcome = forgeAndDeliver(scene, r.text);
      return {
        original: scene.original,
        originalText: scene.originalText,
        authorityPublicKey: scene.authority?.publicKey ?? null,
        thiefKey: scene.authority?.secretKey ?? null,
        outcome,
      };
    },
    'binding-seal': (r) => {
      const s = this.scope(r);
      s.binding ??= {};
      const scene = sealBindingScene(r.binding, randomFor(r, `binding|${r.binding}|${s.sealCount++}`));
      s.binding[r.binding] = scene;
      return {
        binding: r.binding,
        authorityPublicKey: scene.authority.publicKey,
        messages: scene.messages,
        readings: scene.messages.map((m) => authorityReads(scene, m.envelope)),
        deliveries: scene.messages.map((m) => recipientReceives(scene, m.recipient, m.envelope)),
      };
    },
    'binding-move': (r) => {
      const scene = this.scope(r).binding?.[r.binding];
      if (!scene)
        throw new UserError(`Seal the two messages (${r.binding}) first: there is no escrow field to move yet.`);
      return moveEscrowField(scene);
    },
    'warrant-record': async (r) => {
      const s = this.scope(r);
      s.warrantRoom = await createWarrantRoom(worldSeedFor(r, 'warrant'));
      s.lastWarrant = undefined;
      const world = s.warrantRoom.world;
      return {
        people: world.participants.map((p) => ({ id: p.id, name: p.name })),
        messages: recordedMessages(s.warrantRoom),
        authorityPublicKey: world.escrow!.authorities[0]!.publicKey,
      };
    },
    'warrant-execute': (r) => {
      const s = this.scope(r);
      if (!s.warrantRoom) throw new UserError("Record the day's traffic first: there is nothing to open yet.");
      if (!s.warrantRoom.world.participants.some((p) => p.id === r.target))
        throw new UserError(`There is no ${r.target} in this world.`);
      // Checked here, in the learner's words, before parseWarrant's own check (whose message is a developer's).
      if (r.to < r.from)
        throw new UserError('The window ends before it starts: pick a "to" time after the "from" time.');
      const warrant = parseWarrant({
        target: r.target,
        from: r.from,
        to: r.to,
        issuedBy: 'Judge Rivera, District Court',
      });
      s.lastWarrant = warrant;
      return {
        ...executeWarrant(s.warrantRoom, warrant),
        warrant: { target: warrant.target, from: warrant.from, to: warrant.to },
      };
    },
    'warrant-beyond': (r) => {
      const s = this.scope(r);
      if (!s.warrantRoom || !s.lastWarrant)
        throw new UserError('Execute a warrant first: then try the same key on the messages it did not cover.');
      const w = s.lastWarrant;
      return { ...tryBeyondWarrant(s.warrantRoom, w), warrant: { target: w.target, from: w.from, to: w.to } };
    },
    split: async (r) => {
      const s = this.scope(r);
      s.custody = await createSplitCustody(r.scheme, worldSeedFor(r, `split|${r.scheme}|${s.sealCount++}`), {
        shares: r.shares,
        threshold: r.threshold,
      });
      const c = s.custody;
      const setup = c.world.escrow!;
      // The god view for the lesson: the key being split, recombined by the agencies' own pieces.
      const whole = await recombine(
        c,
        c.pieces.map((p) => p.agencyId),
      );
      if (!whole.check.passed || !whole.candidate) throw new Error('split: the pieces do not rebuild the key');
      return {
        scheme: c.scheme,
        publicKey: c.publicKey,
        secretKey: whole.candidate,
        pieces: setup.pieces.map((p) => ({
          agencyId: p.agencyId,
          agencyName: p.agencyName,
          kind: p.kind,
          bytes: p.bytes,
        })),
        threshold: c.threshold,
        messages: c.capture.records.length,
      };
    },
    recombine: (r) => {
      const custody = this.scope(r).custody;
      if (!custody) throw new UserError('Split the key first: there are no pieces to recombine yet.');
      return recombine(custody, r.agencies, r.corrupt);
    },
    // Deleted, not looked up: `scope()` would create the state this is meant to free.
    release: ({ scope }) => ({ released: this.scopes.delete(scope) }),
  };
}
