/**
 * The escrow widgets' computations, behind one request handler so they can run in a Web Worker
 * (app/_components/widgets/escrow/escrow-lab.worker.ts): worlds, HPKE, ratchets and Shamir cost tens
 * of milliseconds, which would stall the page. The service keeps each widget's secret state (the
 * authority's secret key, a captured scene, a recorded world) by scope and replies with plain data
 * for display.
 * @module
 */
import { bytesToHex } from '@/lib/crypto/bytes';
import { csprng, seededRandom, type RandomSource } from '@/lib/crypto/random';
import { parseWarrant, type Warrant } from '@/lib/protocol/warrant';
import { authorityReads, moveEscrowField, recipientReceives, sealBindingScene, type BindingScene } from './escrow-binding-scene';
import type { EscrowLabReplies, EscrowLabRequest, EscrowLabRequestKind, EscrowLabRequestOf } from './escrow-lab-messages';
import { runEscrowSwitch } from './escrow-switch';
import { captureForgeryScene, forgeAndDeliver, type ForgeryScene } from '@/lib/scenarios/forgery';
import { createLabAuthority, type LabEscrowAuthority } from '@/lib/scenarios/lab-people';
import { createSplitCustody, recombine, type SplitCustody } from '@/lib/scenarios/split-custody';
import { createWarrantRoom, executeWarrant, recordedMessages, tryBeyondWarrant, type WarrantRoom } from '@/lib/scenarios/warrant';

/** A refusal the learner should read: an action out of order, or bad input. */
export class EscrowLabUserError extends Error {
  override readonly name = 'EscrowLabUserError';
}

interface ScopeState {
  sealCount: number;
  authority?: LabEscrowAuthority;
  forgery?: Partial<Record<'on' | 'off', ForgeryScene>>;
  binding?: Partial<Record<'bound' | 'unbound', BindingScene>>;
  warrantRoom?: WarrantRoom;
  lastWarrant?: Warrant;
  custody?: SplitCustody;
}

/** Handles escrow lab requests; one instance per worker. */
export class EscrowLabService {
  private readonly scopes = new Map<string, ScopeState>();

  /** How many widgets' states are held (tests). */
  get size(): number {
    return this.scopes.size;
  }

  private scope(id: string): ScopeState {
    let s = this.scopes.get(id);
    if (!s) {
      s = { sealCount: 0 };
      this.scopes.set(id, s);
    }
    return s;
  }

  /** Fresh randomness: seeded per purpose in demo mode, else the platform CSPRNG. */
  private random(request: EscrowLabRequest, purpose: string): RandomSource {
    return request.seed ? seededRandom(`${request.seed}|${purpose}`) : csprng();
  }

  private worldSeed(request: EscrowLabRequest, purpose: string): string {
    return request.seed ? `${request.seed}|${purpose}` : bytesToHex(csprng().bytes(16));
  }

  /** Runs one request. Throws {@link EscrowLabUserError} (or a RangeError) with a learner-facing message. */
  async handle<K extends EscrowLabRequestKind>(request: EscrowLabRequestOf<K>): Promise<EscrowLabReplies[K]> {
    const r = request as EscrowLabRequest;
    // Released before `scope()` would create the state it is meant to free.
    if (r.kind === 'release') return { released: this.scopes.delete(r.scope) } as EscrowLabReplies[K];
    const s = this.scope(r.scope);
    const reply = await this.dispatch(r, s);
    return reply as EscrowLabReplies[K];
  }

