'use client';
/**
 * The state of one attacker console: the world it attacks (held by the world worker, named by
 * id), the wallet (the capabilities switched on, by deck slot), what the loot capabilities yielded,
 * the learner's own messages, and the last decryption run. Instances of the console in one lesson
 * share a store through LessonScope, so a later step continues where an earlier one left off.
 * Actions are thin: the work happens in the worker (app/_components/world/world-client.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Capability } from '@/lib/protocol/capability';
import type {
  AttackResult,
  LearnerMessage,
  LootResult,
  ScheduleRow,
  WorkerProgress,
  WorldGenerateOptions,
  WorldSummary,
} from '@/lib/attack-lab/world-messages';
import { WorldGoneError, getWorldClient } from '../../world/world-client';

/** A decryption run. */
export interface ConsoleRun {
  readonly status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  readonly progress: WorkerProgress | null;
  readonly result: AttackResult | null;
  readonly error: string | null;
  /** The wallet the result was computed with (slot keys), so the view can say when it is stale. */
  readonly walletKey: string;
}

/** Console state and actions. */
export interface ConsoleState {
  readonly world: WorldSummary | null;
  readonly worldStatus: 'none' | 'generating' | 'ready' | 'error';
  readonly worldError: string | null;
  /** Switched-on capabilities by deck slot ("wire", "server", "device", "escrow:northland", ...). */
  readonly wallet: Readonly<Record<string, Capability>>;
  /** When a slot's theft happened, for slots whose capability carries no time (an escrow key stolen on a chosen day). */
  readonly slotTimes: Readonly<Record<string, number>>;
  readonly loot: LootResult | null;
  readonly lootPending: boolean;
  readonly learnerMessages: readonly ScheduleRow[];
  readonly learnerError: string | null;
  readonly run: ConsoleRun;
  /** Generates the console's own world if there is none yet (lesson consoles). Resolves with it, or null on failure. */
  ensureWorld(): Promise<WorldSummary | null>;
  /** Attack a world generated elsewhere (the attack lab); clears the wallet and results. */
  useWorld(world: WorldSummary | null): void;
  /**
   * Puts `capability` in slot `slot`, or empties the slot (null); refreshes the loot. `at` records
   * when the theft happened if the capability has no time of its own. Resolves with the new loot.
   */
  setSlot(slot: string, capability: Capability | null, at?: number): Promise<LootResult | null>;
  /** Sends the learner's message into the world through the real send path. */
  sendLearnerMessage(message: LearnerMessage): Promise<boolean>;
  /**
   * Decrypts everything captured with everything in the wallet. `splitAt` is the moment counted as
   * "the theft" for before/after (default: a stolen phone's time, else "now", the end of the
   * traffic, when an escrow key is in the wallet). Resolves with the result (null on failure).
   */
  decryptAll(options?: { readonly splitAt?: number }): Promise<AttackResult | null>;
  /** Cancels the running decryption. */
  cancel(): void;
}

const IDLE: ConsoleRun = { status: 'idle', progress: null, result: null, error: null, walletKey: '' };

