/**
 * Exceptional access as designed: the authority rebuilds its key from its agencies' pieces, takes
 * the relay's record of the traffic, and its software (decrypt-capture.ts with `warrant`) opens only
 * what the warrant covers. Then the point of the exercise: the same key, without that one check,
 * on the rest. The escrow lesson's warrant room runs it on a small recorded day.
 *
 * One rule for "beyond the warrant": it is what the warranted decryption itself reported as
 * 'outside-warrant', and nothing else. Exposure is computed by running decryption, so the run beyond
 * decrypts exactly the envelopes the authority's software refused; no second table of "covered"
 * messages (warrantCovers applied by hand to the capture or to the outcomes) can drift from the
 * check the decryption actually made.
 * @module
 */
import { captureFor, type Capture, type Loot } from '@/lib/protocol/capability';
import { decryptCapture } from '@/lib/protocol/decrypt-capture';
import { type EnvelopeOutcome } from '@/lib/protocol/decryption-outcome';
import { recoverEscrowSecretKey } from '@/lib/protocol/key-recombination';
import { MINUTES_PER_DAY, type SimTime } from '@/lib/protocol/sim-time';
import type { Warrant } from '@/lib/protocol/warrant';
import { generateWorld, type World } from '@/lib/protocol/world';

/** The size of the warrant room's world. */
export const WARRANT_WORLD = { people: 3, conversations: 3, messages: 12, durationMinutes: MINUTES_PER_DAY } as const;

/** A recorded world and the authority's key. Holds secrets: lives in the worker. */
export interface WarrantRoom {
  readonly world: World;
  readonly capture: Capture;
  readonly authorityLoot: Loot;
  /** How the authority came to hold its key, for display. */
  readonly keyHow: string;
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
  /** Messages it tried (covered by the warrant, or, for the run beyond, refused by it). */
  readonly tried: number;
}

/**
 * The authority's side of `world` (escrow on): its key rebuilt from its own agencies' pieces, and
 * the relay's whole log. Throws a RangeError with escrow off.
 */
export async function openWarrantRoom(world: World): Promise<WarrantRoom> {
  const setup = world.escrow;
  if (!setup) throw new RangeError('escrow is off in this world: the authority has no key and no escrow field to open');
  const authority = setup.authorities[0]!;
  const pieces = setup.pieces.filter((p) => p.authorityId === authority.id);
  const keyHow =
    pieces.length > 1
      ? `recombined from ${pieces.length} agencies' pieces for this warrant`
      : `held by ${pieces[0]!.agencyName}`;
  const recovered = await recoverEscrowSecretKey(setup, authority.id, pieces, keyHow);
  if (!recovered.ok) throw new Error(`warrant room: the authority could not rebuild its own key: ${recovered.message}`);
  return {
    world,
    capture: captureFor(world, [{ kind: 'take-over-server' }]),
    authorityLoot: { devices: [], escrowKeys: [recovered.key] },
    keyHow,
  };
}

/** Records a day of escrowed traffic (Alice, Bob and Carol, ratchet mode) and gives the authority its key. */
export async function createWarrantRoom(seed: string): Promise<WarrantRoom> {
  return openWarrantRoom(
    await generateWorld({ seed, ...WARRANT_WORLD, mode: 'ratchet', escrow: { variant: 'single' } }),
  );
}

/** The relay's record, as metadata. */
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

function assertTarget(room: WarrantRoom, warrant: Warrant): void {
  if (!room.world.participants.some((p) => p.id === warrant.target))
    throw new RangeError(`warrant.target: no participant '${warrant.target}' in this world`);
}

/** The authority's software executes `warrant`: it refuses every envelope outside it and decrypts the rest. */
export function executeWarrant(room: WarrantRoom, warrant: Warrant): WarrantRun {
  assertTarget(room, warrant);
  const report = decryptCapture(room.capture, room.authorityLoot, { warrant });
  const outcomes = report.outcomes.map(plain);
  return { outcomes, opened: report.counts.opened, tried: outcomes.length - report.counts.outsideWarrant };
}

/**
 * The same key, without the warrant check, on every envelope the warranted run reported as
 * 'outside-warrant' (see the module comment for why the decryption, not a table, decides).
 */
export function tryBeyondWarrant(room: WarrantRoom, warrant: Warrant): WarrantRun {
  const refused = new Set(
    executeWarrant(room, warrant)
      .outcomes.filter((o) => o.kind === 'outside-warrant')
      .map((o) => o.seq),
  );
  const outside: Capture = { ...room.capture, records: room.capture.records.filter((r) => refused.has(r.seq)) };
  const outcomes = decryptCapture(outside, room.authorityLoot).outcomes.map(plain);
  return { outcomes, opened: outcomes.filter((o) => o.kind === 'opened').length, tried: outcomes.length };
}
