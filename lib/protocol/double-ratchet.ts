/**
 * The Double Ratchet (T. Perrin & M. Marlinspike, "The Double Ratchet Algorithm", rev. 1, 2016),
 * as pure functions over plain-data session states: each step returns a new state and leaves its
 * input untouched, so the world can keep every version and a "stolen device" is just the version
 * in force at the theft time.
 *
 * - KDF_RK(rk, dh_out) = HKDF-SHA256(salt = rk, ikm = dh_out, info = "backdoor-lab ratchet v1") →
 *   64 bytes: new root key ‖ chain key (§5.2).
 * - KDF_CK: HMAC-SHA256 with 0x01 / 0x02 (see chain-kdf.ts).
 * - A fresh X25519 ratchet key pair on every turn (DHRatchet, §3.5) gives post-compromise healing;
 *   message keys are returned to the caller once and never stored (except skipped ones, §3.2), which
 *   gives forward secrecy.
 *
 * Delivery in this simulation is immediate and in order, so the honest path never skips; skipped-key
 * storage (bounded by {@link MAX_SKIP}) is implemented for robustness and for forged or replayed input.
 * @module
 */
import { bytesToHex, equalBytes, utf8ToBytes } from '@/lib/crypto/bytes';
import { hkdfExpand, hkdfExtract } from '@/lib/crypto/hkdf';
import type { RandomSource } from '@/lib/crypto/random';
import { generateKeyPair, sharedSecret, type X25519KeyPair } from '@/lib/crypto/x25519';
import { askAll, askSharedSecret, runX25519Sync, type X25519Steps } from '@/lib/crypto/x25519-platform';
import { kdfChainKey } from './chain-kdf';
import type { RatchetHeaderFields } from './envelope-header';
import type { ParticipantId } from './participant';
import { x3dhInitiator, x3dhResponder } from './x3dh';

const ROOT_INFO = utf8ToBytes('backdoor-lab ratchet v1');

/** Most message keys one received header may make a device skip and store (§3.2 MAX_SKIP). */
export const MAX_SKIP = 1000;

/** A message key kept because its message has not arrived yet (out of order). */
export interface SkippedMessageKey {
  readonly ratchetPublicKey: Uint8Array;
  readonly messageNumber: number;
  readonly messageKey: Uint8Array;
}

/** A running Double Ratchet session: the state variables of §3.2, with Signal's names in comments. */
export interface RatchetSession {
  readonly kind: 'ratchet';
  readonly conversationId: string;
  readonly peer: ParticipantId;
  /** RK */
  readonly rootKey: Uint8Array;
  /** DHs: own current ratchet key pair. */
  readonly sendingRatchetKey: X25519KeyPair;
  /** DHr: the peer's current ratchet public key (null until the first message is received). */
  readonly receivingRatchetKey: Uint8Array | null;
  /** CKs */
  readonly sendingChainKey: Uint8Array | null;
  /** CKr */
  readonly receivingChainKey: Uint8Array | null;
  /** Ns */
  readonly sendMessageNumber: number;
  /** Nr */
  readonly receiveMessageNumber: number;
  /** PN */
  readonly previousSendingChainLength: number;
  /** MKSKIPPED */
  readonly skippedMessageKeys: readonly SkippedMessageKey[];
  /** The initiator's X3DH ephemeral public key, sent in every header until a reply arrives; null after. */
  readonly x3dhEphemeralPublicKey: Uint8Array | null;
}

/** The responder before the first message: it holds the secret of the prekey it published for this conversation. */
export interface RatchetAwaitingFirstMessage {
  readonly kind: 'ratchet-awaiting-first-message';
  readonly conversationId: string;
  readonly peer: ParticipantId;
  readonly prekey: X25519KeyPair;
}

/** The initiator before its first message: it knows only the peer's public prekey (from the directory). */
export interface RatchetNotStarted {
  readonly kind: 'ratchet-not-started';
  readonly conversationId: string;
  readonly peer: ParticipantId;
  readonly peerPrekeyPublic: Uint8Array;
}

/** A received header the session cannot process (too many skipped keys, no receiving chain). */
export class RatchetError extends Error {
  override readonly name = 'RatchetError';
}

