/**
 * The send path of a phone in the room, with the lab's own protocol code: an envelope header
 * (envelope-header.ts, static mode), the text sealed under a fresh 32-byte message key
 * (message-encryption.ts), the key wrapped once per recipient (recipient-key-wrap.ts) and, with
 * escrow on, the lab's escrow design unchanged (escrow-epoch.ts): per conversation an epoch key
 * HPKE-sealed to the presenter's escrow public key, and this message's key wrapped under the
 * epoch's chain. A new escrow key starts a new epoch.
 *
 * Pure: the state in, the sealed message and the next state out. The message key is dropped
 * once sealed; the device keeps only counters and its escrow chain position.
 * @module
 */
import { bytesToHex, hexToBytesOfLength, utf8ToBytes } from '@/lib/crypto/bytes';
import type { RandomSource } from '@/lib/crypto/random';
import { encodeHeader, type EnvelopeHeader } from '@/lib/protocol/envelope-header';
import {
  escrowWrapKeyAt,
  sealEscrowEpoch,
  startEscrowChain,
  wrapTrafficKey,
  type EscrowChainCursor,
  type EscrowEpochBlob,
} from '@/lib/protocol/escrow-epoch';
import { sealMessage } from '@/lib/protocol/message-encryption';
import type { RoomMember, SealedMessage } from '@/lib/room/room-protocol';
import { encodeEscrowField } from './escrow-field';
import { wrapMessageKey } from './recipient-key-wrap';
import { ROOM_ESCROW_AUTHORITY, ROOM_RECIPIENT, ROOM_TEXT_MAX_CHARS, roomConversationId } from './room-conversation';

/** The escrow epoch a device is in for one conversation. */
interface SenderEscrowEpoch {
  readonly escrowPublicKey: string;
  readonly blob: EscrowEpochBlob;
  readonly cursor: EscrowChainCursor;
}

/** What a device keeps per conversation: its next counter and its escrow epoch (never a message key). */
interface SenderConversation {
  readonly nextCounter: number;
  readonly nextEpoch: number;
  readonly escrow: SenderEscrowEpoch | null;
}

/** A device's send state in a room, by conversation id. */
export interface RoomSenderState {
  readonly conversations: Readonly<Record<string, SenderConversation>>;
}

export const EMPTY_SENDER_STATE: RoomSenderState = { conversations: {} };

/** A message that cannot be sealed; `message` is shown to the person as is. */
export class RoomSealError extends Error {
  override readonly name = 'RoomSealError';
}

export interface SealRoomMessageInput {
  readonly code: string;
  readonly self: { readonly id: string; readonly secretKey: Uint8Array };
  /** `'room'` or a member id. */
  readonly to: string;
  readonly text: string;
  /** Everyone in the room now (the sender may be among them; it is left out of the recipients). */
  readonly members: readonly RoomMember[];
  /** The presenter's escrow public key while escrow is on, else null. */
  readonly escrowPublicKey: string | null;
  /** Milliseconds since 1970; the header carries whole minutes. */
  readonly now: number;
  readonly random: RandomSource;
}

function recipientsOf(input: SealRoomMessageInput): readonly RoomMember[] {
  if (input.to === ROOM_RECIPIENT) {
    const others = input.members.filter((m) => m.id !== input.self.id);
    if (others.length === 0) throw new RoomSealError('Nobody else is in the room yet.');
    return others;
  }
  if (input.to === input.self.id) throw new RoomSealError('Pick someone else to send to.');
  const member = input.members.find((m) => m.id === input.to);
  if (!member) throw new RoomSealError('That person has left the room.');
  return [member];
}

function escrowEpochFor(
  conversation: SenderConversation,
  input: SealRoomMessageInput,
  header: Omit<EnvelopeHeader, 'escrow'>,
): SenderEscrowEpoch | null {
  const key = input.escrowPublicKey;
  if (key === null) return null;
  if (conversation.escrow?.escrowPublicKey === key) return conversation.escrow;
  const epochKey = input.random.bytes(32);
  const blob = sealEscrowEpoch(
    {
      conversationId: header.conversationId,
      sender: header.sender,
      recipient: header.recipient,
      epoch: conversation.nextEpoch,
      startedAt: header.sentAt,
      firstCounter: header.counter,
    },
    epochKey,
    [{ authorityId: ROOM_ESCROW_AUTHORITY, publicKey: hexToBytesOfLength(key, 32, 'escrow public key') }],
    input.random,
  );
  return { escrowPublicKey: key, blob, cursor: startEscrowChain(epochKey) };
}

/** Seals `input.text` for the wire and returns the next send state. Throws {@link RoomSealError}. */
export function sealRoomMessage(
  state: RoomSenderState,
  input: SealRoomMessageInput,
): { readonly message: SealedMessage; readonly state: RoomSenderState } {
  const text = input.text.trim();
  if (text.length === 0) throw new RoomSealError('Write or pick a message first.');
  if ([...text].length > ROOM_TEXT_MAX_CHARS)
    throw new RoomSealError(`A message can be at most ${ROOM_TEXT_MAX_CHARS} characters.`);
  const recipients = recipientsOf(input);
  const conversationId = roomConversationId(input.code, input.self.id, input.to);
  const conversation = state.conversations[conversationId] ?? { nextCounter: 0, nextEpoch: 0, escrow: null };
  const base = {
    version: 1 as const,
    mode: 'static' as const,
    sender: input.self.id,
    recipient: input.to,
    conversationId,
    counter: conversation.nextCounter,
    sentAt: Math.floor(input.now / 60_000),
  };
  const epoch = escrowEpochFor(conversation, input, base);
  const header: EnvelopeHeader = epoch ? { ...base, escrow: { epoch: epoch.blob.header.epoch } } : base;
  const headerBytes = encodeHeader(header);
  const messageKey = input.random.bytes(32);
  const ciphertext = sealMessage(header, headerBytes, messageKey, utf8ToBytes(text));
  const wrapped = recipients.map((r) => ({
    member: r.id,
    wrappedKey: bytesToHex(
      wrapMessageKey(
        { conversationId, sender: input.self.id, recipient: r.id, counter: header.counter, headerBytes },
        input.self.secretKey,
        hexToBytesOfLength(r.publicKey, 32, `${r.name}'s public key`),
        messageKey,
      ),
    ),
  }));
  let escrowHex: string | undefined;
  let nextEscrow: SenderEscrowEpoch | null = null;
  if (epoch) {
    const position = header.counter - epoch.blob.header.firstCounter;
    const { wrapKey, next } = escrowWrapKeyAt(epoch.cursor, position);
    const wrappedKey = wrapTrafficKey(wrapKey, header.counter, headerBytes, messageKey);
    escrowHex = bytesToHex(encodeEscrowField({ epochBlob: epoch.blob, wrappedKey }));
    nextEscrow = { ...epoch, cursor: next };
  }
  const message: SealedMessage = {
    to: input.to,
    header: bytesToHex(headerBytes),
    ciphertext: bytesToHex(ciphertext),
    recipients: wrapped,
    ...(escrowHex ? { escrow: escrowHex } : {}),
  };
  const nextConversation: SenderConversation = {
    nextCounter: conversation.nextCounter + 1,
    nextEpoch: epoch && epoch !== conversation.escrow ? conversation.nextEpoch + 1 : conversation.nextEpoch,
    escrow: nextEscrow,
  };
  return { message, state: { conversations: { ...state.conversations, [conversationId]: nextConversation } } };
}
