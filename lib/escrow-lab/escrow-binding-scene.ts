/**
 * What binding the escrow field to its message decides. Alice sends two messages, one to Bob and
 * one to Carol, each with an escrow field made either the lab's way (bound: lib/protocol's
 * escrow-epoch.ts, the header in HPKE info and aad and in the wrap's aad) or the deliberately
 * broken way (unbound-escrow.ts). The authority reads each message through its own field in both
 * settings. Then a faulty or rogue client moves message 1's sealed epoch key and wrapped key into
 * message 2's escrow field (keeping message 2's epoch header, so the field still claims to be
 * message 2's), and the authority executes a warrant on message 2:
 *
 * - unbound: HPKE opens, the wrap opens, and the key it yields is message 1's: message 2's tag
 *   fails, and nothing says why;
 * - bound: HPKE refuses at once, because the epoch header it was sealed under is not the one the
 *   field now carries.
 *
 * Carol's client accepts message 2 either way: a client never looks at the escrow field.
 * @module
 */
import { AeadOpenError } from '@/lib/crypto/aead';
import { bytesToUtf8, utf8ToBytes } from '@/lib/crypto/bytes';
import type { RandomSource } from '@/lib/crypto/random';
import {
  DeliveryRejectedError,
  initialConversationKeyState,
  receiveMessage,
  type ConversationKeyState,
  type DeviceContext,
} from '@/lib/protocol/device';
import type { Envelope } from '@/lib/protocol/envelope';
import { encodeHeader, type EnvelopeHeader } from '@/lib/protocol/envelope-header';
import {
  escrowWrapKeyAt,
  openEscrowEpoch,
  sealEscrowEpoch,
  startEscrowChain,
  unwrapTrafficKey,
  wrapTrafficKey,
  type EscrowEpochHeader,
} from '@/lib/protocol/escrow-epoch';
import type { DeliveryResult } from '@/lib/protocol/forgery';
import { openMessage, sealMessage } from '@/lib/protocol/message-encryption';
import type { Participant } from '@/lib/protocol/participant';
import type { SimTime } from '@/lib/protocol/sim-time';
import {
  createLabAuthority,
  labClient,
  labDirectory,
  labPerson,
  type LabEscrowAuthority,
} from '@/lib/scenarios/lab-people';
import {
  openUnboundEscrowEpoch,
  sealUnboundEscrowEpoch,
  unwrapTrafficKeyUnbound,
  wrapTrafficKeyUnbound,
} from './unbound-escrow';

/** How the escrow field is sealed. */
export type EscrowBindingMode = 'bound' | 'unbound';

/** One of Alice's two messages. */
export interface BindingMessage {
  readonly number: 1 | 2;
  readonly recipient: 'bob' | 'carol';
  readonly text: string;
  readonly envelope: Envelope;
}

/** Two escrowed messages and the recipients' clients, ready for the swap. */
export interface BindingScene {
  readonly binding: EscrowBindingMode;
  readonly authority: LabEscrowAuthority;
  readonly messages: readonly [BindingMessage, BindingMessage];
  readonly recipients: Readonly<
    Record<'bob' | 'carol', { readonly state: ConversationKeyState; readonly client: DeviceContext }>
  >;
}

/** The stages of the authority's software, in order. */
export type AuthorityStage = 'field-check' | 'hpke-open' | 'unwrap' | 'message-tag';

/** One stage's result. */
export interface StageResult {
  readonly stage: AuthorityStage;
  readonly ok: boolean;
  readonly detail: string;
}

/** What the authority got out of one envelope: every stage it reached, and the plaintext if all passed. */
export interface AuthorityReading {
  readonly stages: readonly StageResult[];
  readonly plaintext: string | null;
}

/** The swap: the doctored message 2, the authority's attempt on it, and Carol's client's verdict. */
export interface FieldSwap {
  readonly moved: Envelope;
  readonly authority: AuthorityReading;
  readonly recipient: DeliveryResult;
}

/** The texts of Alice's two messages. */
export const BINDING_TEXTS = {
  1: 'Lunch on Friday? The usual place.',
  2: 'The contract numbers are in the shared folder.',
} as const;

