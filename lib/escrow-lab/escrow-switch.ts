/**
 * The escrow switch: one message from Alice to Bob sealed twice by the real client
 * (lib/protocol/device.ts, static key agreement as in the Keys / Key exchange / Encrypt lessons),
 * once with escrow off and once on, and what each party can open of each envelope, found by
 * trying: Bob's ordinary receive path, the authority's decryption run (decrypt-capture.ts) with its
 * escrow secret key, the server's with no key at all.
 *
 * With escrow on, the envelope carries the epoch blob (the epoch key HPKE-sealed to the authority,
 * RFC 9180 base mode, info = label ‖ epoch header, aad = epoch header) and this message's traffic
 * key wrapped under the epoch chain with the envelope header as aad (escrow-epoch.ts).
 * @module
 */
import { AeadOpenError } from '@/lib/crypto/aead';
import { bytesToUtf8 } from '@/lib/crypto/bytes';
import type { RandomSource } from '@/lib/crypto/random';
import type { X25519KeyPair } from '@/lib/crypto/x25519';
import type { Capture, Loot } from '@/lib/protocol/capability';
import { decryptCapture } from '@/lib/protocol/decrypt-capture';
import { type EnvelopeOutcome } from '@/lib/protocol/decryption-outcome';
import {
  DeliveryRejectedError,
  initialConversationKeyState,
  receiveMessage,
  sendMessage,
  type ConversationKeyState,
} from '@/lib/protocol/device';
import type { Envelope } from '@/lib/protocol/envelope';
import { encodeHeader } from '@/lib/protocol/envelope-header';
import { encodeEscrowEpochHeader, escrowHpkeInfo } from '@/lib/protocol/escrow-epoch';
import type { KeyDirectory } from '@/lib/protocol/key-directory';
import { aeadKeyAndNonce, openMessage } from '@/lib/protocol/message-encryption';
import type { SimTime } from '@/lib/protocol/sim-time';
import {
  labClient,
  labDirectory,
  labPerson,
  singleAuthorityPolicy,
  type LabEscrowAuthority,
} from '@/lib/scenarios/lab-people';

/** The conversation id the switch's message travels in. */
const SWITCH_CONVERSATION_ID = 'lab-alice-bob';

/** Poly1305 tag length (RFC 8439 §2.5). */
const TAG_BYTES = 16;

/** The escrow field of an envelope, taken apart for display. */
export interface EscrowFieldParts {
  /** The epoch header as encoded: the HPKE aad. */
  readonly epochHeaderBytes: Uint8Array;
  /** HPKE info: the label followed by the epoch header. */
  readonly hpkeInfo: Uint8Array;
  /** HPKE encapsulated key: the ephemeral X25519 public key (32 bytes). */
  readonly enc: Uint8Array;
  /** The 32-byte epoch key sealed with ChaCha20-Poly1305 (48 bytes). */
  readonly sealedEpochKey: Uint8Array;
  /** This message's traffic key wrapped under the epoch chain's wrap key (48 bytes). */
  readonly wrappedKey: Uint8Array;
}

/** Byte counts of each part of an envelope; `total` is their sum (framing not counted). */
export interface EnvelopeSize {
  readonly header: number;
  readonly ciphertext: number;
  readonly escrow: number;
  readonly total: number;
}

/** One sealed envelope and its parts. */
export interface SwitchEnvelope {
  readonly envelope: Envelope;
  readonly headerBytes: Uint8Array;
  /** The ChaCha20-Poly1305 nonce: not sent, derived from direction ‖ counter (static mode). */
  readonly nonce: Uint8Array;
  readonly body: Uint8Array;
  readonly tag: Uint8Array;
  readonly escrow: EscrowFieldParts | null;
  readonly size: EnvelopeSize;
}

/** Who tried to open an envelope, with what, and what happened. */
export interface OpeningAttempt {
  readonly who: 'alice' | 'bob' | 'server' | 'escrow';
  /** What it holds, for display. */
  readonly holds: string;
  readonly outcome: 'opened' | 'no-key' | 'tag-failed' | 'refused';
  readonly plaintext?: string;
  readonly detail: string;
}

/** The switch's result: the envelope without and with escrow, and every opening attempt on each. */
export interface EscrowSwitchResult {
  readonly off: SwitchEnvelope;
  readonly on: SwitchEnvelope | null;
  readonly attemptsOff: readonly OpeningAttempt[];
  readonly attemptsOn: readonly OpeningAttempt[] | null;
}

/** What the switch needs. */
export interface EscrowSwitchInput {
  readonly alice: X25519KeyPair;
  readonly bob: X25519KeyPair;
  readonly text: string;
  /** The escrow authority, once it exists (null before escrow was first switched on). */
  readonly authority: LabEscrowAuthority | null;
  /** Whether to make the second envelope, with the escrow field (needs an authority). */
  readonly escrow: boolean;
  readonly random: RandomSource;
  /** Simulated minute the message is sent at (default 9:00 on day 1). */
  readonly sentAt?: SimTime;
}