/** Slot keys in a stable order, as a string: identifies a wallet. */
export function walletKey(wallet: Readonly<Record<string, Capability>>, times: Readonly<Record<string, number>> = {}): string {
  return Object.keys(wallet)
    .sort()
    .map((k) => `${k}=${JSON.stringify(wallet[k])}@${times[k] ?? ''}`)
    .join('|');
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Creates a console store. `spec` is the world a lesson console generates for itself; omit it for
 * a console whose world is handed in with `useWorld` (the attack lab).
 */
export function createConsoleStore(spec?: WorldGenerateOptions): StoreApi<ConsoleState> {
  let controller: AbortController | null = null;
  let generating: Promise<WorldSummary | null> | null = null;
  let lootSerial = 0;

  return createStore<ConsoleState>()((set, get) => {
    /** The world, regenerated from its seed if the worker lost it (learner messages are sent again). */
    async function liveWorld(): Promise<WorldSummary | null> {
      const world = get().world;
      if (world && getWorldClient().has(world.worldId)) return world;
      if (world && !spec) {
        set({ worldStatus: 'error', worldError: 'This world is gone (the worker restarted). Generate it again.' });
        return null;
      }
      if (world) set({ world: null });
      const fresh = await get().ensureWorld();
      if (fresh && world) {
        for (const m of get().learnerMessages) {
          await getWorldClient().sendLearnerMessage(fresh.worldId, { sender: m.sender, recipient: m.recipient, text: m.text });
        }
      }
      return get().world;
    }

    async function refreshLoot(): Promise<LootResult | null> {
      const serial = ++lootSerial;
      const capabilities = Object.values(get().wallet);
      if (!capabilities.some((c) => c.kind !== 'tap-wire' && c.kind !== 'take-over-server')) {
        set({ loot: { items: [], notes: [] }, lootPending: false });
        return { items: [], notes: [] };
      }
      set({ lootPending: true });
      try {
        const world = await liveWorld();
        if (!world) return null;
        const loot = await getWorldClient().loot(world.worldId, capabilities);
        if (serial === lootSerial) set({ loot, lootPending: false });
        return loot;
      } catch (e) {
        if (serial === lootSerial) set({ lootPending: false, worldError: message(e) });
        return null;
      }
    }

    return {
      world: null,
      worldStatus: 'none',
      worldError: null,
      wallet: {},
      slotTimes: {},
      loot: null,
      lootPending: false,
      learnerMessages: [],
      learnerError: null,
      run: IDLE,

      ensureWorld() {
        const existing = get().world;
        if (existing) return Promise.resolve(existing);
        if (!spec) return Promise.resolve(null);
        generating ??= (async () => {
          set({ worldStatus: 'generating', worldError: null });
          try {
            const world = await getWorldClient().generate(spec);
            set({ world, worldStatus: 'ready' });
            return world;
          } catch (e) {
            set({ worldStatus: 'error', worldError: message(e) });
            return null;
          } finally {
            generating = null;
          }
        })();
        return generating;
      },

      useWorld(world) {
        controller?.abort();
        controller = null;
        lootSerial++;
        set({
          world,
          worldStatus: world ? 'ready' : 'none',
          worldError: null,
          wallet: {},
          slotTimes: {},
          loot: null,
          lootPending: false,
          learnerMessages: world ? world.schedule.filter((r) => r.learner) : [],
          learnerError: null,
          run: IDLE,
        });
      },

      async setSlot(slot, capability, at) {
        const wallet = { ...get().wallet };
        const slotTimes = { ...get().slotTimes };
        if (capability) wallet[slot] = capability;
        else delete wallet[slot];
        if (capability && at !== undefined) slotTimes[slot] = at;
        else delete slotTimes[slot];
        set({ wallet, slotTimes });
        return refreshLoot();
      },

      async sendLearnerMessage(msg) {
        set({ learnerError: null });
        try {
          const world = await liveWorld();
          if (!world) return false;
          const sent = await getWorldClient().sendLearnerMessage(world.worldId, msg);
          set({ world: sent.summary, learnerMessages: [...get().learnerMessages, sent.row] });
          return true;
        } catch (e) {
          set({ learnerError: message(e) });
          return false;
        }
      },

      async decryptAll(options = {}) {
        controller?.abort();
        const own = new AbortController();
        controller = own;
        const key = walletKey(get().wallet, get().slotTimes);
        set({ run: { status: 'running', progress: null, result: null, error: null, walletKey: key } });
        try {
          const world = await liveWorld();
          if (!world) throw new WorldGoneError('no world to attack yet');
          const { wallet, slotTimes } = get();
          const capabilities = Object.values(wallet);
          const escrowSlot = Object.keys(wallet).find((k) => wallet[k]!.kind === 'steal-escrow-key' || wallet[k]!.kind === 'steal-key-pieces');
          const deviceTheft = capabilities.find((c) => c.kind === 'steal-device');
          // Before/after: the moment of the theft. A phone at its chosen time; an escrow key on the
          // day the deck gave it, else "now" (the end of the recorded traffic).
          const splitAt =
            options.splitAt ??
            (deviceTheft?.kind === 'steal-device' ? deviceTheft.at : escrowSlot ? (slotTimes[escrowSlot] ?? world.endsAt) : undefined);
          const result = await getWorldClient().attack(world.worldId, capabilities, {
            signal: own.signal,
            onProgress: (progress) => {
              if (controller === own) set({ run: { ...get().run, progress } });
            },
            ...(splitAt !== undefined ? { splitAt } : {}),
          });
          if (controller !== own) return null;
          set({ run: { status: result.cancelled ? 'cancelled' : 'done', progress: get().run.progress, result, error: null, walletKey: key } });
          return result;
        } catch (e) {
          if (controller === own) set({ run: { status: 'error', progress: null, result: null, error: message(e), walletKey: key } });
          return null;
        } finally {
          if (controller === own) controller = null;
        }
      },

      cancel() {
        controller?.abort();
      },
    };
  });
}