const CONVERSATIONS = { bob: 'lab-alice-bob', carol: 'lab-alice-carol' } as const;

/**
 * Seals one static-mode message with an escrow field, exactly as lib/protocol/device.ts's
 * sendMessage does for the first message of an epoch, except that `binding` picks the field's
 * construction. (The test checks that "bound" is byte-for-byte what sendMessage makes.)
 */
export function sealWithEscrowField(
  state: ConversationKeyState,
  sender: Participant,
  text: string,
  sentAt: SimTime,
  authority: Pick<LabEscrowAuthority, 'id' | 'publicKey'>,
  binding: EscrowBindingMode,
  random: RandomSource,
): Envelope {
  if (state.session.kind !== 'static') throw new RangeError('sealWithEscrowField: static mode only');
  const counter = state.nextCounter;
  const epochKey = random.bytes(32);
  const epochHeader: EscrowEpochHeader = {
    conversationId: state.conversationId,
    sender: sender.id,
    recipient: state.peer,
    epoch: 0,
    startedAt: sentAt,
    firstCounter: counter,
  };
  const recipients = [{ authorityId: authority.id, publicKey: authority.publicKey }];
  const epochBlob =
    binding === 'bound'
      ? sealEscrowEpoch(epochHeader, epochKey, recipients, random)
      : sealUnboundEscrowEpoch(epochHeader, epochKey, recipients, random);
  const header: EnvelopeHeader = {
    version: 1,
    mode: 'static',
    sender: sender.id,
    recipient: state.peer,
    conversationId: state.conversationId,
    counter,
    sentAt,
    escrow: { epoch: 0 },
  };
  const headerBytes = encodeHeader(header);
  const trafficKey = state.session.conversationKey;
  const ciphertext = sealMessage(header, headerBytes, trafficKey, utf8ToBytes(text));
  const { wrapKey } = escrowWrapKeyAt(startEscrowChain(epochKey), 0);
  const wrappedKey =
    binding === 'bound'
      ? wrapTrafficKey(wrapKey, counter, headerBytes, trafficKey)
      : wrapTrafficKeyUnbound(wrapKey, counter, trafficKey);
  return { header, ciphertext, escrow: { epochBlob, wrappedKey } };
}

/** Alice seals her two messages with fresh people and a fresh authority from `random`. */
export function sealBindingScene(binding: EscrowBindingMode, random: RandomSource): BindingScene {
  const alice = labPerson('alice', random);
  const bob = labPerson('bob', random);
  const carol = labPerson('carol', random);
  const directory = labDirectory([alice, bob, carol]);
  const authority = createLabAuthority(random);
  const sides = (peer: 'bob' | 'carol', person: Participant) => {
    const conversationId = CONVERSATIONS[peer];
    return {
      sender: initialConversationKeyState('static', 'initiator', {
        conversationId,
        peer,
        identity: alice.identity,
        directory,
      }),
      receiver: {
        state: initialConversationKeyState('static', 'responder', {
          conversationId,
          peer: 'alice',
          identity: person.identity,
          directory,
        }),
        client: labClient(person, directory, random, null),
      },
    };
  };
  const toBob = sides('bob', bob);
  const toCarol = sides('carol', carol);
  const m1 = sealWithEscrowField(toBob.sender, alice, BINDING_TEXTS[1], 9 * 60, authority, binding, random);
  const m2 = sealWithEscrowField(toCarol.sender, alice, BINDING_TEXTS[2], 9 * 60 + 5, authority, binding, random);
  return {
    binding,
    authority,
    messages: [
      { number: 1, recipient: 'bob', text: BINDING_TEXTS[1], envelope: m1 },
      { number: 2, recipient: 'carol', text: BINDING_TEXTS[2], envelope: m2 },
    ],
    recipients: { bob: toBob.receiver, carol: toCarol.receiver },
  };
}

function failure(e: unknown): string {
  if (e instanceof Error) return e.message;
  throw e;
}

