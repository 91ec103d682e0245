/**
 * A thief rewrites a captured message and delivers it, in a generated world (the attack lab, the
 * three-world comparison) or in the escrow lesson's one-message scene. With a key that opens the
 * message (from the escrow field and a stolen escrow key, or, in static mode, from a stolen phone's
 * identity key) it re-seals the new text under the same header; the recipient's client derives the
 * same key from its own state and the tag verifies. Without one, it can only edit the ciphertext in
 * place or seal under a key of its own, and the recipient's tag check refuses both. The primitives
 * (key recovery, re-sealing, the keyless edit, delivery) are lib/protocol/forgery.ts.
 * @module
 */
import * as z from 'zod/mini';
import type { RandomSource } from '@/lib/crypto/random';
import type { Loot } from '@/lib/protocol/capability';
import {
  generatePrekey,
  initialConversationKeyState,
  receiveMessage,
  sendMessage,
  type ConversationKeyState,
  type DeviceContext,
} from '@/lib/protocol/device';
import type { Envelope } from '@/lib/protocol/envelope';
import { encodeHeader } from '@/lib/protocol/envelope-header';
import type { EscrowSecretKey } from '@/lib/protocol/escrow-setup';
import {
  deliverToRecipient,
  deliveryOf,
  forgeByEditingCiphertext,
  keylessEditText,
  noEscrowKeyReason,
  recoverTrafficKeyWithEscrow,
  resealWithKey,
  type DeliveryResult,
} from '@/lib/protocol/forgery';
import { identityPublicKeyOf } from '@/lib/protocol/key-directory';
import { openMessage } from '@/lib/protocol/message-encryption';
import { deriveStaticConversationKey } from '@/lib/protocol/static-session';
import type { World } from '@/lib/protocol/world';
import {
  createLabAuthority,
  labClient,
  labDirectory,
  labPerson,
  singleAuthorityPolicy,
  type LabEscrowAuthority,
} from './lab-people';
import { bytes, count, simTime } from './scenario-fields';

/** How a keyless forger tries: XOR the ciphertext (knowing the old text), or seal under a key of its own. */
export const keylessForgerySchema = z.enum(['edit-ciphertext', 'random-key']);

/** How a forger without the key tries. */
export type KeylessForgery = z.infer<typeof keylessForgerySchema>;

/** How the forged envelope was made. */
export const forgeMethodSchema = z.enum([
  'resealed-with-escrowed-key',
  'resealed-with-phone-key',
  'edited-ciphertext-without-key',
  'sealed-with-own-key',
]);

/** A forgery in a world and what the recipient's client did with it (`noKeyReason`: why the escrow route gave no key). */
export const forgeResultSchema = z.strictObject({
  seq: count,
  original: z.strictObject({
    sender: z.string(),
    recipient: z.string(),
    sentAt: simTime,
    text: z.string(),
    ciphertext: bytes,
    escrowed: z.boolean(),
  }),
  method: forgeMethodSchema,
  noKeyReason: z.nullable(z.string()),
  recoveredKey: z.nullable(bytes),
  forgedText: z.string(),
  forgedCiphertext: bytes,
  delivery: z.discriminatedUnion('accepted', [
    z.strictObject({ accepted: z.literal(true), plaintext: z.string() }),
    z.strictObject({ accepted: z.literal(false), reason: z.enum(['tag-failed', 'rejected']), message: z.string() }),
  ]),
});

/** A forgery's result. */
export type ForgeResult = z.infer<typeof forgeResultSchema>;

/** The thief's default text (from the forgery widget's specification), in every forgery scene. */
export const DEFAULT_FORGED_TEXT = 'Change of plan: send the files to this address instead';