function parts(envelope: Envelope): SwitchEnvelope {
  const headerBytes = encodeHeader(envelope.header);
  const bodyLength = envelope.ciphertext.length - TAG_BYTES;
  const escrow = envelope.escrow;
  let escrowParts: EscrowFieldParts | null = null;
  let escrowBytes = 0;
  if (escrow) {
    const seal = escrow.epochBlob.seals[0]!;
    const epochHeaderBytes = encodeEscrowEpochHeader(escrow.epochBlob.header);
    escrowParts = {
      epochHeaderBytes,
      hpkeInfo: escrowHpkeInfo(epochHeaderBytes),
      enc: seal.enc,
      sealedEpochKey: seal.ciphertext,
      wrappedKey: escrow.wrappedKey,
    };
    escrowBytes = epochHeaderBytes.length + seal.enc.length + seal.ciphertext.length + escrow.wrappedKey.length;
  }
  return {
    envelope,
    headerBytes,
    // The traffic key does not change the nonce in static mode, so any 32 bytes give the real one.
    nonce: aeadKeyAndNonce(envelope.header, new Uint8Array(32)).nonce,
    body: envelope.ciphertext.subarray(0, bodyLength),
    tag: envelope.ciphertext.subarray(bodyLength),
    escrow: escrowParts,
    size: {
      header: headerBytes.length,
      ciphertext: envelope.ciphertext.length,
      escrow: escrowBytes,
      total: headerBytes.length + envelope.ciphertext.length + escrowBytes,
    },
  };
}

function outcomeAttempt(who: OpeningAttempt['who'], holds: string, outcome: EnvelopeOutcome): OpeningAttempt {
  switch (outcome.kind) {
    case 'opened':
      return {
        who,
        holds,
        outcome: 'opened',
        plaintext: outcome.plaintext,
        detail: 'the tag verified under the key it recovered',
      };
    case 'tag-failed':
      return { who, holds, outcome: 'tag-failed', detail: 'it had a key to try, and the tag refused it' };
    case 'no-key':
      return { who, holds, outcome: 'no-key', detail: 'nothing it holds yields a key for this envelope' };
    case 'outside-warrant':
      return { who, holds, outcome: 'refused', detail: 'outside the warrant' };
  }
}

function bobOpens(
  bobState: ConversationKeyState,
  envelope: Envelope,
  ctx: Parameters<typeof receiveMessage>[2],
): OpeningAttempt {
  const holds = 'his own key pair (the client derives the conversation key)';
  try {
    const { plaintext } = receiveMessage(bobState, envelope, ctx);
    return {
      who: 'bob',
      holds,
      outcome: 'opened',
      plaintext,
      detail: "his client's normal receive path: the tag verified",
    };
  } catch (e) {
    if (e instanceof AeadOpenError) return { who: 'bob', holds, outcome: 'tag-failed', detail: e.message };
    if (e instanceof DeliveryRejectedError) return { who: 'bob', holds, outcome: 'refused', detail: e.message };
    throw e;
  }
}

function aliceOpens(aliceState: ConversationKeyState, envelope: Envelope): OpeningAttempt {
  const holds = 'her own key pair (the conversation key she sealed with)';
  if (aliceState.session.kind !== 'static') throw new RangeError('the escrow switch runs in static mode');
  try {
    const plaintext = openMessage(
      envelope.header,
      encodeHeader(envelope.header),
      aliceState.session.conversationKey,
      envelope.ciphertext,
    );
    return {
      who: 'alice',
      holds,
      outcome: 'opened',
      plaintext: bytesToUtf8(plaintext),
      detail: 'she derived the same key as Bob',
    };
  } catch (e) {
    if (e instanceof AeadOpenError) return { who: 'alice', holds, outcome: 'tag-failed', detail: e.message };
    throw e;
  }
}

function runAs(envelope: Envelope, directory: KeyDirectory, loot: Loot): EnvelopeOutcome {
  const capture: Capture = {
    records: [{ seq: 0, at: envelope.header.sentAt, envelope }],
    directory,
    sources: ['the relay'],
  };
  return decryptCapture(capture, loot).outcomes[0]!;
}

/**
 * Seals `text` from Alice to Bob with escrow off and, when `escrow` is set, on; then has Alice,
 * Bob, the server and (once it exists) the authority each try to open each envelope.
 */
export function runEscrowSwitch(input: EscrowSwitchInput): EscrowSwitchResult {
  if (input.text.length === 0) throw new RangeError('Type a message for Alice to send.');
  const alice = labPerson('alice', input.alice);
  const bob = labPerson('bob', input.bob);
  const directory = labDirectory([alice, bob]);
  const sentAt = input.sentAt ?? 9 * 60;
  const params = { conversationId: SWITCH_CONVERSATION_ID, directory };
  const aliceState = initialConversationKeyState('static', 'initiator', {
    ...params,
    peer: 'bob',
    identity: alice.identity,
  });
  const bobState = initialConversationKeyState('static', 'responder', {
    ...params,
    peer: 'alice',
    identity: bob.identity,
  });
  const bobCtx = labClient(bob, directory, input.random, null);

  const attempts = (envelope: Envelope): OpeningAttempt[] => {
    const out = [aliceOpens(aliceState, envelope), bobOpens(bobState, envelope, bobCtx)];
    out.push(
      outcomeAttempt(
        'server',
        'the envelope and the public key directory',
        runAs(envelope, directory, { devices: [], escrowKeys: [] }),
      ),
    );
    if (input.authority) {
      const a = input.authority;
      const loot: Loot = {
        devices: [],
        escrowKeys: [{ authorityId: a.id, secretKey: a.secretKey, how: 'its own key' }],
      };
      out.push(outcomeAttempt('escrow', 'the escrow secret key', runAs(envelope, directory, loot)));
    }
    return out;
  };

  // Both envelopes are sealed from the same starting state: same counter, same traffic key.
  const off = sendMessage(aliceState, input.text, sentAt, labClient(alice, directory, input.random, null)).envelope;
  if (input.escrow && !input.authority) throw new RangeError('Escrow needs an authority to seal to.');
  const on =
    input.escrow && input.authority
      ? sendMessage(
          aliceState,
          input.text,
          sentAt,
          labClient(alice, directory, input.random, singleAuthorityPolicy(input.authority)),
        ).envelope
      : null;
  return {
    off: parts(off),
    on: on ? parts(on) : null,
    attemptsOff: attempts(off),
    attemptsOn: on ? attempts(on) : null,
  };
}