/** KDF_RK(rk, dh_out): HKDF with the root key as salt (§5.2). */
export function kdfRootKey(rootKey: Uint8Array, dhOutput: Uint8Array): { rootKey: Uint8Array; chainKey: Uint8Array } {
  const okm = hkdfExpand(hkdfExtract(dhOutput, rootKey), ROOT_INFO, 64);
  return { rootKey: okm.slice(0, 32), chainKey: okm.slice(32, 64) };
}

/**
 * RatchetInitAlice (§3.3) after X3DH: fresh ephemeral EK and ratchet key DHs from `random`,
 * SK from X3DH, then (RK, CKs) = KDF_RK(SK, DH(DHs, PK_B)).
 */
export function startRatchetAsInitiator(
  notStarted: RatchetNotStarted,
  identitySecret: Uint8Array,
  peerIdentityPublic: Uint8Array,
  random: RandomSource,
): RatchetSession {
  const ephemeral = generateKeyPair(random);
  const sk = x3dhInitiator({
    identitySecret,
    ephemeralSecret: ephemeral.secretKey,
    peerIdentityPublic,
    peerPrekeyPublic: notStarted.peerPrekeyPublic,
    conversationId: notStarted.conversationId,
  });
  const sendingRatchetKey = generateKeyPair(random);
  const { rootKey, chainKey } = kdfRootKey(sk, sharedSecret(sendingRatchetKey.secretKey, notStarted.peerPrekeyPublic));
  // The ephemeral secret is used once, here, and then dropped: only its public half is kept.
  return {
    kind: 'ratchet',
    conversationId: notStarted.conversationId,
    peer: notStarted.peer,
    rootKey,
    sendingRatchetKey,
    receivingRatchetKey: notStarted.peerPrekeyPublic,
    sendingChainKey: chainKey,
    receivingChainKey: null,
    sendMessageNumber: 0,
    receiveMessageNumber: 0,
    previousSendingChainLength: 0,
    skippedMessageKeys: [],
    x3dhEphemeralPublicKey: ephemeral.publicKey,
  };
}

/** RatchetInitBob (§3.3) after X3DH: RK = SK, DHs = the prekey pair; the first receive then ratchets. */
export function startRatchetAsResponder(
  awaiting: RatchetAwaitingFirstMessage,
  identitySecret: Uint8Array,
  peerIdentityPublic: Uint8Array,
  peerEphemeralPublic: Uint8Array,
): RatchetSession {
  const sk = x3dhResponder({
    identitySecret,
    prekeySecret: awaiting.prekey.secretKey,
    peerIdentityPublic,
    peerEphemeralPublic,
    conversationId: awaiting.conversationId,
  });
  return {
    kind: 'ratchet',
    conversationId: awaiting.conversationId,
    peer: awaiting.peer,
    rootKey: sk,
    sendingRatchetKey: awaiting.prekey,
    receivingRatchetKey: null,
    sendingChainKey: null,
    receivingChainKey: null,
    sendMessageNumber: 0,
    receiveMessageNumber: 0,
    previousSendingChainLength: 0,
    skippedMessageKeys: [],
    x3dhEphemeralPublicKey: null,
  };
}

/** RatchetEncrypt's key part (§3.4): the next message key and header fields; the caller seals. */
export function ratchetSendStep(session: RatchetSession): {
  session: RatchetSession;
  messageKey: Uint8Array;
  fields: RatchetHeaderFields;
} {
  if (!session.sendingChainKey)
    throw new RatchetError('no sending chain yet: the responder sends only after the first message arrives');
  const step = kdfChainKey(session.sendingChainKey);
  return {
    session: { ...session, sendingChainKey: step.nextChainKey, sendMessageNumber: session.sendMessageNumber + 1 },
    messageKey: step.messageKey,
    fields: {
      publicKey: session.sendingRatchetKey.publicKey,
      previousChainLength: session.previousSendingChainLength,
      messageNumber: session.sendMessageNumber,
    },
  };
}

