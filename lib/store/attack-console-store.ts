/**
 * The state of one thief's console: the world it attacks (held by the world worker, named by id),
 * the deck's choices and the wallet (the capabilities switched on, by slot), what the loot
 * capabilities yielded, the learner's own messages, and the last decryption run. Consoles of one
 * lesson share a store (LessonScope), so a later step continues where an earlier one left off.
 *
 * Actions are thin: the work happens behind {@link AttackWorldClient}, which is injected. The page
 * passes the world worker's client (app/_components/world/world-client.ts); tests pass one that
 * runs a WorldHost in the same process. Every failure becomes state (`worldError`, `learnerError`,
 * `run.error`) for the view to show; no action rejects.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Capability } from '@/lib/protocol/capability';
import type { SimTime } from '@/lib/protocol/sim-time';
import {
  choicesForWorld,
  initialChoices,
  slotCapability,
  type ConsoleDeck,
  type DeckChoices,
  type DeckSlot,
  type SlotCapability,
} from '@/lib/attack-lab/console-deck';
import type {
  AttackOptions,
  AttackResult,
  LearnerMessage,
  LearnerMessageResult,
  LootResult,
  ScheduleRow,
  WorldGenerateOptions,
  WorldSummary,
} from '@/lib/attack-lab/world-messages';
import type { WorkerProgress } from '@/lib/scenarios/run-controls';

/** Progress reports and cancellation for an attack run. */
export interface AttackControls extends AttackOptions {
  readonly onProgress?: (progress: WorkerProgress) => void;
  readonly signal?: AbortSignal;
}

/**
 * What the console needs from the world worker: the methods it calls, nothing more. The world
 * client (app/_components/world/world-client.ts) satisfies it as it is.
 */
export interface AttackWorldClient {
  /** Generates a seeded world and resolves with its summary. */
  generate(options: WorldGenerateOptions): Promise<WorldSummary>;
  /** Whether the worker still holds `worldId` (false after a restart). */
  has(worldId: string): boolean;
  /** Sends the learner's message through the real send path. */
  sendLearnerMessage(worldId: string, message: LearnerMessage): Promise<LearnerMessageResult>;
  /** What the loot capabilities yield (key names and bytes), without decrypting. */
  loot(worldId: string, capabilities: readonly Capability[]): Promise<LootResult>;
  /** Decrypts everything captured; aborting resolves with what was decided (`cancelled: true`). */
  attack(worldId: string, capabilities: readonly Capability[], controls: AttackControls): Promise<AttackResult>;
  /** Forgets a world in the worker (frees its memory). */
  dispose(worldId: string): Promise<void>;
}

/** A decryption run. */
export interface ConsoleRun {
  readonly status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  readonly progress: WorkerProgress | null;
  readonly result: AttackResult | null;
  readonly error: string | null;
  /** The wallet the result was computed with ({@link walletKey}), so the view can say when it is stale. */
  readonly walletKey: string;
}

/** What switching a card did: whether its slot is now on, and the loot then (null if it could not be computed). */
export interface SlotToggle {
  readonly on: boolean;
  readonly loot: LootResult | null;
}

/** Console state and actions. */
export interface AttackConsoleState {
  readonly deck: ConsoleDeck;
  readonly world: WorldSummary | null;
  readonly worldStatus: 'none' | 'generating' | 'ready' | 'error';
  readonly worldError: string | null;
  /** What the learner chose on the cards. */
  readonly choices: DeckChoices;
  /** Switched-on capabilities by slot ("wire", "server", "device", "escrow:northland", ...). */
  readonly wallet: Readonly<Record<string, Capability>>;
  /** When a slot's theft happened, for slots whose capability carries no time (an escrow key stolen on a chosen day). */
  readonly slotTimes: Readonly<Record<string, SimTime>>;
  readonly loot: LootResult | null;
  readonly lootPending: boolean;
  readonly learnerMessages: readonly ScheduleRow[];
  readonly learnerSending: boolean;
  readonly learnerError: string | null;
  readonly run: ConsoleRun;
  /** Generates the console's own world if there is none yet (lesson consoles). Resolves with it, or null on failure. */
  ensureWorld(): Promise<WorldSummary | null>;
  /** Attack a world generated elsewhere (the attack lab); clears the wallet and results, keeps the choices that still fit. */
  useWorld(world: WorldSummary | null): void;
  /**
   * Switches a card: empties its slot if it is on, else (generating a lesson's world first if
   * needed) puts in the capability the deck builds from the choices. Null when there is no world.
   */
  toggle(slot: DeckSlot): Promise<SlotToggle | null>;
  /**
   * Changes choices. In the lab the cards are live settings, so every switched-on card is stolen
   * again with them; in a lesson the story only says how the next theft happens.
   */
  choose(patch: Partial<DeckChoices>): Promise<void>;
  /** Sends the learner's message into the world through the real send path; resolves with whether it was sent. */
  sendLearnerMessage(message: LearnerMessage): Promise<boolean>;
  /**
   * Decrypts everything captured with everything in the wallet. `splitAt` is the moment counted as
   * "the theft" for before/after (default: a stolen phone's time, else, when an escrow key is in
   * the wallet, the day it was stolen on or "now", the end of the traffic). Resolves with the
   * result (null on failure).
   */
  decryptAll(options?: { readonly splitAt?: SimTime }): Promise<AttackResult | null>;
  /** Cancels the running decryption. */
  cancel(): void;
  /**
   * Lets go of the console's world when its owner goes away (the lesson scope unmounts): cancels
   * the running decryption, frees in the worker the world this console generated itself (a world
   * handed over with `useWorld` belongs to whoever generated it) and goes back to no world. A
   * generation still under way is freed when it arrives. A later action starts again.
   */
  release(): void;
}