/** A traffic key the thief holds for `envelope`, and where it came from; null when it holds none. */
function thiefKeyFor(
  world: World | null,
  envelope: Envelope,
  loot: Loot,
): { key: Uint8Array; source: 'escrow' | 'static-device' } | null {
  const fromEscrow = recoverTrafficKeyWithEscrow(envelope, loot.escrowKeys);
  if (fromEscrow) return { key: fromEscrow, source: 'escrow' };
  const h = envelope.header;
  if (!world || h.mode !== 'static') return null;
  // Static mode: a stolen phone's identity secret gives every conversation key of its owner, for ever.
  for (const device of loot.devices) {
    if (device.participantId !== h.sender && device.participantId !== h.recipient) continue;
    const peer = device.participantId === h.sender ? h.recipient : h.sender;
    const key = deriveStaticConversationKey(
      device.identity.secretKey,
      identityPublicKeyOf(world.directory, peer),
      h.conversationId,
    );
    try {
      openMessage(h, encodeHeader(h), key, envelope.ciphertext);
      return { key, source: 'static-device' };
    } catch {
      continue;
    }
  }
  return null;
}

/** How a forged envelope was made, before delivery. */
export type Forgery =
  | {
      readonly method: 'resealed-with-escrowed-key' | 'resealed-with-phone-key';
      readonly recoveredKey: Uint8Array;
      readonly forged: Envelope;
      readonly forgedText: string;
    }
  | {
      readonly method: 'edited-ciphertext-without-key' | 'sealed-with-own-key';
      /** Why there was no key to recover. */
      readonly noKeyReason: string;
      readonly forged: Envelope;
      /** What the recipient would read: for the edit, the text cut or padded to the original's length. */
      readonly forgedText: string;
    };

/**
 * Forges `newText` in place of `original`: re-sealed with a key the thief holds, else (no key) by
 * `keyless`: editing the ciphertext knowing `originalText` (the forger's best case: XOR-ing in
 * old ⊕ new changes the plaintext exactly), or sealing under a random key of its own.
 */
function forgeEnvelope(
  world: World | null,
  original: Envelope,
  originalText: string,
  newText: string,
  loot: Loot,
  options: { readonly keyless?: KeylessForgery; readonly random?: RandomSource } = {},
): Forgery {
  const held = thiefKeyFor(world, original, loot);
  if (held) {
    const method = held.source === 'escrow' ? 'resealed-with-escrowed-key' : 'resealed-with-phone-key';
    return { method, recoveredKey: held.key, forged: resealWithKey(original, held.key, newText), forgedText: newText };
  }
  const noKeyReason = noEscrowKeyReason(original, loot.escrowKeys);
  if ((options.keyless ?? 'edit-ciphertext') === 'edit-ciphertext') {
    const attempt = forgeByEditingCiphertext(original, originalText, newText);
    if (!attempt.ok) throw new Error(`forgery: the keyless edit failed to produce an envelope: ${attempt.reason}`);
    return {
      method: 'edited-ciphertext-without-key',
      noKeyReason,
      forged: attempt.forged,
      forgedText: keylessEditText(original, newText),
    };
  }
  if (!options.random) throw new RangeError('forgery: sealing under a key of its own needs a random source');
  return {
    method: 'sealed-with-own-key',
    noKeyReason,
    forged: resealWithKey(original, options.random.bytes(32), newText),
    forgedText: newText,
  };
}

/** Forges relay record `seq` with the keys in `loot` (or without a key, by `keyless`), and delivers it. */
export function forgeCapturedMessage(
  world: World,
  seq: number,
  newText: string,
  loot: Loot,
  options: { readonly keyless?: KeylessForgery; readonly random: RandomSource },
): ForgeResult {
  const record = world.relay.records[seq];
  if (!record) throw new RangeError(`no relay record ${seq} in this world (it has ${world.relay.records.length})`);
  const original = record.envelope;
  const h = original.header;
  const originalText = world.schedule[seq]?.text ?? '';
  const forgery = forgeEnvelope(world, original, originalText, newText, loot, options);
  return {
    seq,
    original: {
      sender: h.sender,
      recipient: h.recipient,
      sentAt: h.sentAt,
      text: originalText,
      ciphertext: original.ciphertext,
      escrowed: Boolean(original.escrow),
    },
    method: forgery.method,
    noKeyReason: 'noKeyReason' in forgery ? forgery.noKeyReason : null,
    recoveredKey: 'recoveredKey' in forgery ? forgery.recoveredKey : null,
    forgedText: forgery.forgedText,
    forgedCiphertext: forgery.forged.ciphertext,
    delivery: deliverToRecipient(world, seq, forgery.forged),
  };
}

