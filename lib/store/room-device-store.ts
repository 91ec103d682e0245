/**
 * One phone in the live room: its own X25519 identity (made here, in memory only; only the public
 * key is published), the room as its event stream describes it, and the messages it could open.
 * Sealing and opening are lib/room-device's; this store keeps the results for the page. The
 * network is injected (`fetch`), so the store runs in Node tests against an in-process relay.
 * A reload is a new device: nothing secret is persisted.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { bytesToHex } from '@/lib/crypto/bytes';
import type { RandomSource } from '@/lib/crypto/random';
import { generateKeyPair, type X25519KeyPair } from '@/lib/crypto/x25519';
import { joinCodeSchema, type RoomMember } from '@/lib/room/room-protocol';
import { openRoomMessage, type RoomOpenOutcome } from '@/lib/room-device/open-room-message';
import { joinRoom, roomEventsPath, sendRoomMessage, type RoomFetch } from '@/lib/room-device/room-client';
import { RoomRequestError } from '@/lib/room-device/room-errors';
import { connectRoomStream, type RoomStreamStatus } from '@/lib/room-device/room-event-stream';
import { applyRoomEntry, EMPTY_ROOM_VIEW, type RoomView } from '@/lib/room-device/room-view';
import {
  EMPTY_SENDER_STATE,
  RoomSealError,
  sealRoomMessage,
  type RoomSenderState,
} from '@/lib/room-device/seal-room-message';

export interface RoomDeviceDeps {
  readonly fetch: RoomFetch;
  readonly random: RandomSource;
  readonly now: () => number;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** What this phone made of a message on the wire. */
export type DeviceMessage = RoomOpenOutcome | { readonly kind: 'sent'; readonly text: string };

export interface RoomDeviceState {
  readonly phase: 'join' | 'joining' | 'in';
  readonly code: string | null;
  readonly self: RoomMember | null;
  readonly view: RoomView;
  /** By message id: opened text, own sent text, or why not. */
  readonly inbox: Readonly<Record<string, DeviceMessage>>;
  readonly stream: RoomStreamStatus | null;
  /** The last error to show (join refused, send refused). */
  readonly error: string | null;
  readonly sending: boolean;
  /** Whether the phone follows the presenter's lesson step. */
  readonly following: boolean;
  join(code: string, name: string): Promise<void>;
  send(to: string, text: string): Promise<boolean>;
  setFollowing(on: boolean): void;
  /** Closes the stream (page unmount). */
  dispose(): void;
}

export type RoomDeviceStore = StoreApi<RoomDeviceState>;

/** Normalises what a person typed as a join code: upper case, no spaces or dashes. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function createRoomDeviceStore(deps: RoomDeviceDeps): RoomDeviceStore {
  let identity: X25519KeyPair | null = null;
  let deviceToken: string | null = null;
  let sender: RoomSenderState = EMPTY_SENDER_STATE;
  let stream: { close(): void } | null = null;
  const sentTexts = new Map<string, string>();

  return createStore<RoomDeviceState>()((set, get) => {
    const onEntry = (entry: Parameters<typeof applyRoomEntry>[1]) => {
      const { view, self, code, inbox } = get();
      const next = applyRoomEntry(view, entry);
      if (next === view || !self || !code || !identity) return;
      const event = entry.event;
      let nextInbox = inbox;
      if (event.type === 'message') {
        const own = sentTexts.get(event.messageId);
        const outcome: DeviceMessage =
          event.from === self.id
            ? { kind: 'sent', text: own ?? '(sent from this device before a reload)' }
            : openRoomMessage({
                code,
                self: { id: self.id, secretKey: identity.secretKey },
                from: event.from,
                senderPublicKey: view.members.find((m) => m.id === event.from)?.publicKey ?? null,
                message: event.message,
              });
        nextInbox = { ...inbox, [event.messageId]: outcome };
      }
      set({ view: next, inbox: nextInbox });
      if (next.closed || next.removedMemberIds.includes(self.id)) {
        stream?.close();
        stream = null;
      }
    };

    return {
      phase: 'join',
      code: null,
      self: null,
      view: EMPTY_ROOM_VIEW,
      inbox: {},
      stream: null,
      error: null,
      sending: false,
      following: true,

      async join(codeInput, name) {
        const code = normaliseJoinCode(codeInput);
        if (!joinCodeSchema.safeParse(code).success) {
          set({ error: 'A join code is 6 letters and digits, as shown on the projector.' });
          return;
        }
        const trimmed = name.trim();
        if (trimmed.length === 0) {
          set({ error: 'Pick a display name first.' });
          return;
        }
        set({ phase: 'joining', error: null });
        identity = generateKeyPair(deps.random);
        try {
          const reply = await joinRoom(code, trimmed, bytesToHex(identity.publicKey), deps.fetch);
          deviceToken = reply.deviceToken;
          sender = EMPTY_SENDER_STATE;
          set({ phase: 'in', code, self: reply.member, view: EMPTY_ROOM_VIEW, inbox: {} });
          stream = connectRoomStream({
            path: roomEventsPath(code, reply.deviceToken),
            fetch: deps.fetch,
            onEntry,
            onStatus: (status) => set({ stream: status }),
            ...(deps.sleep ? { sleep: deps.sleep } : {}),
          });
        } catch (e) {
          identity = null;
          set({ phase: 'join', error: e instanceof RoomRequestError ? e.userMessage : String(e) });
        }
      },

      async send(to, text) {
        const { code, self, view } = get();
        if (!code || !self || !identity || !deviceToken) return false;
        set({ error: null });
        let sealed;
        try {
          sealed = sealRoomMessage(sender, {
            code,
            self: { id: self.id, secretKey: identity.secretKey },
            to,
            text,
            members: view.members,
            escrowPublicKey: view.escrowPublicKey,
            now: deps.now(),
            random: deps.random,
          });
        } catch (e) {
          set({ error: e instanceof RoomSealError ? e.message : String(e) });
          return false;
        }
        set({ sending: true });
        try {
          const reply = await sendRoomMessage(code, deviceToken, sealed.message, deps.fetch);
          sender = sealed.state;
          sentTexts.set(reply.messageId, text.trim());
          const seen = get().inbox[reply.messageId];
          if (seen?.kind === 'sent')
            set({ inbox: { ...get().inbox, [reply.messageId]: { kind: 'sent', text: text.trim() } } });
          return true;
        } catch (e) {
          // The counter was not used on the wire, so the state is not advanced.
          set({ error: e instanceof RoomRequestError ? e.userMessage : String(e) });
          return false;
        } finally {
          set({ sending: false });
        }
      },

      setFollowing(on) {
        set({ following: on });
      },

      dispose() {
        stream?.close();
        stream = null;
      },
    };
  });
}
