/**
 * A room message from the wire as the lab's {@link Envelope}: the header decoded (strictly,
 * envelope-header.ts), the ciphertext, and the escrow field when there is one. The receiving
 * phone and the projector's decryption both start here, and both refuse a header that does not
 * say what the relay says (the relay assigns `from`; the header is what the AEAD authenticates).
 * @module
 */
import { hexToBytes } from '@/lib/crypto/bytes';
import type { Envelope } from '@/lib/protocol/envelope';
import { decodeHeader } from '@/lib/protocol/envelope-header';
import type { SealedMessage } from '@/lib/room/room-protocol';
import { decodeEscrowField } from './escrow-field';
import { roomConversationId } from './room-conversation';

/** A wire message that is not a well-formed envelope of this room from this sender. */
export class RoomEnvelopeError extends Error {
  override readonly name = 'RoomEnvelopeError';
}

/** Decodes `message` and checks its header against the room, the relay's `from` and `to`. */
export function roomEnvelopeOf(code: string, from: string, message: SealedMessage): Envelope {
  let envelope: Envelope;
  try {
    const header = decodeHeader(hexToBytes(message.header, 'header'));
    envelope = {
      header,
      ciphertext: hexToBytes(message.ciphertext, 'ciphertext'),
      ...(message.escrow ? { escrow: decodeEscrowField(hexToBytes(message.escrow, 'escrow')) } : {}),
    };
  } catch (e) {
    throw new RoomEnvelopeError(`not a readable envelope: ${e instanceof Error ? e.message : String(e)}`);
  }
  const h = envelope.header;
  if (h.mode !== 'static') throw new RoomEnvelopeError('room messages use static mode');
  if (h.sender !== from) throw new RoomEnvelopeError('the header names another sender than the relay does');
  if (h.recipient !== message.to) throw new RoomEnvelopeError('the header names another recipient');
  if (h.conversationId !== roomConversationId(code, from, message.to))
    throw new RoomEnvelopeError('the header names another conversation');
  if (Boolean(h.escrow) !== Boolean(envelope.escrow))
    throw new RoomEnvelopeError('the header and the escrow field disagree');
  return envelope;
}
