/**
 * Rooms in Redis (REDIS_URL), so several app instances serve one room: state and the event log
 * live in Redis with an expiry, each change is one atomic script (redis-room-scripts.ts) that also
 * PUBLISHes the event's frame, and each instance's single subscriber connection fans it out to its
 * own clients. Pub/sub drops what is published while a subscriber reconnects
 * (shared/research/platform-pitfalls.md §8), so `onFeedRestored` tells the relay to catch up from
 * the log; node-redis resubscribes by itself.
 *
 * Every client has an 'error' listener (node-redis crashes the process without one) and
 * `disableOfflineQueue`, so commands fail at once while Redis is down (503) instead of hanging.
 * @module
 */
import { createClient, type RedisClientType } from '@redis/client';
import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '../crypto/bytes';
import { APPLY_LUA, CREATE_ROOM_LUA, RATE_PEEK_LUA, RATE_TAKE_LUA } from './redis-room-scripts';
import type { RateLimit, RateLimiter } from './rate-limiter';
import { RoomError } from './room-error';
import type { ApplyInput, ApplyResult, LogFrame, RoomStore, StoreLimits, StoredMember, StoredRoom } from './room-store';
import { frameId } from './room-store';

const keysOf = (code: string) => [`room:${code}`, `room:${code}:members`, `room:${code}:tokens`, `room:${code}:log`];
const channelOf = (code: string) => `room:${code}:live`;

function connectClient(url: string, onError: (error: Error) => void): RedisClientType {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 1000) },
  }) as RedisClientType;
  client.on('error', onError);
  return client;
}

/** Any Redis failure becomes a 503 the client may retry; the message names no internals. */
async function orUnavailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RoomError) throw error;
    throw new RoomError('unavailable', 'The room service is briefly unavailable; try again in a moment.', 1);
  }
}

export class RedisRoomStore implements RoomStore {
  readonly #feeds = new Map<string, (frame: string) => void>();
  readonly #restoredCallbacks: Array<() => void> = [];
  #subscriberReadyBefore = false;

