/**
 * One conversation between Alice and Bob through the relay, run message by message with the real
 * device code (device.ts): the sender's client seals, the relay logs, the recipient's client opens.
 * The lesson widgets use it where a whole generated world (world.ts) would be too much: the learner
 * supplies the two identity key pairs and the texts, and sends one message at a time.
 *
 * Alice starts the conversation (the X3DH initiator in ratchet mode); Bob publishes the one-time
 * prekey she needs (x3dh.ts). Every key state either device held is kept as a version, as world.ts
 * keeps them, so "Bob's phone after message k" is a lookup of what the protocol left on it, and a
 * stolen phone is exactly that state (device-snapshot.ts), nothing more.
 *
 * Values are immutable: each send returns a new conversation and leaves its input as it was.
 * @module
 */
import { AeadOpenError } from '@/lib/crypto/aead';
import type { RandomSource } from '@/lib/crypto/random';
import type { X25519KeyPair } from '@/lib/crypto/x25519';
import type { Capture } from './capability';
import {
  DeliveryRejectedError,
  generatePrekey,
  initialConversationKeyState,
  receiveMessage,
  sendMessage,
  type ConversationKeyState,
  type DeviceContext,
} from './device';
import type { DeviceSnapshot } from './device-snapshot';
import { RatchetError } from './double-ratchet';
import type { KeyAgreementMode } from './envelope-header';
import type { KeyDirectory } from './key-directory';
import { relayEnvelope, type RelayLog, type WireRecord } from './relay';
import type { SimTime } from './sim-time';
import type { SessionVersion } from './world';

/** The two people of the conversation. Alice starts it. */
export type TwoPartyMember = 'alice' | 'bob';

const NAMES: Readonly<Record<TwoPartyMember, string>> = { alice: 'Alice', bob: 'Bob' };

/** The other member. */
export function peerOf(member: TwoPartyMember): TwoPartyMember {
  return member === 'alice' ? 'bob' : 'alice';
}

/** What the recipient's client made of one relayed envelope. */
export type TwoPartyDelivery =
  | { readonly seq: number; readonly ok: true; readonly plaintext: string }
  | { readonly seq: number; readonly ok: false; readonly error: string };

/** A conversation in progress. Plain data. */
export interface TwoPartyConversation {
  readonly mode: KeyAgreementMode;
  readonly conversationId: string;
  /** The identity key pairs (the simulator's god view: each secret lives on its owner's phone). */
  readonly identities: Readonly<Record<TwoPartyMember, X25519KeyPair>>;
  /** What the relay serves to anyone: both identity public keys, and Bob's prekey in ratchet mode. */
  readonly directory: KeyDirectory;
  /** The relay's log of this conversation, in order (`records[i].seq === i`). */
  readonly records: readonly WireRecord[];
  /** Each phone's current key state. */
  readonly devices: Readonly<Record<TwoPartyMember, ConversationKeyState>>;
  /** Each phone's key state from each message on (seq -1: before any message), in time order. */
  readonly history: Readonly<Record<TwoPartyMember, readonly SessionVersion[]>>;
  /** One per record: the recipient's outcome. */
  readonly deliveries: readonly TwoPartyDelivery[];
}

/** How to start a conversation. */
export interface TwoPartyOptions {
  readonly mode: KeyAgreementMode;
  /** 1-255 UTF-8 bytes; it goes into every header and salts the static key. */
  readonly conversationId: string;
  readonly identities: Readonly<Record<TwoPartyMember, X25519KeyPair>>;
  /** For Bob's prekey (ratchet mode). */
  readonly random: RandomSource;
}

/** Publishes the identities (and in ratchet mode Bob's prekey) and sets both phones up. No message yet. */
export function startTwoPartyConversation(options: TwoPartyOptions): TwoPartyConversation {
  const { mode, conversationId, identities } = options;
  const prekey = mode === 'ratchet' ? generatePrekey(options.random) : undefined;
  const directory: KeyDirectory = {
    identities: {
      alice: { id: 'alice', name: NAMES.alice, identityPublicKey: identities.alice.publicKey },
      bob: { id: 'bob', name: NAMES.bob, identityPublicKey: identities.bob.publicKey },
    },
    prekeys: prekey ? { [conversationId]: { owner: 'bob', conversationId, publicKey: prekey.publicKey } } : {},
  };
  const stateOf = (self: TwoPartyMember): ConversationKeyState =>
    initialConversationKeyState(mode, self === 'alice' ? 'initiator' : 'responder', {
      conversationId,
      peer: peerOf(self),
      identity: identities[self],
      directory,
      ...(self === 'bob' && prekey ? { prekey } : {}),
    });
  const devices = { alice: stateOf('alice'), bob: stateOf('bob') };
  return {
    mode,
    conversationId,
    identities,
    directory,
    records: [],
    devices,
    history: { alice: [{ seq: -1, at: 0, state: devices.alice }], bob: [{ seq: -1, at: 0, state: devices.bob }] },
    deliveries: [],
  };
}

