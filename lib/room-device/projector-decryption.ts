/**
 * The projector after the leak: every message the room's stream delivered, run through the lab's
 * bulk decryption (decrypt-capture.ts) with the leaked escrow secret as the only loot. What opens
 * is whatever decryption opens; messages sent before escrow was on carry no escrow field and stay
 * closed. No table decides any of it.
 * @module
 */
import { publicKeyFromSecret } from '@/lib/crypto/x25519';
import { hexToBytesOfLength } from '@/lib/crypto/bytes';
import type { Capture, Loot } from '@/lib/protocol/capability';
import { decryptCapture } from '@/lib/protocol/decrypt-capture';
import type { WireRecord } from '@/lib/protocol/relay';
import type { PublicIdentity } from '@/lib/protocol/participant';
import type { RoomMember, SealedMessage } from '@/lib/room/room-protocol';
import { ROOM_ESCROW_AUTHORITY } from './room-conversation';
import { roomEnvelopeOf } from './room-envelope';

/** One message as the projector captured it from the stream. */
export interface CapturedRoomMessage {
  readonly messageId: string;
  readonly from: string;
  readonly sentAt: number;
  readonly message: SealedMessage;
}

/** Why a message stayed closed. */
export type ClosedReason =
  /** No escrow field: sent before escrow was switched on (or while it was off). */
  | 'not-escrowed'
  /** Escrowed, but the leaked key did not open it (sealed to another escrow key, or tampered). */
  | 'escrow-key-failed'
  /** Not a readable envelope of this room. */
  | 'malformed';

/** The decryption's verdict on one message. */
export type ProjectorOutcome =
  | { readonly messageId: string; readonly kind: 'opened'; readonly text: string }
  | { readonly messageId: string; readonly kind: 'closed'; readonly reason: ClosedReason };

export interface ProjectorDecryption {
  readonly outcomes: readonly ProjectorOutcome[];
  readonly counts: { readonly opened: number; readonly notEscrowed: number; readonly failed: number };
}

/** Decrypts every captured message with the leaked escrow secret key. */
export function decryptLeakedRoom(
  code: string,
  messages: readonly CapturedRoomMessage[],
  members: readonly RoomMember[],
  escrowSecret: Uint8Array,
): ProjectorDecryption {
  publicKeyFromSecret(escrowSecret); // a malformed secret fails here with a clear message
  const records: WireRecord[] = [];
  const seqOf = new Map<string, number>();
  const malformed = new Set<string>();
  for (const m of messages) {
    try {
      const envelope = roomEnvelopeOf(code, m.from, m.message);
      seqOf.set(m.messageId, records.length);
      records.push({ seq: records.length, at: envelope.header.sentAt, envelope });
    } catch {
      malformed.add(m.messageId);
    }
  }
  const identities: Record<string, PublicIdentity> = {};
  for (const member of members) {
    identities[member.id] = {
      id: member.id,
      name: member.name,
      identityPublicKey: hexToBytesOfLength(member.publicKey, 32, 'public key'),
    };
  }
  const capture: Capture = { records, directory: { identities, prekeys: {} }, sources: ['the room relay'] };
  const loot: Loot = {
    devices: [],
    escrowKeys: [{ authorityId: ROOM_ESCROW_AUTHORITY, secretKey: escrowSecret, how: 'leaked by the presenter' }],
  };
  const report = decryptCapture(capture, loot);
  const bySeq = new Map(report.outcomes.map((o) => [o.seq, o]));
  const outcomes = messages.map((m): ProjectorOutcome => {
    const seq = seqOf.get(m.messageId);
    const o = seq === undefined ? undefined : bySeq.get(seq);
    if (!o || malformed.has(m.messageId)) return { messageId: m.messageId, kind: 'closed', reason: 'malformed' };
    if (o.kind === 'opened') return { messageId: m.messageId, kind: 'opened', text: o.plaintext };
    const escrowed = records[o.seq]!.envelope.escrow !== undefined;
    return { messageId: m.messageId, kind: 'closed', reason: escrowed ? 'escrow-key-failed' : 'not-escrowed' };
  });
  let opened = 0;
  let notEscrowed = 0;
  for (const o of outcomes) {
    if (o.kind === 'opened') opened++;
    else if (o.reason === 'not-escrowed') notEscrowed++;
  }
  return { outcomes, counts: { opened, notEscrowed, failed: outcomes.length - opened - notEscrowed } };
}