  private constructor(
    private readonly client: RedisClientType,
    private readonly subscriber: RedisClientType,
    private readonly limits: StoreLimits,
  ) {
    subscriber.on('ready', () => {
      // The first 'ready' is the initial connection; every later one follows a reconnection.
      if (this.#subscriberReadyBefore) for (const callback of this.#restoredCallbacks) callback();
      this.#subscriberReadyBefore = true;
    });
  }

  static async connect(url: string, limits: StoreLimits, onError: (error: Error) => void): Promise<RedisRoomStore> {
    const client = connectClient(url, onError);
    const subscriber = connectClient(url, onError);
    const store = new RedisRoomStore(client, subscriber, limits);
    await Promise.all([client.connect(), subscriber.connect()]);
    return store;
  }

  /** A limiter whose counts live in this Redis, shared by every instance. */
  rateLimiter(name: string, rule: RateLimit): RateLimiter {
    return {
      take: (key) =>
        orUnavailable(async () => {
          const [count, ttl] = (await this.#script(
            RATE_TAKE_LUA,
            [`rate:${name}:${key}`],
            [String(rule.windowMs)],
          )) as [number, number];
          return count <= rule.limit ? 0 : Math.max(1, Math.ceil(ttl / 1000));
        }),
      peek: (key) =>
        orUnavailable(
          async () => (await this.#script(RATE_PEEK_LUA, [`rate:${name}:${key}`], [String(rule.limit)])) as number,
        ),
    };
  }

  async createRoom(room: StoredRoom): Promise<boolean> {
    const ttl = this.limits.inactivityMs + this.limits.closedRetentionMs;
    const args = [room.code, String(room.createdAt), room.presenterTokenHash, String(ttl)];
    return orUnavailable(async () => (await this.#script(CREATE_ROOM_LUA, keysOf(room.code), args)) === 1);
  }

  async getRoom(code: string): Promise<StoredRoom | null> {
    const fields = await orUnavailable(() => this.client.hGetAll(`room:${code}`));
    if (!fields['code']) return null;
    return {
      code,
      createdAt: Number(fields['createdAt']),
      lastActiveAt: Number(fields['lastActiveAt']),
      presenterTokenHash: fields['presenterTokenHash'] ?? '',
      freeText: fields['freeText'] === '1',
      escrowPublicKey: fields['escrowPublicKey'] || null,
      presenterStep: fields['presenterStep'] ? JSON.parse(fields['presenterStep']) : null,
      closed: fields['closed'] === 'closed' || fields['closed'] === 'expired' ? fields['closed'] : null,
      memberCount: Number(fields['memberCount']),
    };
  }

  async memberByTokenHash(code: string, tokenHash: string): Promise<StoredMember | null> {
    return orUnavailable(async () => {
      const id = await this.client.hGet(`room:${code}:tokens`, tokenHash);
      const json = id ? await this.client.hGet(`room:${code}:members`, id) : null;
      return json ? (JSON.parse(json) as StoredMember) : null;
    });
  }

  async hasMember(code: string, memberId: string): Promise<boolean> {
    return orUnavailable(async () => (await this.client.hExists(`room:${code}:members`, memberId)) === 1);
  }

  async apply({ code, change, eventJson, now, activeSince }: ApplyInput): Promise<ApplyResult> {
    const { logMaxEvents, logMaxBytes, inactivityMs, closedRetentionMs } = this.limits;
    const args = [
      change.kind,
      eventJson,
      String(now),
      String(activeSince),
      String(logMaxEvents),
      String(logMaxBytes),
      String(inactivityMs + closedRetentionMs),
      String(closedRetentionMs),
      channelOf(code),
    ];
    switch (change.kind) {
      case 'add-member':
        args.push(change.member.member.id, JSON.stringify(change.member), change.member.tokenHash, String(change.cap));
        break;
      case 'remove-member':
        args.push(change.memberId);
        break;
      case 'settings':
        if (change.freeText !== undefined) args.push('freeText', change.freeText ? '1' : '0');
        if (change.escrowPublicKey !== undefined) args.push('escrowPublicKey', change.escrowPublicKey ?? '');
        break;
      case 'presenter-step':
        args.push('presenterStep', JSON.stringify({ lesson: change.lesson, step: change.step }));
        break;
      case 'close':
        args.push('closed', change.reason);
        break;
      case 'none':
        break;
    }
    const [ok, value] = (await orUnavailable(() => this.#script(APPLY_LUA, keysOf(code), args))) as [number, unknown];
    return ok === 1 ? { ok: true, eventId: Number(value) } : { ok: false, reason: value as 'not-found' };
  }

  async lastEventId(code: string): Promise<number> {
    return Number((await orUnavailable(() => this.client.hGet(`room:${code}`, 'lastId'))) ?? 0);
  }

  async readLog(code: string, afterId: number): Promise<LogFrame[]> {
    const frames = await orUnavailable(() =>
      this.client.sendCommand<string[]>(['ZRANGE', `room:${code}:log`, `(${afterId}`, '+inf', 'BYSCORE']),
    );
    return frames.map((frame) => ({ id: frameId(frame), frame }));
  }

  async subscribe(code: string, onFrame: (frame: string) => void): Promise<void> {
    this.#feeds.set(code, onFrame);
    await orUnavailable(() => this.subscriber.subscribe(channelOf(code), (frame) => this.#feeds.get(code)?.(frame)));
  }

  async unsubscribe(code: string): Promise<void> {
    this.#feeds.delete(code);
    await this.subscriber.unsubscribe(channelOf(code)).catch(() => undefined);
  }

  onFeedRestored(callback: () => void): void {
    this.#restoredCallbacks.push(callback);
  }

  /** Every key and its value, as text: for the test that searches Redis for plaintexts. */
  async dumpForTests(): Promise<string> {
    const out: string[] = [];
    for (const key of await this.client.keys('*')) {
      const type = await this.client.type(key);
      const value =
        type === 'hash'
          ? await this.client.hGetAll(key)
          : type === 'zset'
            ? await this.client.sendCommand(['ZRANGE', key, '0', '-1'])
            : await this.client.sendCommand(['GET', key]);
      out.push(`${key} ${JSON.stringify(value)}`);
    }
    return out.join('\n');
  }

  async close(): Promise<void> {
    this.#feeds.clear();
    await Promise.allSettled([this.client.close(), this.subscriber.close()]);
  }

  /** EVALSHA, falling back to EVAL when Redis does not know the script (after a restart, say). */
  async #script(script: string, keys: string[], args: string[]): Promise<unknown> {
    const sha = scriptSha(script);
    try {
      return await this.client.evalSha(sha, { keys, arguments: args });
    } catch (error) {
      if (!String((error as Error)?.message).startsWith('NOSCRIPT')) throw error;
      return this.client.eval(script, { keys, arguments: args });
    }
  }
}

/** Redis names a script by its SHA-1 (the EVALSHA key); not a security use. */
const shas = new Map<string, string>();
function scriptSha(script: string): string {
  let sha = shas.get(script);
  if (!sha) shas.set(script, (sha = bytesToHex(sha1(utf8ToBytes(script)))));
  return sha;
}
