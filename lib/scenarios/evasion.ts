/**
 * Evasion: Matt Blaze's lesson on the Clipper chip ("Protocol Failure in the Escrowed Encryption
 * Standard", 1994) in this lab's terms. Escrow is something the *sender's* client does: it seals
 * the message key to the authority. The recipient's client derives the key from its own session
 * and never needs the escrow field, so it cannot tell a good field from a missing or garbled one.
 * A modified sender's client therefore sends messages that the recipient accepts and that no
 * authority, warrant in hand, can read.
 *
 * Three senders, all running the real send path (lib/protocol/device.ts, static key agreement):
 * - `compliant`: the escrow code runs as mandated;
 * - `dropped`: a build with the escrow code path removed (its escrow policy is null);
 * - `garbled`: the escrow code runs, then the field's bytes are replaced by random bytes of the
 *   same lengths, so the envelope still looks escrowed.
 * Every verdict below is the result of running the recipient's receive path or the authority's
 * decryption.
 * @module
 */
import { bytesToUtf8 } from '@/lib/crypto/bytes';
import type { RandomSource } from '@/lib/crypto/random';
import { initialConversationKeyState, receiveMessage, sendMessage } from '@/lib/protocol/device';
import type { Envelope } from '@/lib/protocol/envelope';
import { encodeHeader } from '@/lib/protocol/envelope-header';
import { deliveryOf, recoverTrafficKeyWithEscrow, type DeliveryResult } from '@/lib/protocol/forgery';
import { openMessage } from '@/lib/protocol/message-encryption';
import { warrantCovers, type Warrant } from '@/lib/protocol/warrant';
import {
  createLabAuthority,
  labClient,
  labDirectory,
  labPerson,
  singleAuthorityPolicy,
  type LabEscrowAuthority,
} from './lab-people';

/** How the sender's client treats the escrow field. */
export type SenderClient = 'compliant' | 'dropped' | 'garbled';

/** Every sender the scenario runs, in the order the widget shows them. */
const SENDER_CLIENTS: readonly SenderClient[] = ['compliant', 'dropped', 'garbled'];

/** What the authority's software got from one envelope under the warrant. */
export interface AuthorityAttempt {
  /** The warrant covers the message (sender, time window). */
  readonly covered: boolean;
  /** The escrow field, if any, opened to a key that decrypts the message. */
  readonly plaintext: string | null;
  /** Learner-facing: what happened. */
  readonly detail: string;
}

/** One sender's message and what each side made of it. */
export interface EvasionRun {
  readonly client: SenderClient;
  readonly text: string;
  readonly envelope: Envelope;
  /** Bytes of the escrow field on the wire (0 when there is none). */
  readonly escrowFieldBytes: number;
  readonly recipient: DeliveryResult;
  readonly authority: AuthorityAttempt;
}

/** The scene: Alice and Bob (static key agreement), the authority, and its warrant on Alice. */
export interface EvasionScene {
  readonly authority: LabEscrowAuthority;
  readonly warrant: Warrant;
  readonly runs: readonly EvasionRun[];
}

const CONVERSATION_ID = 'alice-bob';
const SENT_AT = 9 * 60;

function fieldSize(envelope: Envelope): number {
  const e = envelope.escrow;
  if (!e) return 0;
  return e.wrappedKey.length + e.epochBlob.seals.reduce((n, s) => n + s.enc.length + s.ciphertext.length, 0);
}

/** The envelope with every escrow byte replaced by random bytes of the same length. */
function garble(envelope: Envelope, random: RandomSource): Envelope {
  const e = envelope.escrow;
  if (!e) throw new Error('garble: the compliant client produced no escrow field');
  return {
    ...envelope,
    escrow: {
      epochBlob: {
        header: e.epochBlob.header,
        seals: e.epochBlob.seals.map((s) => ({
          authorityId: s.authorityId,
          enc: random.bytes(s.enc.length),
          ciphertext: random.bytes(s.ciphertext.length),
        })),
      },
      wrappedKey: random.bytes(e.wrappedKey.length),
    },
  };
}

function authorityReads(
  scene: { authority: LabEscrowAuthority; warrant: Warrant },
  envelope: Envelope,
): AuthorityAttempt {
  const covered = warrantCovers(scene.warrant, envelope.header);
  if (!covered) return { covered, plaintext: null, detail: 'outside the warrant: not opened' };
  if (!envelope.escrow)
    return { covered, plaintext: null, detail: 'the envelope carries no escrow field: there is nothing to open' };
  const key = recoverTrafficKeyWithEscrow(envelope, [
    { authorityId: scene.authority.id, secretKey: scene.authority.secretKey, how: 'the authority’s own key' },
  ]);
  if (!key)
    return {
      covered,
      plaintext: null,
      detail: 'the escrow field does not open with the authority’s key (HPKE refused it)',
    };
  const h = envelope.header;
  return {
    covered,
    plaintext: bytesToUtf8(openMessage(h, encodeHeader(h), key, envelope.ciphertext)),
    detail: 'escrow field opened, message key unwrapped, message decrypted',
  };
}

/**
 * Runs the three senders: each sends `text` from Alice to Bob (a fresh conversation each, so each
 * is the first message), Bob's ordinary client receives it, and the authority executes a warrant
 * on Alice for the day.
 */
export function runEvasion(text: string, random: RandomSource): EvasionScene {
  if (text.trim().length === 0) throw new RangeError('Type a message for Alice to send.');
  const alice = labPerson('alice', random);
  const bob = labPerson('bob', random);
  const directory = labDirectory([alice, bob]);
  const authority = createLabAuthority(random);
  const warrant: Warrant = { target: 'alice', from: 0, to: 24 * 60 - 1, issuedBy: 'Judge Rivera, District Court' };
  const runs = SENDER_CLIENTS.map((client): EvasionRun => {
    const policy = client === 'dropped' ? null : singleAuthorityPolicy(authority);
    const aliceState = initialConversationKeyState('static', 'initiator', {
      conversationId: CONVERSATION_ID,
      peer: 'bob',
      identity: alice.identity,
      directory,
    });
    const bobState = initialConversationKeyState('static', 'responder', {
      conversationId: CONVERSATION_ID,
      peer: 'alice',
      identity: bob.identity,
      directory,
    });
    const sent = sendMessage(aliceState, text, SENT_AT, labClient(alice, directory, random, policy)).envelope;
    const envelope = client === 'garbled' ? garble(sent, random) : sent;
    const recipient = deliveryOf(
      () => receiveMessage(bobState, envelope, labClient(bob, directory, random, null)).plaintext,
    );
    return {
      client,
      text,
      envelope,
      escrowFieldBytes: fieldSize(envelope),
      recipient,
      authority: authorityReads({ authority, warrant }, envelope),
    };
  });
  return { authority, warrant, runs };
}
