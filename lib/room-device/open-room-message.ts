/**
 * The receive path of a phone: find this device's wrapped key among the recipients, unwrap it with
 * the pair key (recipient-key-wrap.ts), open the ciphertext (message-encryption.ts). Whatever
 * fails is reported, never thrown, so one bad message cannot stop a phone's feed.
 * @module
 */
import { AeadOpenError } from '@/lib/crypto/aead';
import { bytesToUtf8OrNull, hexToBytes, hexToBytesOfLength } from '@/lib/crypto/bytes';
import { encodeHeader } from '@/lib/protocol/envelope-header';
import { openMessage } from '@/lib/protocol/message-encryption';
import type { SealedMessage } from '@/lib/room/room-protocol';
import { unwrapMessageKey } from './recipient-key-wrap';
import { RoomEnvelopeError, roomEnvelopeOf } from './room-envelope';

/** What a phone makes of a message on the stream. */
export type RoomOpenOutcome =
  | { readonly kind: 'opened'; readonly text: string }
  | { readonly kind: 'not-for-me' }
  | { readonly kind: 'rejected'; readonly reason: string };

export interface OpenRoomMessageInput {
  readonly code: string;
  readonly self: { readonly id: string; readonly secretKey: Uint8Array };
  /** The sender as the relay names it, and its published public key (hex); null if unknown. */
  readonly from: string;
  readonly senderPublicKey: string | null;
  readonly message: SealedMessage;
}

/** Opens a message addressed to this device. */
export function openRoomMessage(input: OpenRoomMessageInput): RoomOpenOutcome {
  const mine = input.message.recipients.find((r) => r.member === input.self.id);
  if (!mine) return { kind: 'not-for-me' };
  if (input.senderPublicKey === null) return { kind: 'rejected', reason: 'the sender is not in the room' };
  try {
    const envelope = roomEnvelopeOf(input.code, input.from, input.message);
    const headerBytes = encodeHeader(envelope.header);
    const messageKey = unwrapMessageKey(
      {
        conversationId: envelope.header.conversationId,
        sender: input.from,
        recipient: input.self.id,
        counter: envelope.header.counter,
        headerBytes,
      },
      input.self.secretKey,
      hexToBytesOfLength(input.senderPublicKey, 32, "the sender's public key"),
      hexToBytes(mine.wrappedKey, 'wrapped key'),
    );
    const text = bytesToUtf8OrNull(openMessage(envelope.header, headerBytes, messageKey, envelope.ciphertext));
    if (text === null) return { kind: 'rejected', reason: 'the text is not UTF-8' };
    return { kind: 'opened', text };
  } catch (e) {
    if (e instanceof AeadOpenError) return { kind: 'rejected', reason: 'the authentication tag did not verify' };
    if (e instanceof RoomEnvelopeError) return { kind: 'rejected', reason: e.message };
    return { kind: 'rejected', reason: e instanceof Error ? e.message : String(e) };
  }
}