function contextOf(conversation: TwoPartyConversation, self: TwoPartyMember, random: RandomSource): DeviceContext {
  return { self, identity: conversation.identities[self], directory: conversation.directory, random, escrow: null };
}

/** The result of one send: the conversation after it, the relay's record and the recipient's outcome. */
export interface TwoPartySend {
  readonly conversation: TwoPartyConversation;
  readonly record: WireRecord;
  readonly delivery: TwoPartyDelivery;
}

/**
 * `sender` sends `text` at `sentAt`: its client seals the envelope (sendMessage), the relay logs it,
 * the other client opens it (receiveMessage). A refused envelope is reported in the delivery and the
 * recipient keeps its old state (Double Ratchet §3.5). Throws, changing nothing, when the sender
 * cannot send (DeliveryRejectedError: in ratchet mode Bob cannot write before Alice's first message
 * reaches him) or when `sentAt` is earlier than the last record (RangeError: the log is in time order).
 */
export function sendInConversation(
  conversation: TwoPartyConversation,
  sender: TwoPartyMember,
  text: string,
  sentAt: SimTime,
  random: RandomSource,
): TwoPartySend {
  const recipient = peerOf(sender);
  const last = conversation.records[conversation.records.length - 1];
  if (last && sentAt < last.at)
    throw new RangeError(`messages are sent in time order: minute ${sentAt} is before minute ${last.at}`);
  const sent = sendMessage(conversation.devices[sender], text, sentAt, contextOf(conversation, sender, random));
  // A copy of the log: the relay appends in place, and this value must stay as it was.
  const log: RelayLog = { records: [...conversation.records] };
  const record = relayEnvelope(log, sent.envelope);
  let delivery: TwoPartyDelivery;
  let recipientState = conversation.devices[recipient];
  try {
    const received = receiveMessage(recipientState, sent.envelope, contextOf(conversation, recipient, random));
    recipientState = received.state;
    delivery = { seq: record.seq, ok: true, plaintext: received.plaintext };
  } catch (e) {
    if (!(e instanceof AeadOpenError || e instanceof DeliveryRejectedError || e instanceof RatchetError)) throw e;
    delivery = { seq: record.seq, ok: false, error: e.message };
  }
  const devices = { ...conversation.devices, [sender]: sent.state, [recipient]: recipientState } as Record<
    TwoPartyMember,
    ConversationKeyState
  >;
  const history = {
    ...conversation.history,
    [sender]: [...conversation.history[sender], { seq: record.seq, at: sentAt, state: sent.state }],
    ...(delivery.ok
      ? { [recipient]: [...conversation.history[recipient], { seq: record.seq, at: sentAt, state: recipientState }] }
      : {}),
  } as Record<TwoPartyMember, readonly SessionVersion[]>;
  return {
    conversation: {
      ...conversation,
      records: log.records,
      devices,
      history,
      deliveries: [...conversation.deliveries, delivery],
    },
    record,
    delivery,
  };
}

/**
 * `member`'s phone as a thief finds it right after message `seq` (0-based) was delivered: its
 * identity key pair and the key state the protocol left on it then, nothing deleted before. The
 * next message must be at a later minute, so that "after message `seq`" is a moment in time
 * (device-snapshot.ts and the thief's ratchet follower compare minutes).
 */
export function phoneAfterMessage(
  conversation: TwoPartyConversation,
  member: TwoPartyMember,
  seq: number,
): DeviceSnapshot {
  const record = conversation.records[seq];
  if (!Number.isInteger(seq) || !record) {
    throw new RangeError(`no message ${seq} in this conversation (it has ${conversation.records.length})`);
  }
  const next = conversation.records[seq + 1];
  if (next && next.at <= record.at) {
    throw new RangeError(
      `messages ${seq} and ${seq + 1} were sent in the same minute: a theft between them has no time`,
    );
  }
  const versions = conversation.history[member];
  let state = versions[0]!.state;
  for (const v of versions) if (v.seq <= seq) state = v.state;
  return {
    participantId: member,
    takenAt: record.at,
    mode: conversation.mode,
    identity: conversation.identities[member],
    conversations: { [conversation.conversationId]: state },
  };
}

/** Everything a wire tap or the relay recorded of the conversation, with the public directory. */
export function conversationCapture(conversation: TwoPartyConversation): Capture {
  return {
    records: conversation.records,
    directory: conversation.directory,
    sources: [`every envelope of the conversation '${conversation.conversationId}' on the wire`],
  };
}
