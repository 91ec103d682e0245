/**
 * A stolen phone against a recorded conversation, message by message: which side of the theft each
 * message was sent on, what the thief's decryption run made of it (decrypt-capture.ts decides;
 * nothing here guesses), and the totals before and after the theft. In ratchet mode it also marks
 * the first message the victim sent under a ratchet key pair made after the theft: the key whose
 * secret the thief never saw, from which the conversation has healed (Double Ratchet §3.5, §6.5).
 * @module
 */
import { equalBytes } from '@/lib/crypto/bytes';
import type { DecryptionReport } from './decrypt-capture';
import type { EnvelopeOutcome } from './decryption-outcome';
import type { DeviceSnapshot } from './device-snapshot';
import type { ParticipantId } from './participant';
import type { WireRecord } from './relay';
import type { SimTime } from './sim-time';

/** One captured message on the timeline. */
export interface TheftTimelineEntry {
  readonly seq: number;
  readonly sender: ParticipantId;
  readonly recipient: ParticipantId;
  readonly sentAt: SimTime;
  /** `before`: sent (and delivered) at or before the theft; `after`: sent later. */
  readonly phase: 'before' | 'after';
  /** What the thief's decryption of this envelope gave. */
  readonly outcome: EnvelopeOutcome;
  /**
   * Ratchet mode: the victim sent this message under a ratchet public key that was not on the phone
   * when it was taken, i.e. a key pair the phone made after the theft.
   */
  readonly freshRatchetKey: boolean;
}

/** Opened / total for one side of the theft. */
export interface TheftTally {
  readonly opened: number;
  readonly total: number;
}

/** The whole picture. */
export interface TheftTimeline {
  readonly entries: readonly TheftTimelineEntry[];
  readonly before: TheftTally;
  readonly after: TheftTally;
  /** Seq of the first message the victim sent under a post-theft ratchet key; null if none (or static mode). */
  readonly healedAtSeq: number | null;
}

/**
 * Lines up `records` (the capture, in wire order) with the run's outcomes (matched by seq) and the
 * stolen `phone`. Throws a RangeError if an outcome is missing: every captured message must have
 * been tried.
 */
export function theftTimeline(
  records: readonly WireRecord[],
  phone: DeviceSnapshot,
  report: DecryptionReport,
): TheftTimeline {
  const outcomes = new Map(report.outcomes.map((o) => [o.seq, o]));
  const heldRatchetKeys: Uint8Array[] = [];
  for (const state of Object.values(phone.conversations)) {
    if (state.session.kind === 'ratchet') heldRatchetKeys.push(state.session.sendingRatchetKey.publicKey);
    else if (state.session.kind === 'ratchet-awaiting-first-message')
      heldRatchetKeys.push(state.session.prekey.publicKey);
  }
  const entries: TheftTimelineEntry[] = [];
  let healedAtSeq: number | null = null;
  for (const r of records) {
    const outcome = outcomes.get(r.seq);
    if (!outcome) throw new RangeError(`message ${r.seq} was not tried by the decryption run`);
    const h = r.envelope.header;
    const phase = r.at <= phone.takenAt ? 'before' : 'after';
    const freshRatchetKey =
      phase === 'after' &&
      h.sender === phone.participantId &&
      h.ratchet !== undefined &&
      !heldRatchetKeys.some((k) => equalBytes(k, h.ratchet!.publicKey));
    if (freshRatchetKey && healedAtSeq === null) healedAtSeq = r.seq;
    entries.push({
      seq: r.seq,
      sender: h.sender,
      recipient: h.recipient,
      sentAt: r.at,
      phase,
      outcome,
      freshRatchetKey,
    });
  }
  const tally = (phase: 'before' | 'after'): TheftTally => {
    const mine = entries.filter((e) => e.phase === phase);
    return { opened: mine.filter((e) => e.outcome.kind === 'opened').length, total: mine.length };
  };
  return { entries, before: tally('before'), after: tally('after'), healedAtSeq };
}
