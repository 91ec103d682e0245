/**
 * The Double Ratchet's chains for a short conversation, with the real values: Alice and Bob take
 * turns through lib/protocol/double-ratchet.ts (simplified X3DH, then the ratchet), and for every
 * turn the sender's root key, its new ratchet public key, and each message's chain key and message
 * key are recorded, with the receiver's own derivation of the same message key. Nothing is derived
 * here: every value is what the ratchet functions returned.
 * @module
 */
import { equalBytes } from '@/lib/crypto/bytes';
import type { RandomSource } from '@/lib/crypto/random';
import type { X25519KeyPair } from '@/lib/crypto/x25519';
import {
  ratchetReceiveStep,
  ratchetSendStep,
  startRatchetAsInitiator,
  startRatchetAsResponder,
  type RatchetSession,
} from '@/lib/protocol/double-ratchet';
import { generatePrekey } from '@/lib/protocol/device';

/** One message of a turn: the chain key it was taken from and its message key. */
export interface ChainLinkTrace {
  readonly messageNumber: number;
  readonly chainKey: Uint8Array;
  readonly messageKey: Uint8Array;
  /** The receiver derived the same message key from its own state. */
  readonly receiverAgrees: boolean;
}

/** One turn: a sending chain from a fresh DH ratchet step. */
export interface RatchetTurnTrace {
  readonly sender: 'alice' | 'bob';
  /** The sender's root key for this turn (after mixing in the new DH output). */
  readonly rootKey: Uint8Array;
  readonly ratchetPublicKey: Uint8Array;
  readonly links: readonly ChainLinkTrace[];
}

const CONVERSATION_ID = 'lab-alice-bob';

/** Runs `turns` (who sends how many in a row, Alice first) and traces every chain. */
export function traceRatchetChains(input: {
  readonly alice: X25519KeyPair;
  readonly bob: X25519KeyPair;
  readonly turns: readonly { readonly sender: 'alice' | 'bob'; readonly messages: number }[];
  readonly random: RandomSource;
}): RatchetTurnTrace[] {
  const { alice, bob, random } = input;
  if (input.turns[0]?.sender !== 'alice') throw new RangeError('Alice, the initiator, sends first');
  const prekey = generatePrekey(random);
  const identity = { alice, bob };
  const sessions: Partial<Record<'alice' | 'bob', RatchetSession>> = {
    alice: startRatchetAsInitiator(
      { kind: 'ratchet-not-started', conversationId: CONVERSATION_ID, peer: 'bob', peerPrekeyPublic: prekey.publicKey },
      alice.secretKey,
      bob.publicKey,
      random,
    ),
  };
  const out: RatchetTurnTrace[] = [];
  for (const turn of input.turns) {
    const receiver = turn.sender === 'alice' ? 'bob' : 'alice';
    let sending = sessions[turn.sender];
    if (!sending) throw new RangeError(`${turn.sender} cannot send before a message has arrived`);
    const links: ChainLinkTrace[] = [];
    const rootKey = sending.rootKey;
    const ratchetPublicKey = sending.sendingRatchetKey.publicKey;
    for (let i = 0; i < turn.messages; i++) {
      const chainKey = sending.sendingChainKey!;
      const step = ratchetSendStep(sending);
      sending = step.session;
      let receiving = sessions[receiver];
      if (!receiving) {
        receiving = startRatchetAsResponder(
          { kind: 'ratchet-awaiting-first-message', conversationId: CONVERSATION_ID, peer: turn.sender, prekey },
          identity[receiver].secretKey,
          identity[turn.sender].publicKey,
          sending.x3dhEphemeralPublicKey!,
        );
      }
      const received = ratchetReceiveStep(receiving, step.fields, random);
      sessions[receiver] = received.session;
      links.push({
        messageNumber: step.fields.messageNumber,
        chainKey,
        messageKey: step.messageKey,
        receiverAgrees: equalBytes(received.messageKey, step.messageKey),
      });
    }
    sessions[turn.sender] = sending;
    out.push({ sender: turn.sender, rootKey, ratchetPublicKey, links });
  }
  return out;
}