/** How a console is made. */
export interface AttackConsoleOptions {
  readonly client: AttackWorldClient;
  readonly deck: ConsoleDeck;
  /** The world a lesson console generates for itself; omit it for a console handed its world with `useWorld` (the lab). */
  readonly spec?: WorldGenerateOptions;
}

const IDLE: ConsoleRun = { status: 'idle', progress: null, result: null, error: null, walletKey: '' };
const NO_LOOT: LootResult = { items: [], notes: [] };

const isCapture = (c: Capability) => c.kind === 'tap-wire' || c.kind === 'take-over-server';

const slotEntry = (slot: string, capability: Capability | undefined, at: SimTime | undefined) =>
  `${slot}=${JSON.stringify(capability)}@${at ?? ''}`;

/** Slots, capabilities and times in a stable order, as a string: identifies a wallet. */
function walletKey(wallet: AttackConsoleState['wallet'], times: AttackConsoleState['slotTimes'] = {}): string {
  return Object.keys(wallet)
    .sort()
    .map((k) => slotEntry(k, wallet[k], times[k]))
    .join('|');
}

/** Whether the wallet captures any traffic (keys alone decrypt nothing the thief does not hold). */
export function walletHasCapture(wallet: AttackConsoleState['wallet']): boolean {
  return Object.values(wallet).some(isCapture);
}

