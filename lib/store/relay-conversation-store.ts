/**
 * Lesson 4's conversation: Alice and Bob write to each other through the relay server, one message
 * at a time, with the lab's key pairs as their identity keys (static key agreement, as in lessons
 * 2-3). The protocol work is lib/protocol's (two-party-conversation.ts runs the real device send
 * and receive paths); this store keeps the result for the widgets of the lesson, adds the server's
 * clock, and logs both hops of every envelope on the lab's wire so that Eve's view shows them.
 *
 * The store follows the lab: a new key pair for Alice or Bob starts the conversation over (the lab
 * clears its wire at the same moment). Nothing here is persisted.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { concatBytes } from '@/lib/crypto/bytes';
import { encodeHeader } from '@/lib/protocol/envelope-header';
import { aeadKeyAndNonce } from '@/lib/protocol/message-encryption';
import type { WireRecord } from '@/lib/protocol/relay';
import { MINUTES_PER_DAY, MINUTES_PER_HOUR } from '@/lib/protocol/sim-time';
import {
  peerOf,
  sendInConversation,
  startTwoPartyConversation,
  type TwoPartyConversation,
  type TwoPartyDelivery,
  type TwoPartyMember,
} from '@/lib/protocol/two-party-conversation';
import type { LabState, WireItem } from './lab-store';

/** The conversation id in every header of the lesson's conversation. */
export const RELAY_CONVERSATION_ID = 'alice-bob';

/** Longest message the learner may send, in characters. */
export const MAX_MESSAGE_CHARS = 500;

const NAMES: Readonly<Record<TwoPartyMember, string>> = { alice: 'Alice', bob: 'Bob' };

/** One message of the thread, with what each place saw of it. */
export interface RelayedMessage {
  readonly seq: number;
  readonly sender: TwoPartyMember;
  readonly recipient: TwoPartyMember;
  /** What the sender typed (on the sender's phone only). */
  readonly text: string;
  /** The relay's record: header and ciphertext ‖ tag, as stored and forwarded. */
  readonly record: WireRecord;
  /** The encoded header: the AEAD associated data, sent in the clear. */
  readonly headerBytes: Uint8Array;
  /** The 12-byte nonce both phones compute from the header (never sent). */
  readonly nonce: Uint8Array;
  /** The server's clock when the envelope arrived (ms since the epoch). */
  readonly receivedAt: number;
  /** What the recipient's phone made of it. */
  readonly delivery: TwoPartyDelivery;
}

/** State and actions of the relay conversation. */
export interface RelayConversationState {
  readonly conversation: TwoPartyConversation | null;
  readonly messages: readonly RelayedMessage[];
  /** Server clock when the conversation started, and the header clock's minute then. */
  readonly startedAt: { readonly ms: number; readonly minute: number } | null;
  /** The last learner-facing error ("Generate Bob's key pair first."). */
  readonly error: string | null;
  /**
   * Checks the keys and the text (setting `error` when something is missing) and, before the first
   * message, sets the conversation up. Returns whether `send` can go ahead. Split from `send` so a
   * widget can let the page breathe between the key setup and the first message.
   */
  prepare(sender: TwoPartyMember, text: string, now?: Date): boolean;
  /** Sends `text` from `sender` (preparing first if needed); returns the delivery, or null (with `error` set) when it could not be sent. */
  send(sender: TwoPartyMember, text: string, now?: Date): TwoPartyDelivery | null;
  reset(): void;
}

/** Minute of the day of `now` in local time: the header clock starts at the learner's own time of day. */
function minuteOfDay(now: Date): number {
  return now.getHours() * MINUTES_PER_HOUR + now.getMinutes();
}

/** Creates the conversation of one lab. It subscribes to the lab's keys and starts over when they change. */
export function createRelayConversationStore(lab: StoreApi<LabState>): StoreApi<RelayConversationState> {
  const fresh = { conversation: null, messages: [], startedAt: null, error: null };
  const store = createStore<RelayConversationState>()((set, get) => ({
    ...fresh,

    prepare(sender, text, now = new Date()) {
      const fail = (error: string) => {
        set({ error });
        return false;
      };
      const { keys, random } = lab.getState();
      const missing = (['alice', 'bob'] as const).filter((p) => !keys[p]);
      if (missing.length === 2) return fail("Generate Alice's and Bob's key pairs first.");
      if (missing.length === 1) return fail(`Generate ${NAMES[missing[0]!]}'s key pair first.`);
      if (text.trim().length === 0) return fail(`Type a message for ${NAMES[sender]} to send.`);
      if (text.length > MAX_MESSAGE_CHARS)
        return fail(`Keep the message to ${MAX_MESSAGE_CHARS} characters (it has ${text.length}).`);
      if (get().conversation) return true;
      // First message: each phone sets up its side (one X25519 and HKDF each), and the server hands
      // each phone the other's public key (its key directory).
      const conversation = startTwoPartyConversation({
        mode: 'static',
        conversationId: RELAY_CONVERSATION_ID,
        identities: { alice: keys.alice!, bob: keys.bob! },
        random,
      });
      const wireItems: Omit<WireItem, 'id'>[] = [];
      for (const who of ['alice', 'bob'] as const) {
        const label = `${NAMES[who]}'s public key`;
        wireItems.push(
          { from: who, to: 'server', label, bytes: keys[who]!.publicKey },
          { from: 'server', to: peerOf(who), label, bytes: keys[who]!.publicKey },
        );
      }
      lab.getState().recordOnWire(wireItems);
      set({ conversation, startedAt: { ms: now.getTime(), minute: minuteOfDay(now) }, error: null });
      return true;
    },

    send(sender, text, now = new Date()) {
      if (!get().prepare(sender, text, now)) return null;
      const { conversation, startedAt } = get();
      const { random } = lab.getState();
      if (!conversation || !startedAt) return null;
      // Header time: whole minutes, counted on from the time of day the conversation started.
      const elapsed = Math.max(0, Math.floor((now.getTime() - startedAt.ms) / 60_000));
      const sentAt = Math.min(startedAt.minute + elapsed, 365 * MINUTES_PER_DAY);
      const result = sendInConversation(conversation, sender, text, sentAt, random);
      const { record, delivery } = result;
      const session = conversation.devices[sender].session;
      const headerBytes = encodeHeader(record.envelope.header);
      const nonce =
        session.kind === 'static'
          ? aeadKeyAndNonce(record.envelope.header, session.conversationKey).nonce
          : new Uint8Array(0);
      const recipient = peerOf(sender);
      const label = `Envelope ${record.seq + 1}: header ‖ ciphertext ‖ tag`;
      const bytes = concatBytes(headerBytes, record.envelope.ciphertext);
      lab.getState().recordOnWire([
        { from: sender, to: 'server', label, bytes },
        { from: 'server', to: recipient, label, bytes },
      ]);
      set({
        conversation: result.conversation,
        startedAt,
        messages: [
          ...get().messages,
          { seq: record.seq, sender, recipient, text, record, headerBytes, nonce, receivedAt: now.getTime(), delivery },
        ],
        error: null,
      });
      return delivery;
    },

    reset() {
      set(fresh);
    },
  }));
  lab.subscribe((s, prev) => {
    if (s.keys !== prev.keys) store.getState().reset();
  });
  return store;
}
