/**
 * The presenter's side of the live room: the room's code and presenter token (the token is kept by
 * the page in sessionStorage, never in a URL), the room as the event stream describes it, and the
 * escrow key pair. The escrow secret lives in this store's memory only: "escrow on" publishes the
 * public key; "leak the key" hands the secret to the projector's decryption
 * (room-device/projector-decryption.ts) in this same page and tells the relay only that it
 * happened. After the leak every new message is decrypted too.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { bytesToHex } from '@/lib/crypto/bytes';
import { generateHpkeKeyPair } from '@/lib/crypto/hpke';
import type { RandomSource } from '@/lib/crypto/random';
import type { ControlRequest, RoomLogEntry } from '@/lib/room/room-protocol';
import { decryptLeakedRoom, type ProjectorDecryption } from '@/lib/room-device/projector-decryption';
import { createRoom, roomEventsPath, sendRoomControl, type RoomFetch } from '@/lib/room-device/room-client';
import { RoomRequestError } from '@/lib/room-device/room-errors';
import { connectRoomStream, type RoomStreamStatus } from '@/lib/room-device/room-event-stream';
import { applyRoomEntry, EMPTY_ROOM_VIEW, type RoomView } from '@/lib/room-device/room-view';

/** Where the page keeps the presenter's room between reloads (sessionStorage in the browser). */
export interface PresenterRoomStorage {
  load(): { code: string; presenterToken: string } | null;
  save(room: { code: string; presenterToken: string }): void;
  clear(): void;
}

export interface RoomPresenterDeps {
  readonly fetch: RoomFetch;
  readonly random: RandomSource;
  readonly storage: PresenterRoomStorage;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface RoomPresenterState {
  readonly phase: 'idle' | 'creating' | 'live';
  readonly code: string | null;
  readonly view: RoomView;
  readonly stream: RoomStreamStatus | null;
  readonly error: string | null;
  readonly busy: boolean;
  /** The escrow public key this browser generated (hex), while it still holds the secret. */
  readonly escrowPublicKey: string | null;
  /** The projector's decryption with the leaked key, recomputed as messages arrive. */
  readonly leak: ProjectorDecryption | null;
  create(): Promise<void>;
  /** Reopens the room kept in storage, if any (after a reload). */
  resume(): void;
  control(control: ControlRequest): Promise<boolean>;
  escrowOn(): Promise<void>;
  leakKey(): Promise<void>;
  /** Forgets the room in this browser (after closing it). */
  forget(): void;
  dispose(): void;
}

export type RoomPresenterStore = StoreApi<RoomPresenterState>;

export function createRoomPresenterStore(deps: RoomPresenterDeps): RoomPresenterStore {
  let token: string | null = null;
  let stream: { close(): void } | null = null;
  let escrowSecret: Uint8Array | null = null;
  let leaked = false;

  return createStore<RoomPresenterState>()((set, get) => {
    const decrypt = (view: RoomView) =>
      leaked && escrowSecret && get().code
        ? decryptLeakedRoom(get().code!, view.messages, view.members, escrowSecret)
        : null;

    const onEntry = (entry: RoomLogEntry) => {
      const before = get().view;
      const view = applyRoomEntry(before, entry);
      if (view === before) return;
      const messagesChanged = view.messages !== before.messages || view.members !== before.members;
      set({ view, ...(leaked && messagesChanged ? { leak: decrypt(view) } : {}) });
      if (view.closed) {
        stream?.close();
        stream = null;
      }
    };

    const open = (code: string, presenterToken: string) => {
      token = presenterToken;
      stream?.close();
      set({ phase: 'live', code, view: EMPTY_ROOM_VIEW, error: null });
      stream = connectRoomStream({
        path: roomEventsPath(code, presenterToken),
        fetch: deps.fetch,
        onEntry,
        onStatus: (status) => set({ stream: status }),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
      });
    };

    const fail = (e: unknown) => set({ error: e instanceof RoomRequestError ? e.userMessage : String(e) });

    return {
      phase: 'idle',
      code: null,
      view: EMPTY_ROOM_VIEW,
      stream: null,
      error: null,
      busy: false,
      escrowPublicKey: null,
      leak: null,

      async create() {
        set({ phase: 'creating', error: null });
        try {
          const reply = await createRoom(deps.fetch);
          deps.storage.save({ code: reply.code, presenterToken: reply.presenterToken });
          open(reply.code, reply.presenterToken);
        } catch (e) {
          set({ phase: 'idle' });
          fail(e);
        }
      },

      resume() {
        const kept = deps.storage.load();
        if (kept && get().phase === 'idle') open(kept.code, kept.presenterToken);
      },

      async control(control) {
        const code = get().code;
        if (!code || !token) return false;
        set({ busy: true, error: null });
        try {
          await sendRoomControl(code, token, control, deps.fetch);
          return true;
        } catch (e) {
          fail(e);
          return false;
        } finally {
          set({ busy: false });
        }
      },

      async escrowOn() {
        const pair = generateHpkeKeyPair(deps.random);
        const publicKey = bytesToHex(pair.publicKey);
        if (await get().control({ action: 'escrow-on', publicKey })) {
          escrowSecret = pair.secretKey;
          leaked = false;
          set({ escrowPublicKey: publicKey, leak: null });
        }
      },

      async leakKey() {
        if (!escrowSecret) {
          set({ error: 'This browser holds no escrow key: switch escrow on first (a reload forgets the key).' });
          return;
        }
        leaked = true;
        set({ leak: decrypt(get().view) });
        await get().control({ action: 'escrow-leaked' });
      },

      forget() {
        stream?.close();
        stream = null;
        token = null;
        escrowSecret = null;
        leaked = false;
        deps.storage.clear();
        set({ phase: 'idle', code: null, view: EMPTY_ROOM_VIEW, stream: null, escrowPublicKey: null, leak: null });
      },

      dispose() {
        stream?.close();
        stream = null;
      },
    };
  });
}
