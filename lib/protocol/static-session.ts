/**
 * `static` key agreement: the conversation key is HKDF-SHA256 (RFC 5869) of the X25519 shared
 * secret of the two identity keys, salted with the conversation id. Either side computes it from
 * its own identity secret and the peer's public key, at any time, for ever. That is the point of
 * the mode: there is no forward secrecy. Whoever gets one identity secret key opens every message
 * of that person's conversations, past and future.
 * @module
 */
import { utf8ToBytes } from '@/lib/crypto/bytes';
import { deriveKey } from '@/lib/crypto/hkdf';
import { sharedSecret } from '@/lib/crypto/x25519';
import type { ParticipantId } from './participant';

const STATIC_INFO = utf8ToBytes('backdoor-lab static v1');

/** A device's key state for a conversation in static mode. */
export interface StaticSession {
  readonly kind: 'static';
  readonly conversationId: string;
  readonly peer: ParticipantId;
  /** HKDF(X25519(own identity, peer identity), salt = conversation id); the traffic key of every message. */
  readonly conversationKey: Uint8Array;
}

/** conversation key = HKDF-SHA256(ikm = X25519(own secret, peer public), salt = UTF-8(conversationId), info = "backdoor-lab static v1"). */
export function deriveStaticConversationKey(
  ownIdentitySecret: Uint8Array,
  peerIdentityPublic: Uint8Array,
  conversationId: string,
): Uint8Array {
  return deriveKey(sharedSecret(ownIdentitySecret, peerIdentityPublic), utf8ToBytes(conversationId), STATIC_INFO, 32);
}

/** Creates the static session a device holds for a conversation with `peer`. */
export function createStaticSession(
  ownIdentitySecret: Uint8Array,
  peer: ParticipantId,
  peerIdentityPublic: Uint8Array,
  conversationId: string,
): StaticSession {
  return {
    kind: 'static',
    conversationId,
    peer,
    conversationKey: deriveStaticConversationKey(ownIdentitySecret, peerIdentityPublic, conversationId),
  };
}
