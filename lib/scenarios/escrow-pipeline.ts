/**
 * The escrow wrap, stage by stage, with the real values: Alice's client (lib/protocol/device.ts)
 * sends Bob a few messages with escrow on; the last one's escrow field is then taken apart and
 * opened the way the authority's software opens it (escrow-epoch.ts), with every intermediate
 * value of HPKE (RFC 9180 §4.1, §5.1), the wrap chain and the unwrap named. Nothing here seals a
 * second time or re-implements the construction: the envelope is the client's, the opening runs
 * the same functions the authority's decryption run uses, and the values are what they computed.
 * @module
 */
import { bytesToUtf8 } from '@/lib/crypto/bytes';
import { setupBaseRecipient } from '@/lib/crypto/hpke';
import type { RandomSource } from '@/lib/crypto/random';
import { traceValue } from '@/lib/crypto/trace';
import type { X25519KeyPair } from '@/lib/crypto/x25519';
import { kdfChainKey } from '@/lib/protocol/chain-kdf';
import { initialConversationKeyState, sendMessage } from '@/lib/protocol/device';
import type { Envelope } from '@/lib/protocol/envelope';
import { encodeHeader } from '@/lib/protocol/envelope-header';
import { encodeEscrowEpochHeader, escrowHpkeInfo, unwrapTrafficKey } from '@/lib/protocol/escrow-epoch';
import { openMessage } from '@/lib/protocol/message-encryption';
import { labClient, labDirectory, labPerson, singleAuthorityPolicy, type LabEscrowAuthority } from './lab-people';

/** One named value in the pipeline, with where it came from. */
export interface PipelineValue {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly from: string;
  /** A secret key or a value only the key holder can compute. */
  readonly secret?: boolean;
}

/** The chain from the epoch key to this message's wrap key: chain key and wrap key per position. */
export interface WrapChainLink {
  readonly position: number;
  readonly chainKey: Uint8Array;
  readonly wrapKey: Uint8Array;
}

/** Everything the pipeline picture shows. */
export interface EscrowPipelineTrace {
  readonly text: string;
  /** The envelope traced (the last one sent); `position` is its place in the epoch's chain. */
  readonly envelope: Envelope;
  readonly position: number;
  readonly headerBytes: Uint8Array;
  /** The traffic key the client sealed the text with (static conversation key). */
  readonly trafficKey: Uint8Array;
  readonly epochHeaderBytes: Uint8Array;
  readonly hpkeInfo: Uint8Array;
  /** The HPKE values as the authority recomputes them from enc and its secret key. */
  readonly hpke: readonly PipelineValue[];
  readonly epochKey: Uint8Array;
  readonly chain: readonly WrapChainLink[];
  readonly unwrappedKey: Uint8Array;
  readonly plaintext: string;
}

/** What the trace needs: the lab's key pairs, the authority, and the texts Alice sends (the last is traced). */
export interface EscrowPipelineInput {
  readonly alice: X25519KeyPair;
  readonly bob: X25519KeyPair;
  readonly authority: LabEscrowAuthority;
  /** At least one; each is sent in turn, in one epoch, so the traced message sits `texts.length - 1` down the chain. */
  readonly texts: readonly string[];
  readonly random: RandomSource;
}

const CONVERSATION_ID = 'lab-alice-bob';

/** Sends `texts` from Alice to Bob with escrow on and traces the last envelope's escrow field open. */
export function traceEscrowPipeline(input: EscrowPipelineInput): EscrowPipelineTrace {
  if (input.texts.length === 0) throw new RangeError('the pipeline needs at least one message');
  const alice = labPerson('alice', input.alice);
  const bob = labPerson('bob', input.bob);
  const directory = labDirectory([alice, bob]);
  const ctx = labClient(alice, directory, input.random, singleAuthorityPolicy(input.authority));
  let state = initialConversationKeyState('static', 'initiator', {
    conversationId: CONVERSATION_ID,
    peer: 'bob',
    identity: alice.identity,
    directory,
  });
  if (state.session.kind !== 'static') throw new RangeError('the pipeline runs in static mode');
  const trafficKey = state.session.conversationKey;
  let envelope: Envelope | undefined;
  input.texts.forEach((text, i) => {
    const sent = sendMessage(state, text, 9 * 60 + i, ctx);
    state = sent.state;
    envelope = sent.envelope;
  });
  const last = envelope!;
  const escrow = last.escrow;
  if (!escrow) throw new RangeError('the client sent no escrow field');
  const blob = escrow.epochBlob;
  const seal = blob.seals.find((s) => s.authorityId === input.authority.id)!;
  const epochHeaderBytes = encodeEscrowEpochHeader(blob.header);
  const hpkeInfo = escrowHpkeInfo(epochHeaderBytes);

  // The authority's side, RFC 9180 §5.1.1 SetupBaseR then Open (as openEscrowEpoch does).
  const recipient = setupBaseRecipient(seal.enc, input.authority.secretKey, hpkeInfo, input.authority.publicKey);
  const epochKey = recipient.open(epochHeaderBytes, seal.ciphertext);
  const named = (name: string, from: string, secret = true): PipelineValue => ({
    name,
    bytes: traceValue(recipient.trace, name),
    from,
    secret,
  });
  const hpke = [
    named('enc', "the ephemeral public key Alice's phone made for this epoch (travels in the field)", false),
    named('dh', "X25519(ephemeral secret, authority's public key) on the phone = X25519(authority's secret, enc)"),
    named('shared_secret', 'HKDF-Extract and Expand of dh with enc ‖ authority public key (RFC 9180 §4.1)'),
    named('key', 'LabeledExpand(secret, "key", context): the ChaCha20-Poly1305 key (§5.1)'),
    named('base_nonce', 'LabeledExpand(secret, "base_nonce", context): the nonce of the first seal (§5.1)'),
  ];

  // The wrap chain: HMAC-SHA256 steps from the epoch key (chain-kdf.ts, as escrowWrapKeyAt walks it).
  const position = last.header.counter - blob.header.firstCounter;
  const chain: WrapChainLink[] = [];
  let chainKey = epochKey;
  for (let p = 0; p <= position; p++) {
    const step = kdfChainKey(chainKey);
    chain.push({ position: p, chainKey, wrapKey: step.messageKey });
    chainKey = step.nextChainKey;
  }
  const headerBytes = encodeHeader(last.header);
  const unwrappedKey = unwrapTrafficKey(chain[position]!.wrapKey, last.header.counter, headerBytes, escrow.wrappedKey);
  const plaintext = bytesToUtf8(openMessage(last.header, headerBytes, unwrappedKey, last.ciphertext));
  return {
    text: input.texts[input.texts.length - 1]!,
    envelope: last,
    position,
    headerBytes,
    trafficKey,
    epochHeaderBytes,
    hpkeInfo,
    hpke,
    epochKey,
    chain,
    unwrappedKey,
    plaintext,
  };
}