// The escrow lesson's scene: one message from Alice to Bob, made by the real client (ratchet mode:
// simplified X3DH, then the Double Ratchet; lib/protocol/device.ts), with or without escrow. The
// thief holds a copy of the escrow secret key and, being on the path, delivers its own envelope to
// Bob, whose ordinary client receives it from the state it was in before the original arrived.

/** The conversation the captured message belongs to. */
const FORGERY_CONVERSATION_ID = 'lab-alice-bob';

/** Alice's genuine message in the scene. */
export const ORIGINAL_TEXT = "The files are ready. I'll send them to the usual address tonight.";

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

/** How the scene's forgery was made and what Bob's client did with it. */
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
  const directory = labDirectory(
    [alice, bob],
    [{ owner: 'bob', conversationId: FORGERY_CONVERSATION_ID, publicKey: prekey.publicKey }],
  );
  const authority = escrow ? createLabAuthority(random) : null;
  const aliceState = initialConversationKeyState('ratchet', 'initiator', {
    conversationId: FORGERY_CONVERSATION_ID,
    peer: 'bob',
    identity: alice.identity,
    directory,
  });
  const bobBefore = initialConversationKeyState('ratchet', 'responder', {
    conversationId: FORGERY_CONVERSATION_ID,
    peer: 'alice',
    identity: bob.identity,
    directory,
    prekey,
  });
  const aliceClient = labClient(alice, directory, random, authority ? singleAuthorityPolicy(authority) : null);
  const { envelope } = sendMessage(aliceState, ORIGINAL_TEXT, sentAt, aliceClient);
  return {
    escrow,
    authority,
    original: envelope,
    originalText: ORIGINAL_TEXT,
    bobBefore,
    bobClient: labClient(bob, directory, random, null),
  };
}

/** Bob's ordinary client receives `envelope` in place of the original. It never looks at the escrow field. */
export function deliverToBob(scene: ForgeryScene, envelope: Envelope): DeliveryResult {
  return deliveryOf(() => receiveMessage(scene.bobBefore, envelope, scene.bobClient).plaintext);
}

/** The thief's stolen copy of the escrow key, as lib/protocol's loot holds it. */
function thiefKeys(scene: ForgeryScene): EscrowSecretKey[] {
  return scene.authority
    ? [{ authorityId: scene.authority.id, secretKey: scene.authority.secretKey, how: 'copied by the thief' }]
    : [];
}

/**
 * Forges `newText` as a message from Alice and delivers it to Bob. With escrow, by re-sealing under
 * the recovered key; without, by the keyless edit (the only thing left to try).
 */
export function forgeAndDeliver(scene: ForgeryScene, newText: string): ForgeryOutcome {
  if (newText.trim().length === 0) throw new RangeError('Type the text the thief wants Bob to read.');
  const forgery = forgeEnvelope(null, scene.original, scene.originalText, newText, {
    devices: [],
    escrowKeys: thiefKeys(scene),
  });
  const delivery = deliverToBob(scene, forgery.forged);
  if (forgery.method === 'resealed-with-escrowed-key')
    return { method: forgery.method, recoveredKey: forgery.recoveredKey, forged: forgery.forged, delivery };
  if (forgery.method !== 'edited-ciphertext-without-key')
    throw new Error(`forgery: unexpected method ${forgery.method} in the scene`);
  return {
    method: forgery.method,
    noKeyReason: forgery.noKeyReason,
    attemptedText: forgery.forgedText,
    forged: forgery.forged,
    delivery,
  };
}
