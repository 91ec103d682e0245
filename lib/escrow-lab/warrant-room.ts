/**
 * The authority's side of exceptional access, as intended: a small escrowed world (Alice, Bob and
 * Carol, 12 messages over one simulated day, ratchet mode, escrow on), the relay's record of it, and
 * the authority's escrow secret key. A warrant names a target and a time window; the authority's
 * software (decrypt-capture.ts with `warrant`) opens only what it covers. Trying the same key on
 * the rest (decrypt-capture.ts without a warrant) shows that the limit was a line of code.
 * @module
 */
import { captureFor, type Capture, type Loot } from '@/lib/protocol/capability';
import { decryptCapture, type EnvelopeOutcome } from '@/lib/protocol/decrypt-capture';
import { recoverEscrowSecretKey } from '@/lib/protocol/escrow-setup';
import { MINUTES_PER_DAY, type SimTime } from '@/lib/protocol/sim-time';
import { warrantCovers, type Warrant } from '@/lib/protocol/warrant';
import { generateWorld, type World } from '@/lib/protocol/world';

/** The size of the warrant's world. */
export const WARRANT_WORLD = { people: 3, conversations: 3, messages: 12, durationMinutes: MINUTES_PER_DAY } as const;

/** A recorded day and the authority's key. Holds secrets: lives in the worker. */
export interface WarrantRoom {
  readonly world: World;
  readonly capture: Capture;
  readonly authorityLoot: Loot;
}

/** What the authority (and anyone with the relay's log) sees of one message: metadata, no text. */
export interface RecordedMessage {
  readonly seq: number;
  readonly sender: string;
  readonly recipient: string;
  readonly conversationId: string;
  readonly sentAt: SimTime;
  /** Bytes of ciphertext ‖ tag. */
  readonly size: number;
}

/** One message's fate, by seq. */
export interface WarrantOutcome {
  readonly seq: number;
  readonly kind: EnvelopeOutcome['kind'];
  readonly plaintext?: string;
}

/** Outcomes plus counts. */
export interface WarrantRun {
  readonly outcomes: readonly WarrantOutcome[];
  /** Messages the run opened. */
  readonly opened: number;
  /** Messages it tried (covered by the warrant, or, for the run beyond, not covered). */
  readonly tried: number;
}

/** Records a day of escrowed traffic and gives the authority its key (recombined from its own pieces). */
export async function createWarrantRoom(seed: string): Promise<WarrantRoom> {
  const world = await generateWorld({ seed, ...WARRANT_WORLD, mode: 'ratchet', escrow: { variant: 'single' } });
  const setup = world.escrow!;
  const authority = setup.authorities[0]!;
  const recovered = await recoverEscrowSecretKey(setup, authority.id, setup.pieces, "the authority's own key");
  if (!recovered.ok) throw new Error(`warrant room: the authority could not rebuild its own key: ${recovered.message}`);
  return { world, capture: captureFor(world, [{ kind: 'take-over-server' }]), authorityLoot: { devices: [], escrowKeys: [recovered.key] } };
}

/** The relay's record of the day, as metadata. */
export function recordedMessages(room: WarrantRoom): RecordedMessage[] {
  return room.capture.records.map((r) => ({
    seq: r.seq,
    sender: r.envelope.header.sender,
    recipient: r.envelope.header.recipient,
    conversationId: r.envelope.header.conversationId,
    sentAt: r.envelope.header.sentAt,
    size: r.envelope.ciphertext.length,
  }));
}

function plain(o: EnvelopeOutcome): WarrantOutcome {
  return o.kind === 'opened' ? { seq: o.seq, kind: o.kind, plaintext: o.plaintext } : { seq: o.seq, kind: o.kind };
}

/** The authority's software executes `warrant`: it refuses every envelope outside it and decrypts the rest. */
export function executeWarrant(room: WarrantRoom, warrant: Warrant): WarrantRun {
  const report = decryptCapture(room.capture, room.authorityLoot, { warrant });
  const outcomes = report.outcomes.map(plain);
  return { outcomes, opened: report.counts.opened, tried: outcomes.length - report.counts.outsideWarrant };
}

/** The same key, without the warrant check, on every envelope the warrant does not cover. */
export function tryBeyondWarrant(room: WarrantRoom, warrant: Warrant): WarrantRun {
  const report = decryptCapture(room.capture, room.authorityLoot);
  const outside = new Set(room.capture.records.filter((r) => !warrantCovers(warrant, r.envelope.header)).map((r) => r.seq));
  const outcomes = report.outcomes.filter((o) => outside.has(o.seq)).map(plain);
  return { outcomes, opened: outcomes.filter((o) => o.kind === 'opened').length, tried: outcomes.length };
}
