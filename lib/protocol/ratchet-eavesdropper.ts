/**
 * What a thief does with a stolen phone's ratchet state and a wire capture: run the victim's side
 * of the Double Ratchet forward over the captured envelopes of one conversation, in wire order, as
 * far as the stolen keys allow. There is no table of who can read what; the thief follows the
 * chains until the protocol locks it out:
 *
 * - Chain keys in the snapshot give every later message key on those chains (KDF_CK is one-way,
 *   so no earlier one: forward secrecy).
 * - When the peer starts a new turn with a new ratchet key, the thief computes the receiving chain
 *   from the root key and the victim's ratchet secret, exactly as the phone would.
 * - The victim's phone then draws a fresh ratchet key pair the thief never sees. The next chain
 *   needs that secret: the thief is locked out for good (post-compromise healing; a passive
 *   attacker cannot catch up).
 * - A responder's phone stolen before the conversation starts still holds its prekey: with the
 *   identity secret it completes X3DH for the initiator's first turn.
 * @module
 */
import { equalBytes } from '@/lib/crypto/bytes';
import { sharedSecret, type X25519KeyPair } from '@/lib/crypto/x25519';
import { kdfChainKey } from './chain-kdf';
import type { ConversationKeyState } from './device';
import { MAX_SKIP, kdfRootKey, type SkippedMessageKey } from './double-ratchet';
import type { EnvelopeHeader } from './envelope-header';
import type { ParticipantId } from './participant';
import type { SimTime } from './sim-time';
import { x3dhResponder } from './x3dh';

/** One chain the thief can follow: its ratchet public key, chain key, and next message number. */
export interface FollowedChain {
  readonly ratchetPublicKey: Uint8Array;
  readonly chainKey: Uint8Array;
  readonly nextMessageNumber: number;
}

/** The thief's view of one conversation, built from the stolen state. Plain data. */
export interface RatchetEavesdropperState {
  readonly conversationId: string;
  readonly victim: ParticipantId;
  readonly peer: ParticipantId;
  readonly identitySecret: Uint8Array;
  /**
   * When the phone was taken. Delivery is immediate, so every envelope sent at or before this
   * minute had already been received and its key deleted; only skipped keys could still open one.
   */
  readonly takenAt: SimTime;
  /** The root key as the victim's phone would hold it next; null once the thief has lost track. */
  readonly rootKey: Uint8Array | null;
  /** The victim's ratchet key pairs whose secrets the thief has. */
  readonly knownVictimKeys: readonly X25519KeyPair[];
  readonly victimRatchetPublicKey: Uint8Array | null;
  readonly peerRatchetPublicKey: Uint8Array | null;
  readonly chains: readonly FollowedChain[];
  readonly skippedMessageKeys: readonly SkippedMessageKey[];
  /** A responder's prekey not yet used (the conversation had not started at the theft). */
  readonly unusedPrekey: X25519KeyPair | null;
}

/** The result of one step: the message key if the thief can derive it, and the state to keep if it opens. */
export interface EavesdropStep {
  readonly messageKey: Uint8Array | null;
  readonly next: RatchetEavesdropperState;
}

/** Builds the thief's view of a conversation from the victim's stolen conversation state. */
export function eavesdropperFromState(
  victim: ParticipantId,
  identitySecret: Uint8Array,
  takenAt: SimTime,
  state: ConversationKeyState,
): RatchetEavesdropperState {
  const base = {
    conversationId: state.conversationId,
    victim,
    peer: state.peer,
    identitySecret,
    takenAt,
    rootKey: null,
    knownVictimKeys: [],
    victimRatchetPublicKey: null,
    peerRatchetPublicKey: null,
    chains: [],
    skippedMessageKeys: [],
    unusedPrekey: null,
  };
  const s = state.session;
  if (s.kind === 'ratchet-awaiting-first-message') return { ...base, unusedPrekey: s.prekey };
  if (s.kind !== 'ratchet') return base; // not started (initiator) or static: nothing to follow
  const chains: FollowedChain[] = [];
  if (s.sendingChainKey) {
    chains.push({
      ratchetPublicKey: s.sendingRatchetKey.publicKey,
      chainKey: s.sendingChainKey,
      nextMessageNumber: s.sendMessageNumber,
    });
  }
  if (s.receivingChainKey && s.receivingRatchetKey) {
    chains.push({
      ratchetPublicKey: s.receivingRatchetKey,
      chainKey: s.receivingChainKey,
      nextMessageNumber: s.receiveMessageNumber,
    });
  }
  return {
    ...base,
    rootKey: s.rootKey,
    knownVictimKeys: [s.sendingRatchetKey],
    victimRatchetPublicKey: s.sendingRatchetKey.publicKey,
    peerRatchetPublicKey: s.receivingRatchetKey,
    chains,
    skippedMessageKeys: s.skippedMessageKeys,
  };
}