/** The authority's software opening one envelope with its escrow secret key, stage by stage. */
export function authorityReads(
  scene: Pick<BindingScene, 'binding' | 'authority'>,
  envelope: Envelope,
): AuthorityReading {
  const stages: StageResult[] = [];
  const done = (plaintext: string | null): AuthorityReading => ({ stages, plaintext });
  const h = envelope.header;
  const escrow = envelope.escrow;
  if (!escrow || !h.escrow) {
    stages.push({ stage: 'field-check', ok: false, detail: 'this envelope has no escrow field' });
    return done(null);
  }
  const eh = escrow.epochBlob.header;
  const claims =
    eh.conversationId === h.conversationId &&
    eh.sender === h.sender &&
    eh.recipient === h.recipient &&
    eh.epoch === h.escrow.epoch;
  stages.push({
    stage: 'field-check',
    ok: claims,
    detail: claims
      ? `the field's epoch header names this message: ${eh.sender} → ${eh.recipient}, ${eh.conversationId}, epoch ${eh.epoch}`
      : `the field's epoch header names ${eh.sender} → ${eh.recipient} in ${eh.conversationId}, not this message`,
  });
  if (!claims) return done(null);
  let epochKey: Uint8Array;
  try {
    epochKey =
      scene.binding === 'bound'
        ? openEscrowEpoch(escrow.epochBlob, scene.authority.id, scene.authority.secretKey)
        : openUnboundEscrowEpoch(escrow.epochBlob, scene.authority.id, scene.authority.secretKey);
    stages.push({ stage: 'hpke-open', ok: true, detail: 'HPKE open succeeded: the authority holds an epoch key' });
  } catch (e) {
    stages.push({ stage: 'hpke-open', ok: false, detail: `HPKE open refused the field: ${failure(e)}` });
    return done(null);
  }
  const headerBytes = encodeHeader(h);
  const { wrapKey } = escrowWrapKeyAt(startEscrowChain(epochKey), h.counter - eh.firstCounter);
  let trafficKey: Uint8Array;
  try {
    trafficKey =
      scene.binding === 'bound'
        ? unwrapTrafficKey(wrapKey, h.counter, headerBytes, escrow.wrappedKey)
        : unwrapTrafficKeyUnbound(wrapKey, h.counter, escrow.wrappedKey);
    stages.push({ stage: 'unwrap', ok: true, detail: 'the wrapped key opened: the authority holds a message key' });
  } catch (e) {
    stages.push({ stage: 'unwrap', ok: false, detail: `the wrapped key did not open: ${failure(e)}` });
    return done(null);
  }
  try {
    const plaintext = bytesToUtf8(openMessage(h, headerBytes, trafficKey, envelope.ciphertext));
    stages.push({ stage: 'message-tag', ok: true, detail: 'the message tag verified under that key' });
    return done(plaintext);
  } catch (e) {
    if (!(e instanceof AeadOpenError)) throw e;
    stages.push({ stage: 'message-tag', ok: false, detail: `the message did not open with that key: ${e.message}` });
    return done(null);
  }
}

/** The recipient's ordinary client receives `envelope` (it never looks at the escrow field). */
export function recipientReceives(scene: BindingScene, who: 'bob' | 'carol', envelope: Envelope): DeliveryResult {
  const { state, client } = scene.recipients[who];
  try {
    return { accepted: true, plaintext: receiveMessage(state, envelope, client).plaintext };
  } catch (e) {
    if (e instanceof AeadOpenError) return { accepted: false, reason: 'tag-failed', message: e.message };
    if (e instanceof DeliveryRejectedError) return { accepted: false, reason: 'rejected', message: e.message };
    throw e;
  }
}

/**
 * A faulty or rogue client puts message 1's sealed epoch key and wrapped key into message 2's
 * escrow field, keeping message 2's epoch header so that the field still claims to be message 2's.
 * Then the authority executes a warrant on message 2, and Carol receives it.
 */
export function moveEscrowField(scene: BindingScene): FieldSwap {
  const [m1, m2] = scene.messages;
  const from = m1.envelope.escrow!;
  const into = m2.envelope.escrow!;
  const moved: Envelope = {
    header: m2.envelope.header,
    ciphertext: m2.envelope.ciphertext,
    escrow: { epochBlob: { header: into.epochBlob.header, seals: from.epochBlob.seals }, wrappedKey: from.wrappedKey },
  };
  return { moved, authority: authorityReads(scene, moved), recipient: recipientReceives(scene, 'carol', moved) };
}
