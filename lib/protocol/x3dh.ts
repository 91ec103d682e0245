/**
 * A simplified X3DH (Marlinspike & Perrin, "The X3DH Key Agreement Protocol", rev. 1, 2016) that
 * starts each ratchet conversation.
 *
 * Simplifications, on purpose:
 * - The responder publishes one **one-time prekey per conversation** (PK_B) that plays the role of
 *   X3DH's signed prekey; there is no separate one-time prekey and no signature over it (the key
 *   directory is trusted here; the ghost-user lesson is about what happens when it is not).
 * - SK = HKDF-SHA256(salt = 32 zero bytes, ikm = F ‖ DH1 ‖ DH2 ‖ DH3, info = "backdoor-lab x3dh v1"
 *   ‖ conversation id), with F = 32 bytes of 0xFF (X3DH §2.2) and
 *   DH1 = DH(IK_A, PK_B), DH2 = DH(EK_A, IK_B), DH3 = DH(EK_A, PK_B) (X3DH §3.3 without DH4).
 * - The identity keys are X25519 keys directly (Signal uses XEdDSA to sign with them).
 *
 * The prekey's secret stays on the responder's device until the first message arrives, then it
 * becomes the responder's first ratchet key and is replaced at the first DH ratchet step. So a
 * device stolen before a conversation starts exposes the initiator's first turn, as in Signal.
 * @module
 */
import { concatBytes, utf8ToBytes } from '@/lib/crypto/bytes';
import { deriveKey } from '@/lib/crypto/hkdf';
import { sharedSecret } from '@/lib/crypto/x25519';

const F = new Uint8Array(32).fill(0xff);
const ZERO_SALT = new Uint8Array(32);

function x3dhInfo(conversationId: string): Uint8Array {
  return concatBytes(utf8ToBytes('backdoor-lab x3dh v1'), utf8ToBytes(conversationId));
}

/** The initiator's inputs: its identity secret, a fresh ephemeral secret, and the responder's published keys. */
export interface X3dhInitiatorInput {
  readonly identitySecret: Uint8Array;
  readonly ephemeralSecret: Uint8Array;
  readonly peerIdentityPublic: Uint8Array;
  readonly peerPrekeyPublic: Uint8Array;
  readonly conversationId: string;
}

/** The responder's inputs: its identity and prekey secrets, and the initiator's public keys from the first message. */
export interface X3dhResponderInput {
  readonly identitySecret: Uint8Array;
  readonly prekeySecret: Uint8Array;
  readonly peerIdentityPublic: Uint8Array;
  readonly peerEphemeralPublic: Uint8Array;
  readonly conversationId: string;
}

/** SK as the initiator computes it. */
export function x3dhInitiator(input: X3dhInitiatorInput): Uint8Array {
  const dh1 = sharedSecret(input.identitySecret, input.peerPrekeyPublic);
  const dh2 = sharedSecret(input.ephemeralSecret, input.peerIdentityPublic);
  const dh3 = sharedSecret(input.ephemeralSecret, input.peerPrekeyPublic);
  return deriveKey(concatBytes(F, dh1, dh2, dh3), ZERO_SALT, x3dhInfo(input.conversationId), 32);
}

/** SK as the responder computes it; equal to the initiator's when both used the same keys. */
export function x3dhResponder(input: X3dhResponderInput): Uint8Array {
  const dh1 = sharedSecret(input.prekeySecret, input.peerIdentityPublic);
  const dh2 = sharedSecret(input.identitySecret, input.peerEphemeralPublic);
  const dh3 = sharedSecret(input.prekeySecret, input.peerEphemeralPublic);
  return deriveKey(concatBytes(F, dh1, dh2, dh3), ZERO_SALT, x3dhInfo(input.conversationId), 32);
}
