/**
 * Builds a relay: in memory (the embedded default) or on Redis (REDIS_URL), with its limits, rate
 * limiters, fan-out and timers (heartbeat every 15 s, expiry sweep). `roomRelay()` is the one relay
 * of this `next start` process, kept on globalThis so every route handler (and hot reloads in
 * `next dev`) share it.
 * @module
 */
import { MemoryRateLimiter, type RateLimit, type RateLimiter } from './rate-limiter';
import { MemoryRoomStore } from './memory-room-store';
import { RoomFanout, type FanoutOptions } from './room-fanout';
import { ROOM_LIMITS } from './room-protocol';
import { RoomRelay, type RelayLimiters } from './room-relay';
import type { RoomStore, StoreLimits } from './room-store';

const MINUTE = 60_000;

export interface RelayConfig extends StoreLimits, FanoutOptions {
  readonly memberCap: number;
  readonly sweepMs: number;
  readonly rates: { readonly [K in keyof RelayLimiters]: RateLimit };
}

export const DEFAULT_RELAY_CONFIG: RelayConfig = {
  memberCap: ROOM_LIMITS.memberCap,
  inactivityMs: 120 * MINUTE,
  closedRetentionMs: 60 * MINUTE,
  logMaxEvents: 10_000,
  logMaxBytes: 32 * 1024 * 1024,
  heartbeatMs: 15_000,
  maxQueuedChunks: 2_000,
  idleChannelMs: 30_000,
  sweepMs: 30_000,
  rates: {
    createPerAddress: { limit: 10, windowMs: MINUTE },
    // A venue's phones may share one address behind NAT: generous for joins, strict for misses.
    joinPerAddress: { limit: 120, windowMs: MINUTE },
    joinMissesPerAddress: { limit: 10, windowMs: MINUTE },
    joinMissesGlobal: { limit: 600, windowMs: MINUTE },
    sendPerDevice: { limit: 20, windowMs: 10_000 },
  },
};

/** Environment overrides (README "Live room"): whole numbers only, anything else is ignored. */
export function configFromEnv(env: Record<string, string | undefined>, base = DEFAULT_RELAY_CONFIG): RelayConfig {
  const number = (name: string) => (/^\d+$/.test(env[name] ?? '') ? Number(env[name]) : null);
  const { rates } = base;
  return {
    ...base,
    memberCap: number('ROOM_MEMBER_CAP') ?? base.memberCap,
    inactivityMs: (number('ROOM_INACTIVITY_MINUTES') ?? base.inactivityMs / MINUTE) * MINUTE,
    rates: {
      ...rates,
      joinPerAddress: { ...rates.joinPerAddress, limit: number('ROOM_JOINS_PER_MINUTE') ?? rates.joinPerAddress.limit },
      sendPerDevice: { ...rates.sendPerDevice, limit: number('ROOM_SENDS_PER_10S') ?? rates.sendPerDevice.limit },
      createPerAddress: {
        ...rates.createPerAddress,
        limit: number('ROOM_CREATES_PER_MINUTE') ?? rates.createPerAddress.limit,
      },
    },
  };
}

export interface RelaySetup {
  readonly relay: RoomRelay;
  readonly store: RoomStore;
  readonly fanout: RoomFanout;
  close(): Promise<void>;
}

function assemble(
  store: RoomStore,
  config: RelayConfig,
  limiter: (name: string, rule: RateLimit) => RateLimiter,
  now: () => number,
  sweepStore: () => void,
): RelaySetup {
  const fanout = new RoomFanout(store, config);
  const limiters = Object.fromEntries(
    Object.entries(config.rates).map(([name, rule]) => [name, limiter(name, rule)]),
  ) as unknown as RelayLimiters;
  const relay = new RoomRelay(store, fanout, limiters, config, now);
  const sweep = setInterval(() => {
    sweepStore();
    void relay.sweepExpired();
  }, config.sweepMs);
  sweep.unref?.();
  return {
    relay,
    store,
    fanout,
    async close() {
      clearInterval(sweep);
      await fanout.close();
      await store.close();
    },
  };
}

export function createMemoryRelay(config = DEFAULT_RELAY_CONFIG, now: () => number = Date.now): RelaySetup {
  const store = new MemoryRoomStore(config);
  const limiters: MemoryRateLimiter[] = [];
  const limiter = (_name: string, rule: RateLimit) => {
    const created = new MemoryRateLimiter(rule, now);
    limiters.push(created);
    return created;
  };
  return assemble(store, config, limiter, now, () => {
    store.sweep(now());
    limiters.forEach((each) => each.sweep());
  });
}

export async function createRedisRelay(
  url: string,
  config = DEFAULT_RELAY_CONFIG,
  now: () => number = Date.now,
): Promise<RelaySetup> {
  // Loaded only when REDIS_URL is set: the embedded default never opens a socket.
  const { RedisRoomStore } = await import('./redis-room-store');
  const store = await RedisRoomStore.connect(url, config, (error) =>
    console.error(`room relay: Redis connection problem (${error.message}); retrying`),
  );
  return assemble(
    store,
    config,
    (name, rule) => store.rateLimiter(name, rule),
    now,
    () => undefined,
  );
}

const GLOBAL_KEY = Symbol.for('backdoor-lab.room-relay');
type WithRelay = typeof globalThis & { [GLOBAL_KEY]?: Promise<RelaySetup> };

/** This process's relay: Redis when REDIS_URL is set, else in memory. */
export function roomRelay(): Promise<RoomRelay> {
  const holder = globalThis as WithRelay;
  if (!holder[GLOBAL_KEY]) {
    const config = configFromEnv(process.env);
    const url = process.env['REDIS_URL'];
    const setup = url ? createRedisRelay(url, config) : Promise.resolve(createMemoryRelay(config));
    // A failed first connection is not cached: the next request tries again.
    holder[GLOBAL_KEY] = setup.catch((error: unknown) => {
      delete holder[GLOBAL_KEY];
      throw error;
    });
  }
  return holder[GLOBAL_KEY].then((setup) => setup.relay);
}