function keyOnChain(state: RatchetEavesdropperState, chainIndex: number, messageNumber: number): EavesdropStep {
  const chain = state.chains[chainIndex]!;
  if (messageNumber < chain.nextMessageNumber || messageNumber - chain.nextMessageNumber > MAX_SKIP) {
    return { messageKey: null, next: state };
  }
  let chainKey = chain.chainKey;
  const skipped = [...state.skippedMessageKeys];
  for (let n = chain.nextMessageNumber; n < messageNumber; n++) {
    const step = kdfChainKey(chainKey);
    skipped.push({ ratchetPublicKey: chain.ratchetPublicKey, messageNumber: n, messageKey: step.messageKey });
    chainKey = step.nextChainKey;
  }
  const step = kdfChainKey(chainKey);
  const chains = state.chains.map((c, i) =>
    i === chainIndex
      ? { ratchetPublicKey: c.ratchetPublicKey, chainKey: step.nextChainKey, nextMessageNumber: messageNumber + 1 }
      : c,
  );
  return { messageKey: step.messageKey, next: { ...state, chains, skippedMessageKeys: skipped } };
}

/**
 * Tries to derive the message key of one captured envelope of this conversation. Envelopes must be
 * fed in wire order. `peerIdentityPublic` comes from the public directory (needed only for X3DH).
 */
export function eavesdropStep(
  state: RatchetEavesdropperState,
  header: EnvelopeHeader,
  peerIdentityPublic: Uint8Array,
): EavesdropStep {
  const r = header.ratchet;
  if (!r || header.conversationId !== state.conversationId) return { messageKey: null, next: state };

  const skippedIndex = state.skippedMessageKeys.findIndex(
    (k) => k.messageNumber === r.messageNumber && equalBytes(k.ratchetPublicKey, r.publicKey),
  );
  if (skippedIndex >= 0) {
    return {
      messageKey: state.skippedMessageKeys[skippedIndex]!.messageKey,
      next: { ...state, skippedMessageKeys: state.skippedMessageKeys.filter((_, i) => i !== skippedIndex) },
    };
  }
  // Already delivered before the theft: the phone used that key and deleted it.
  if (header.sentAt <= state.takenAt) return { messageKey: null, next: state };
  const chainIndex = state.chains.findIndex((c) => equalBytes(c.ratchetPublicKey, r.publicKey));
  if (chainIndex >= 0) return keyOnChain(state, chainIndex, r.messageNumber);

  if (header.sender === state.peer) {
    let s = state;
    // The conversation had not started when the phone was taken: finish X3DH as the responder would.
    if (!s.rootKey && s.unusedPrekey && header.ephemeralPublicKey) {
      const sk = x3dhResponder({
        identitySecret: s.identitySecret,
        prekeySecret: s.unusedPrekey.secretKey,
        peerIdentityPublic,
        peerEphemeralPublic: header.ephemeralPublicKey,
        conversationId: s.conversationId,
      });
      s = {
        ...s,
        rootKey: sk,
        knownVictimKeys: [s.unusedPrekey],
        victimRatchetPublicKey: s.unusedPrekey.publicKey,
        unusedPrekey: null,
      };
    }
    const victimKey = s.victimRatchetPublicKey
      ? s.knownVictimKeys.find((k) => equalBytes(k.publicKey, s.victimRatchetPublicKey!))
      : undefined;
    if (!s.rootKey || !victimKey) {
      return { messageKey: null, next: { ...s, rootKey: null, peerRatchetPublicKey: r.publicKey } };
    }
    // The peer's new turn: KDF_RK(RK, DH(victim's ratchet secret, peer's new key)), as the phone does.
    const derived = kdfRootKey(s.rootKey, sharedSecret(victimKey.secretKey, r.publicKey));
    const withChain: RatchetEavesdropperState = {
      ...s,
      rootKey: derived.rootKey,
      peerRatchetPublicKey: r.publicKey,
      chains: [...s.chains, { ratchetPublicKey: r.publicKey, chainKey: derived.chainKey, nextMessageNumber: 0 }],
    };
    return keyOnChain(withChain, withChain.chains.length - 1, r.messageNumber);
  }

  // A new ratchet key from the victim: only followable if the thief holds its secret.
  const own = state.knownVictimKeys.find((k) => equalBytes(k.publicKey, r.publicKey));
  if (own && state.rootKey && state.peerRatchetPublicKey) {
    const derived = kdfRootKey(state.rootKey, sharedSecret(own.secretKey, state.peerRatchetPublicKey));
    const withChain: RatchetEavesdropperState = {
      ...state,
      rootKey: derived.rootKey,
      victimRatchetPublicKey: r.publicKey,
      chains: [...state.chains, { ratchetPublicKey: r.publicKey, chainKey: derived.chainKey, nextMessageNumber: 0 }],
    };
    return keyOnChain(withChain, withChain.chains.length - 1, r.messageNumber);
  }
  // The phone drew this key pair after the theft: the thief is locked out from here on.
  return { messageKey: null, next: { ...state, rootKey: null, victimRatchetPublicKey: r.publicKey } };
}
