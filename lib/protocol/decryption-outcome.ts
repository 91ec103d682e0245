/**
 * What a decryption run decides about each captured envelope, and which key did it: the vocabulary
 * shared by the decryption (decrypt-capture.ts), the exposure it feeds (blast-radius.ts) and the
 * views that show it.
 * @module
 */
import type { ParticipantId } from './participant';
import type { SimTime } from './sim-time';

/** Which key opened (or was tried on) an envelope. */
export type KeyProvenance =
  | { readonly kind: 'device-static-key'; readonly participant: ParticipantId; readonly takenAt: SimTime }
  | { readonly kind: 'device-ratchet-chain'; readonly participant: ParticipantId; readonly takenAt: SimTime }
  | {
      readonly kind: 'device-escrow-chain';
      readonly participant: ParticipantId;
      readonly takenAt: SimTime;
      readonly epoch: number;
    }
  | { readonly kind: 'escrow-key'; readonly authorityId: string; readonly epoch: number }
  | { readonly kind: 'conversation-key-from-escrow'; readonly conversationId: string; readonly learnedFromSeq: number };

/** The outcome for one captured envelope (`seq` is its relay log position). */
export type EnvelopeOutcome =
  | { readonly seq: number; readonly kind: 'opened'; readonly plaintext: string; readonly openedWith: KeyProvenance }
  | { readonly seq: number; readonly kind: 'tag-failed'; readonly triedWith: readonly KeyProvenance[] }
  | { readonly seq: number; readonly kind: 'no-key' }
  | { readonly seq: number; readonly kind: 'outside-warrant' };

/** Counts per outcome kind. */
export interface OutcomeCounts {
  readonly opened: number;
  readonly tagFailed: number;
  readonly noKey: number;
  readonly outsideWarrant: number;
}

/** Counts outcomes by kind. */
export function countOutcomes(outcomes: readonly EnvelopeOutcome[]): OutcomeCounts {
  let opened = 0;
  let tagFailed = 0;
  let noKey = 0;
  let outsideWarrant = 0;
  for (const o of outcomes) {
    if (o.kind === 'opened') opened++;
    else if (o.kind === 'tag-failed') tagFailed++;
    else if (o.kind === 'no-key') noKey++;
    else outsideWarrant++;
  }
  return { opened, tagFailed, noKey, outsideWarrant };
}