  private async dispatch(r: Exclude<EscrowLabRequest, { kind: 'release' }>, s: ScopeState): Promise<EscrowLabReplies[EscrowLabRequestKind]> {
    switch (r.kind) {
      case 'switch': {
        if (r.escrow && !s.authority) s.authority = createLabAuthority(this.random(r, 'escrow-switch|authority'));
        const result = runEscrowSwitch({
          alice: r.alice,
          bob: r.bob,
          text: r.text,
          authority: s.authority ?? null,
          escrow: r.escrow,
          random: this.random(r, `escrow-switch|seal-${s.sealCount++}`),
        });
        return { authorityPublicKey: s.authority?.publicKey ?? null, result };
      }
      case 'forge': {
        const key = r.escrow ? 'on' : 'off';
        s.forgery ??= {};
        const scene = (s.forgery[key] ??= captureForgeryScene(r.escrow, this.random(r, `forge|${key}`)));
        const outcome = forgeAndDeliver(scene, r.text);
        return {
          original: scene.original,
          originalText: scene.originalText,
          authorityPublicKey: scene.authority?.publicKey ?? null,
          thiefKey: scene.authority?.secretKey ?? null,
          outcome,
        };
      }
      case 'binding-seal': {
        s.binding ??= {};
        const scene = sealBindingScene(r.binding, this.random(r, `binding|${r.binding}|${s.sealCount++}`));
        s.binding[r.binding] = scene;
        return {
          binding: r.binding,
          authorityPublicKey: scene.authority.publicKey,
          messages: scene.messages,
          readings: scene.messages.map((m) => authorityReads(scene, m.envelope)),
          deliveries: scene.messages.map((m) => recipientReceives(scene, m.recipient, m.envelope)),
        };
      }
      case 'binding-move': {
        const scene = s.binding?.[r.binding];
        if (!scene) throw new EscrowLabUserError(`Seal the two messages (${r.binding}) first: there is no escrow field to move yet.`);
        return moveEscrowField(scene);
      }
      case 'warrant-record': {
        s.warrantRoom = await createWarrantRoom(this.worldSeed(r, 'warrant'));
        s.lastWarrant = undefined;
        const world = s.warrantRoom.world;
        return {
          people: world.participants.map((p) => ({ id: p.id, name: p.name })),
          messages: recordedMessages(s.warrantRoom),
          authorityPublicKey: world.escrow!.authorities[0]!.publicKey,
        };
      }
      case 'warrant-execute': {
        if (!s.warrantRoom) throw new EscrowLabUserError("Record the day's traffic first: there is nothing to open yet.");
        if (!s.warrantRoom.world.participants.some((p) => p.id === r.target)) throw new EscrowLabUserError(`There is no ${r.target} in this world.`);
        let warrant: Warrant;
        try {
          warrant = parseWarrant({ target: r.target, from: r.from, to: r.to, issuedBy: 'Judge Rivera, District Court' });
        } catch (e) {
          throw new EscrowLabUserError(e instanceof RangeError && /ends before/.test(e.message) ? 'The window ends before it starts: pick a "to" time after the "from" time.' : String(e));
        }
        s.lastWarrant = warrant;
        return { ...executeWarrant(s.warrantRoom, warrant), warrant: { target: warrant.target, from: warrant.from, to: warrant.to } };
      }
      case 'warrant-beyond': {
        if (!s.warrantRoom || !s.lastWarrant) throw new EscrowLabUserError('Execute a warrant first: then try the same key on the messages it did not cover.');
        const w = s.lastWarrant;
        return { ...tryBeyondWarrant(s.warrantRoom, w), warrant: { target: w.target, from: w.from, to: w.to } };
      }
      case 'split': {
        s.custody = await createSplitCustody(r.scheme, this.worldSeed(r, `split|${r.scheme}|${s.sealCount++}`), { shares: r.shares, threshold: r.threshold });
        const c = s.custody;
        const setup = c.world.escrow!;
        // The god view for the lesson: the key being split, recombined by the agencies' own pieces.
        const whole = await recombine(c, c.pieces.map((p) => p.agencyId));
        if (!whole.check.passed || !whole.candidate) throw new Error('split: the pieces do not rebuild the key');
        return {
          scheme: c.scheme,
          publicKey: c.publicKey,
          secretKey: whole.candidate,
          pieces: setup.pieces.map((p) => ({ agencyId: p.agencyId, agencyName: p.agencyName, kind: p.kind, bytes: p.bytes })),
          threshold: c.threshold,
          messages: c.capture.records.length,
        };
      }
      case 'recombine': {
        if (!s.custody) throw new EscrowLabUserError('Split the key first: there are no pieces to recombine yet.');
        return recombine(s.custody, r.agencies, r.corrupt);
      }
    }
  }
}
