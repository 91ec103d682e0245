/**
 * One message key, wrapped once per recipient (the contract's `recipients`). Each pair of members
 * shares the lab's static conversation key (static-session.ts: HKDF over the X25519 of their
 * identity keys, salted with the conversation id), and the message key is sealed under it with
 * ChaCha20-Poly1305, the envelope header as associated data. The nonce is direction ‖ counter, as
 * in the lab's static mode (message-encryption.ts): the sender's counter never repeats within a
 * conversation, and the direction keeps the two members' counters apart under their shared key
 * (RFC 8439 §4: a nonce must never repeat under one key).
 *
 * A room member's identity key is static, so this is the lab's `static` mode: no forward secrecy.
 * Whoever gets a phone's secret key opens every message that phone could read. The workshop's
 * point is a different one (escrow), and the projector says so.
 * @module
 */
import { open, seal } from '@/lib/crypto/aead';
import { concatBytes, i2osp } from '@/lib/crypto/bytes';
import { deriveStaticConversationKey } from '@/lib/protocol/static-session';

function wrapNonce(sender: string, recipient: string, counter: number): Uint8Array {
  return concatBytes(i2osp(sender < recipient ? 0 : 1, 4), i2osp(counter, 8));
}

/** What a wrap is bound to: both members, the conversation, the sender's counter and the header bytes. */
export interface KeyWrapContext {
  readonly conversationId: string;
  readonly sender: string;
  readonly recipient: string;
  readonly counter: number;
  readonly headerBytes: Uint8Array;
}

/** Seals `messageKey` for `recipient` with the sender's identity secret and the recipient's public key. */
export function wrapMessageKey(
  context: KeyWrapContext,
  senderSecret: Uint8Array,
  recipientPublic: Uint8Array,
  messageKey: Uint8Array,
): Uint8Array {
  const pairKey = deriveStaticConversationKey(senderSecret, recipientPublic, context.conversationId);
  return seal({
    algorithm: 'chacha20-poly1305',
    key: pairKey,
    nonce: wrapNonce(context.sender, context.recipient, context.counter),
    plaintext: messageKey,
    aad: context.headerBytes,
  });
}

/** Opens a wrap with the recipient's identity secret and the sender's public key; throws `AeadOpenError`. */
export function unwrapMessageKey(
  context: KeyWrapContext,
  recipientSecret: Uint8Array,
  senderPublic: Uint8Array,
  wrapped: Uint8Array,
): Uint8Array {
  const pairKey = deriveStaticConversationKey(recipientSecret, senderPublic, context.conversationId);
  return open({
    algorithm: 'chacha20-poly1305',
    key: pairKey,
    nonce: wrapNonce(context.sender, context.recipient, context.counter),
    sealed: wrapped,
    aad: context.headerBytes,
  });
}
