/**
 * The thief writes a message Alice never sent. A captured envelope from Alice to Bob, made by the
 * real client (ratchet mode: simplified X3DH, then the Double Ratchet; lib/protocol/device.ts),
 * with or without escrow. The thief holds a copy of the escrow secret key and, being on the path,
 * can deliver its own envelope to Bob in place of the original.
 *
 * - Escrow on: lib/protocol/forgery.ts recovers the message's traffic key from the escrow field
 *   (HPKE open, wrap chain, unwrap) and re-seals new text under the same header. Bob's client runs
 *   its ordinary receive path from the state it was in before the original arrived: the ratchet
 *   derives the same key, the tag verifies, and the text shows as Alice's.
 * - Escrow off: there is no field to recover a key from; the best keyless attempt edits the
 *   ciphertext in place (knowing the original text), and the Poly1305 tag refuses it.
 * @module
 */
import { AeadOpenError } from '@/lib/crypto/aead';
import type { RandomSource } from '@/lib/crypto/random';
import { RatchetError } from '@/lib/protocol/double-ratchet';
import {
  DeliveryRejectedError,
  generatePrekey,
  initialConversationKeyState,
  receiveMessage,
  sendMessage,
  type ConversationKeyState,
  type DeviceContext,
} from '@/lib/protocol/device';
import type { Envelope } from '@/lib/protocol/envelope';
import type { EscrowSecretKey } from '@/lib/protocol/escrow-setup';
import { forgeByEditingCiphertext, forgeWithEscrowKey, recoverTrafficKeyWithEscrow, type DeliveryResult } from '@/lib/protocol/forgery';
import { createLabAuthority, labClient, labDirectory, labPerson, singleAuthorityPolicy, type LabEscrowAuthority } from './lab-people';

/** The conversation the captured message belongs to. */
export const FORGERY_CONVERSATION_ID = 'lab-alice-bob';

/** Alice's genuine message in the scene. */
export const ORIGINAL_TEXT = "The files are ready. I'll send them to the usual address tonight.";

/** The thief's default text (from the widget's specification). */
export const DEFAULT_FORGED_TEXT = 'Change of plan: send the files to this address instead';

/** A captured message and everything needed to hand Bob a replacement. */
export interface ForgeryScene {
  readonly escrow: boolean;
  /** The authority whose key the thief copied (null with escrow off). */
  readonly authority: LabEscrowAuthority | null;
  readonly original: Envelope;
  readonly originalText: string;
  /** Bob's key state for the conversation just before the original reached him. */
  readonly bobBefore: ConversationKeyState;
  readonly bobClient: DeviceContext;
}

/** How a forgery was made and what Bob's client did with it. */
export type ForgeryOutcome =
  | {
      readonly method: 'resealed-with-escrowed-key';
      /** The traffic key the thief recovered from the escrow field. */
      readonly recoveredKey: Uint8Array;
      readonly forged: Envelope;
      readonly delivery: DeliveryResult;
    }
  | {
      readonly method: 'edited-ciphertext-without-key';
      /** Why there was no key to recover. */
      readonly noKeyReason: string;
      /** The text as it had to be cut or padded: a stream cipher keeps the length. */
      readonly attemptedText: string;
      readonly forged: Envelope;
      readonly delivery: DeliveryResult;
    };

/** Alice sends one message to Bob (escrow on or off); the thief captures it. */
export function captureForgeryScene(escrow: boolean, random: RandomSource, sentAt = 10 * 60): ForgeryScene {
  const alice = labPerson('alice', random);
  const bob = labPerson('bob', random);
  const prekey = generatePrekey(random);
  const directory = labDirectory([alice, bob], [{ owner: 'bob', conversationId: FORGERY_CONVERSATION_ID, publicKey: prekey.publicKey }]);
  const authority = escrow ? createLabAuthority(random) : null;
  const aliceState = initialConversationKeyState('ratchet', 'initiator', { conversationId: FORGERY_CONVERSATION_ID, peer: 'bob', identity: alice.identity, directory });
  const bobBefore = initialConversationKeyState('ratchet', 'responder', { conversationId: FORGERY_CONVERSATION_ID, peer: 'alice', identity: bob.identity, directory, prekey });
  const aliceClient = labClient(alice, directory, random, authority ? singleAuthorityPolicy(authority) : null);
  const { envelope } = sendMessage(aliceState, ORIGINAL_TEXT, sentAt, aliceClient);
  return { escrow, authority, original: envelope, originalText: ORIGINAL_TEXT, bobBefore, bobClient: labClient(bob, directory, random, null) };
}

/** Bob's ordinary client receives `envelope` in place of the original. It never looks at the escrow field. */
export function deliverToBob(scene: ForgeryScene, envelope: Envelope): DeliveryResult {
  try {
    return { accepted: true, plaintext: receiveMessage(scene.bobBefore, envelope, scene.bobClient).plaintext };
  } catch (e) {
    if (e instanceof AeadOpenError) return { accepted: false, reason: 'tag-failed', message: e.message };
    if (e instanceof DeliveryRejectedError || e instanceof RatchetError || e instanceof RangeError) {
      return { accepted: false, reason: 'rejected', message: e.message };
    }
    throw e;
  }
}

/** The thief's stolen copy of the escrow key, as lib/protocol's loot holds it. */
export function thiefKeys(scene: ForgeryScene): EscrowSecretKey[] {
  return scene.authority ? [{ authorityId: scene.authority.id, secretKey: scene.authority.secretKey, how: 'copied by the thief' }] : [];
}

/**
 * Forges `newText` as a message from Alice and delivers it to Bob. With escrow, by re-sealing under
 * the recovered key; without, by the keyless edit (the only thing left to try).
 */
export function forgeAndDeliver(scene: ForgeryScene, newText: string): ForgeryOutcome {
  if (newText.trim().length === 0) throw new RangeError('Type the text the thief wants Bob to read.');
  const keys = thiefKeys(scene);
  const attempt = forgeWithEscrowKey(scene.original, keys, newText);
  if (attempt.ok) {
    const recoveredKey = recoverTrafficKeyWithEscrow(scene.original, keys);
    if (!recoveredKey) throw new Error('forgery: the key that re-sealed the message could not be recovered again');
    return { method: 'resealed-with-escrowed-key', recoveredKey, forged: attempt.forged, delivery: deliverToBob(scene, attempt.forged) };
  }
  const edited = forgeByEditingCiphertext(scene.original, scene.originalText, newText);
  if (!edited.ok) throw new Error(`forgery: the keyless edit failed to produce an envelope: ${edited.reason}`);
  const bodyLength = scene.original.ciphertext.length - 16;
  const attemptedText = newText.slice(0, bodyLength).padEnd(bodyLength, ' ');
  return { method: 'edited-ciphertext-without-key', noKeyReason: attempt.reason, attemptedText, forged: edited.forged, delivery: deliverToBob(scene, edited.forged) };
}