/** SkipMessageKeys(state, until), §3.5: stores keys of messages not yet received on the current chain. */
function skipMessageKeys(session: RatchetSession, until: number): RatchetSession {
  if (session.receiveMessageNumber + MAX_SKIP < until) {
    throw new RatchetError(
      `header asks to skip ${until - session.receiveMessageNumber} message keys (more than MAX_SKIP = ${MAX_SKIP})`,
    );
  }
  if (!session.receivingChainKey || !session.receivingRatchetKey || session.receiveMessageNumber >= until)
    return session;
  let chainKey = session.receivingChainKey;
  const skipped = [...session.skippedMessageKeys];
  for (let n = session.receiveMessageNumber; n < until; n++) {
    const step = kdfChainKey(chainKey);
    skipped.push({ ratchetPublicKey: session.receivingRatchetKey, messageNumber: n, messageKey: step.messageKey });
    chainKey = step.nextChainKey;
  }
  return { ...session, receivingChainKey: chainKey, receiveMessageNumber: until, skippedMessageKeys: skipped };
}

/** What {@link ratchetReceiveStep} returns: the state to keep if the message opens, and its key. */
export interface RatchetReceived {
  readonly session: RatchetSession;
  readonly messageKey: Uint8Array;
}

/**
 * RatchetDecrypt's key part (§3.5): the message key for a received header and the state to keep
 * *if* the message then opens (commit only on success, as §3.5 says). Runs a DH ratchet step, with
 * a fresh key pair from `random`, when the header carries a new ratchet public key.
 */
export function ratchetReceiveStep(
  session: RatchetSession,
  fields: RatchetHeaderFields,
  random: RandomSource,
): RatchetReceived {
  return runX25519Sync(ratchetReceiveSteps(session, fields, random));
}

/**
 * {@link ratchetReceiveStep} as a computation that asks for its X25519 results (x25519-platform.ts),
 * so world generation can answer them with the platform's X25519. Same bytes, same errors.
 */
export function* ratchetReceiveSteps(
  session: RatchetSession,
  fields: RatchetHeaderFields,
  random: RandomSource,
): X25519Steps<RatchetReceived> {
  const skippedIndex = session.skippedMessageKeys.findIndex(
    (k) => k.messageNumber === fields.messageNumber && equalBytes(k.ratchetPublicKey, fields.publicKey),
  );
  if (skippedIndex >= 0) {
    const remaining = session.skippedMessageKeys.filter((_, i) => i !== skippedIndex);
    return {
      session: { ...session, skippedMessageKeys: remaining },
      messageKey: session.skippedMessageKeys[skippedIndex]!.messageKey,
    };
  }
  let s = session;
  if (!s.receivingRatchetKey || !equalBytes(fields.publicKey, s.receivingRatchetKey)) {
    s = skipMessageKeys(s, fields.previousChainLength);
    // DHRatchet(state, header), §3.5. The new key pair is GENERATE_DH(): 32 bytes from `random`, as generateKeyPair draws them.
    // dh1 is asked for before the draw, as before: a refused (low-order) key must not consume randomness.
    const received = kdfRootKey(s.rootKey, yield* askSharedSecret(s.sendingRatchetKey.secretKey, fields.publicKey));
    const secretKey = random.bytes(32);
    const [publicKey, dh2] = yield* askAll([
      { kind: 'public-key', secretKey },
      { kind: 'shared-secret', secretKey, publicKey: fields.publicKey },
    ]);
    const sendingRatchetKey: X25519KeyPair = { secretKey, publicKey: publicKey!, randomness: random.kind };
    const sent = kdfRootKey(received.rootKey, dh2!);
    s = {
      ...s,
      previousSendingChainLength: s.sendMessageNumber,
      sendMessageNumber: 0,
      receiveMessageNumber: 0,
      receivingRatchetKey: fields.publicKey,
      receivingChainKey: received.chainKey,
      sendingRatchetKey,
      rootKey: sent.rootKey,
      sendingChainKey: sent.chainKey,
    };
  }
  s = skipMessageKeys(s, fields.messageNumber);
  if (!s.receivingChainKey) throw new RatchetError('no receiving chain for this header');
  if (fields.messageNumber < s.receiveMessageNumber) {
    throw new RatchetError(
      `message ${fields.messageNumber} on ratchet key ${bytesToHex(fields.publicKey).slice(0, 8)}… was already received or its key deleted`,
    );
  }
  const step = kdfChainKey(s.receivingChainKey);
  return {
    session: {
      ...s,
      receivingChainKey: step.nextChainKey,
      receiveMessageNumber: s.receiveMessageNumber + 1,
      x3dhEphemeralPublicKey: null,
    },
    messageKey: step.messageKey,
  };
}