/** Whether the last run's result was computed with another wallet than the one now. */
export function isRunStale(state: Pick<AttackConsoleState, 'run' | 'wallet' | 'slotTimes'>): boolean {
  return state.run.result !== null && state.run.walletKey !== walletKey(state.wallet, state.slotTimes);
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Creates a console store over `client`. */
export function createAttackConsoleStore({ client, deck, spec }: AttackConsoleOptions): StoreApi<AttackConsoleState> {
  let controller: AbortController | null = null;
  let generating: Promise<WorldSummary | null> | null = null;
  let lootSerial = 0;
  /** Bumped by release(): a generation begun before it frees its world on arrival instead of keeping it. */
  let lifetime = 0;
  const free = (worldId: string) => void client.dispose(worldId).catch(() => undefined);

  return createStore<AttackConsoleState>()((set, get) => {
    /** The world, regenerated from its seed if the worker lost it (learner messages are sent again). */
    async function liveWorld(): Promise<WorldSummary | null> {
      const world = get().world;
      if (world && client.has(world.worldId)) return world;
      if (world && !spec) {
        set({ worldStatus: 'error', worldError: 'This world is gone (the worker restarted). Generate it again.' });
        return null;
      }
      if (world) set({ world: null });
      const fresh = await get().ensureWorld();
      if (fresh && world) {
        for (const m of get().learnerMessages) {
          await client.sendLearnerMessage(fresh.worldId, { sender: m.sender, recipient: m.recipient, text: m.text });
        }
      }
      return get().world;
    }

    async function refreshLoot(): Promise<LootResult | null> {
      const serial = ++lootSerial;
      const capabilities = Object.values(get().wallet);
      if (capabilities.every(isCapture)) {
        set({ loot: NO_LOOT, lootPending: false });
        return NO_LOOT;
      }
      set({ lootPending: true });
      try {
        const world = await liveWorld();
        if (!world) {
          if (serial === lootSerial) set({ lootPending: false });
          return null;
        }
        const loot = await client.loot(world.worldId, capabilities);
        if (serial === lootSerial) set({ loot, lootPending: false });
        return loot;
      } catch (e) {
        if (serial === lootSerial) set({ lootPending: false, worldError: message(e) });
        return null;
      }
    }

    /** Sets several slots at once (null empties one), then refreshes the loot once. */
    function putSlots(changes: Readonly<Record<string, SlotCapability | null>>): Promise<LootResult | null> {
      const wallet = { ...get().wallet };
      const slotTimes = { ...get().slotTimes };
      for (const slot of Object.keys(changes)) {
        const change = changes[slot];
        if (change) wallet[slot] = change.capability;
        else delete wallet[slot];
        if (change?.at !== undefined) slotTimes[slot] = change.at;
        else delete slotTimes[slot];
      }
      set({ wallet, slotTimes });
      return refreshLoot();
    }

    return {
      deck,
      world: null,
      worldStatus: 'none',
      worldError: null,
      choices: initialChoices(deck),
      wallet: {},
      slotTimes: {},
      loot: null,
      lootPending: false,
      learnerMessages: [],
      learnerSending: false,
      learnerError: null,
      run: IDLE,

      ensureWorld() {
        const existing = get().world;
        if (existing) return Promise.resolve(existing);
        if (!spec) return Promise.resolve(null);
        if (generating) return generating;
        const started = lifetime;
        generating = (async () => {
          set({ worldStatus: 'generating', worldError: null });
          try {
            const world = await client.generate(spec);
            if (started !== lifetime) {
              free(world.worldId);
              return null;
            }
            set({ world, worldStatus: 'ready' });
            return world;
          } catch (e) {
            if (started === lifetime) set({ worldStatus: 'error', worldError: message(e) });
            return null;
          } finally {
            // A release started a new lifetime (and maybe a new generation): that one is not ours to clear.
            if (started === lifetime) generating = null;
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
          choices: world ? choicesForWorld(world, get().choices) : get().choices,
          wallet: {},
          slotTimes: {},
          loot: null,
          lootPending: false,
          learnerMessages: world ? world.schedule.filter((r) => r.learner) : [],
          learnerError: null,
          run: IDLE,
        });
      },

      async toggle(slot) {
        if (get().wallet[slot]) return { on: false, loot: await putSlots({ [slot]: null }) };
        const world = get().world ?? (await get().ensureWorld());
        if (!world) return null;
        const built = slotCapability(deck, slot, get().choices, world);
        if (!built) return null;
        return { on: true, loot: await putSlots({ [slot]: built }) };
      },

      async choose(patch) {
        const choices = { ...get().choices, ...patch };
        set({ choices });
        const world = get().world;
        if (deck.kind !== 'lab' || !world) return;
        const changes: Record<string, SlotCapability> = {};
        const { wallet, slotTimes } = get();
        for (const slot of Object.keys(wallet)) {
          const built = slotCapability(deck, slot, choices, world);
          if (built && slotEntry(slot, built.capability, built.at) !== slotEntry(slot, wallet[slot], slotTimes[slot]))
            changes[slot] = built;
        }
        if (Object.keys(changes).length > 0) await putSlots(changes);
      },

      async sendLearnerMessage(msg) {
        set({ learnerError: null, learnerSending: true });
        try {
          const world = await liveWorld();
          if (!world) return false;
          const sent = await client.sendLearnerMessage(world.worldId, msg);
          set({ world: sent.summary, learnerMessages: [...get().learnerMessages, sent.row] });
          return true;
        } catch (e) {
          set({ learnerError: message(e) });
          return false;
        } finally {
          set({ learnerSending: false });
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
          if (!world) throw new Error('no world to attack yet');
          const { wallet, slotTimes } = get();
          const slots = Object.keys(wallet);
          const capabilities = Object.values(wallet);
          const escrowSlot = slots.find(
            (k) => wallet[k]!.kind === 'steal-escrow-key' || wallet[k]!.kind === 'steal-key-pieces',
          );
          const deviceTheft = capabilities.find((c) => c.kind === 'steal-device');
          // Before/after: the moment of the theft. A phone at its chosen time; an escrow key on the
          // day the deck gave it, else "now" (the end of the recorded traffic).
          const splitAt =
            options.splitAt ??
            (deviceTheft?.kind === 'steal-device'
              ? deviceTheft.at
              : escrowSlot
                ? (slotTimes[escrowSlot] ?? world.endsAt)
                : undefined);
          const result = await client.attack(world.worldId, capabilities, {
            signal: own.signal,
            onProgress: (progress) => {
              if (controller === own) set({ run: { ...get().run, progress } });
            },
            ...(splitAt !== undefined ? { splitAt } : {}),
          });
          if (controller !== own) return null;
          set({
            run: {
              status: result.cancelled ? 'cancelled' : 'done',
              progress: get().run.progress,
              result,
              error: null,
              walletKey: key,
            },
          });
          return result;
        } catch (e) {
          if (controller === own)
            set({ run: { status: 'error', progress: null, result: null, error: message(e), walletKey: key } });
          return null;
        } finally {
          if (controller === own) controller = null;
        }
      },

      cancel() {
        controller?.abort();
      },

      release() {
        lifetime++;
        generating = null;
        const world = get().world;
        if (world && spec) free(world.worldId);
        get().useWorld(null);
        set({ learnerSending: false });
      },
    };
  });
}
