/**
 * Which kind of key opened each message: the decryption run names the key behind every opened
 * envelope (`openedWith`, decryption-outcome.ts); this counts them by kind, before and after a
 * moment, and groups the opens that came from a stolen phone's escrow wrap chain. Nothing here
 * decides what opens: it only reads the outcomes of real decryption.
 *
 * Why the escrow wrap chain gets its own grouping: with escrow on, a stolen phone also holds the
 * chain key of each escrow epoch it is sending in (escrow-epoch.ts). That chain is symmetric (HMAC
 * steps, no fresh Diffie-Hellman), so unlike the Double Ratchet it does not heal: the thief unwraps
 * every message the phone sends in that conversation until the epoch rotates. Those are the
 * messages "ratchet with escrow" opens beyond "ratchet without escrow" after a phone theft.
 * @module
 */
import type { Capture } from './capability';
import type { EnvelopeOutcome, KeyProvenance } from './decryption-outcome';
import type { ParticipantId } from './participant';
import type { SimTime } from './sim-time';

/** The kind of key that opened a message. */
export type KeySource = KeyProvenance['kind'];

/** Opened messages of one key source, sent at or before the split moment and after it. */
export interface OpenedByKeySource {
  readonly source: KeySource;
  readonly before: number;
  readonly after: number;
}

/** Display order of key sources: the phone's keys first, then what escrow adds. */
export const KEY_SOURCE_ORDER: readonly KeySource[] = [
  'device-static-key',
  'device-ratchet-chain',
  'device-escrow-chain',
  'escrow-key',
  'conversation-key-from-escrow',
];

/**
 * Counts opened envelopes by the kind of key that opened them, split like the blast radius
 * (blast-radius.ts: before = sentAt <= splitAt). Only sources that opened something are listed, in
 * {@link KEY_SOURCE_ORDER}.
 */
export function countOpenedByKeySource(
  capture: Capture,
  outcomes: readonly EnvelopeOutcome[],
  splitAt: SimTime,
): OpenedByKeySource[] {
  const sentAt = sentAtBySeq(capture);
  const tally = new Map<KeySource, { before: number; after: number }>();
  for (const o of outcomes) {
    if (o.kind !== 'opened') continue;
    const entry = tally.get(o.openedWith.kind) ?? { before: 0, after: 0 };
    if (sentAtOf(sentAt, o.seq) <= splitAt) entry.before++;
    else entry.after++;
    tally.set(o.openedWith.kind, entry);
  }
  return KEY_SOURCE_ORDER.filter((s) => tally.has(s)).map((source) => ({ source, ...tally.get(source)! }));
}

/** Messages opened with one stolen phone's escrow wrap chain in one conversation and epoch. */
export interface EscrowChainOpens {
  /** The phone's owner, who sent these messages. */
  readonly participant: ParticipantId;
  readonly recipient: ParticipantId;
  readonly conversationId: string;
  readonly epoch: number;
  /** When the epoch began (its first message); it rotates `epochMinutes` later. */
  readonly epochStartedAt: SimTime;
  readonly takenAt: SimTime;
  /** Relay log positions of the opened messages, in order. */
  readonly seqs: readonly number[];
  readonly firstSentAt: SimTime;
  readonly lastSentAt: SimTime;
}

/** Groups the messages a stolen phone's escrow wrap chain opened, by conversation and epoch, in time order. */
export function escrowChainOpens(capture: Capture, outcomes: readonly EnvelopeOutcome[]): EscrowChainOpens[] {
  const bySeq = new Map(capture.records.map((r) => [r.seq, r]));
  const groups = new Map<
    string,
    { -readonly [K in keyof EscrowChainOpens]: EscrowChainOpens[K] } & { seqs: number[] }
  >();
  for (const o of outcomes) {
    if (o.kind !== 'opened' || o.openedWith.kind !== 'device-escrow-chain') continue;
    const record = bySeq.get(o.seq);
    const blob = record?.envelope.escrow?.epochBlob;
    if (!record || !blob) throw new RangeError(`message #${o.seq} opened by an escrow chain has no escrow field`);
    const { participant, takenAt, epoch } = o.openedWith;
    const { conversationId, sentAt, recipient } = record.envelope.header;
    const key = `${participant}|${conversationId}|${epoch}`;
    const group = groups.get(key);
    if (group) {
      group.seqs.push(o.seq);
      group.firstSentAt = Math.min(group.firstSentAt, sentAt);
      group.lastSentAt = Math.max(group.lastSentAt, sentAt);
    } else {
      groups.set(key, {
        participant,
        recipient,
        conversationId,
        epoch,
        epochStartedAt: blob.header.startedAt,
        takenAt,
        seqs: [o.seq],
        firstSentAt: sentAt,
        lastSentAt: sentAt,
      });
    }
  }
  return [...groups.values()]
    .map((g) => ({ ...g, seqs: [...g.seqs].sort((a, b) => a - b) }))
    .sort((a, b) => a.firstSentAt - b.firstSentAt);
}

function sentAtBySeq(capture: Capture): Map<number, SimTime> {
  return new Map(capture.records.map((r) => [r.seq, r.envelope.header.sentAt]));
}

function sentAtOf(sentAt: Map<number, SimTime>, seq: number): SimTime {
  const at = sentAt.get(seq);
  if (at === undefined) throw new RangeError(`no captured message #${seq}`);
  return at;
}
