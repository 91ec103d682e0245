import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { startRedisTestServer, type RedisTestServer } from '../../scripts/redis-test-server';
import { bytesToHex } from '../crypto/bytes';
import { csprng } from '../crypto/random';
import { RoomError } from './room-error';
import { RoomEventReader } from './room-event-reader';
import type { RoomLogEntry, SealedMessage } from './room-protocol';
import {
  createMemoryRelay,
  createRedisRelay,
  DEFAULT_RELAY_CONFIG,
  type RelayConfig,
  type RelaySetup,
} from './relay-setup';

let redis: RedisTestServer;
beforeAll(async () => {
  redis = await startRedisTestServer({ appendOnly: true });
});
afterAll(async () => {
  await redis?.stop();
});

/** Rate-limit counters live in Redis too: every test starts from an empty one. */
beforeEach(() => {
  spawnSync('redis-cli', ['-p', String(redis.port), 'flushall']);
});

const opened: Array<{ close(): Promise<void> }> = [];
const controllers: AbortController[] = [];
afterEach(async () => {
  controllers.splice(0).forEach((controller) => controller.abort());
  await Promise.all(opened.splice(0).map((setup) => setup.close()));
});

const clock = { now: Date.now() };
const now = () => clock.now;

async function relayOf(kind: 'memory' | 'redis', overrides: Partial<RelayConfig> = {}): Promise<RelaySetup> {
  const config = { ...DEFAULT_RELAY_CONFIG, ...overrides };
  const setup = kind === 'memory' ? createMemoryRelay(config, now) : await createRedisRelay(redis.url, config, now);
  opened.push(setup);
  return setup;
}

const publicKey = () => bytesToHex(csprng().bytes(32));
const sealed = (memberId: string, to: 'room' | string = 'room'): SealedMessage => ({
  to,
  header: bytesToHex(csprng().bytes(24)),
  ciphertext: bytesToHex(csprng().bytes(64)),
  recipients: [{ member: memberId, wrappedKey: bytesToHex(csprng().bytes(48)) }],
});

async function listen(setup: RelaySetup, code: string, token: string, after = 0): Promise<RoomEventReader> {
  const controller = new AbortController();
  controllers.push(controller);
  return new RoomEventReader(await setup.relay.openEvents(code, token, after, controller.signal));
}

/**
 * Opens a stream as a phone does while the relay's Redis connection is coming back: a 503 is
 * retried (room-event-stream.ts backs off and reopens), anything else fails the test.
 */
async function listenOnceAvailable(setup: RelaySetup, code: string, token: string, after: number) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await listen(setup, code, token, after);
    } catch (error) {
      if (!(error instanceof RoomError) || error.status !== 503 || attempt === 250) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

const ids = (entries: readonly RoomLogEntry[]) => entries.map((entry) => entry.id);
const messageIds = (entries: readonly RoomLogEntry[]) =>
  entries.flatMap((entry) => (entry.event.type === 'message' ? [entry.event.messageId] : []));

async function refused(work: Promise<unknown>): Promise<RoomError> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RoomError);
  return error as RoomError;
}

describe.each(['memory', 'redis'] as const)('the relay (%s)', (kind) => {
  it('relays sealed messages to every member in id order, and replays the log to a new connection', async () => {
    const setup = await relayOf(kind);
    const { code, presenterToken } = await setup.relay.createRoom({}, '10.0.0.1');
    const alice = await setup.relay.join(code, { name: ' Alice ', publicKey: publicKey() }, '10.0.0.2');
    const bob = await setup.relay.join(code, { name: 'Bob', publicKey: publicKey() }, '10.0.0.3');
    expect(alice.member.name).toBe('Alice');
    const presenter = await listen(setup, code, presenterToken);
    const bobReader = await listen(setup, code, bob.deviceToken);
    const message = sealed(bob.member.id, bob.member.id);
    const sent = await setup.relay.send(code, alice.deviceToken, message);
    await setup.relay.control(code, presenterToken, { action: 'set-free-text', on: true });
    for (const reader of [presenter, bobReader]) {
      await reader.waitFor((entries) => entries.length === 4, 'four events');
      expect(ids(reader.entries)).toEqual([1, 2, 3, 4]);
      expect(reader.entries.map((entry) => entry.event.type)).toEqual([
        'member-joined',
        'member-joined',
        'message',
        'free-text',
      ]);
      expect(reader.entries[2]!.event).toEqual({
        type: 'message',
        messageId: sent.messageId,
        from: alice.member.id,
        sentAt: clock.now,
        message,
      });
    }
    expect(sent.eventId).toBe(3);
  });

  it('resumes after Last-Event-ID with nothing lost and nothing twice', async () => {
    const setup = await relayOf(kind);
    const { code } = await setup.relay.createRoom({}, '10.0.0.1');
    const alice = await setup.relay.join(code, { name: 'Alice', publicKey: publicKey() }, '10.0.0.2');
    const first = await listen(setup, code, alice.deviceToken);
    await setup.relay.send(code, alice.deviceToken, sealed(alice.member.id));
    await first.waitFor((entries) => entries.length === 2, 'the first message');
    await first.cancel(); // the phone loses its connection
    const sentWhileAway = [];
    for (let i = 0; i < 3; i++)
      sentWhileAway.push((await setup.relay.send(code, alice.deviceToken, sealed(alice.member.id))).messageId);
    const resumed = await listen(setup, code, alice.deviceToken, first.entries.at(-1)!.id);
    const live = (await setup.relay.send(code, alice.deviceToken, sealed(alice.member.id))).messageId;
    await resumed.waitFor((entries) => entries.length === 4, 'the missed and the live messages');
    expect(ids(resumed.entries)).toEqual([3, 4, 5, 6]);
    expect(messageIds(resumed.entries)).toEqual([...sentWhileAway, live]);
  });

  it('applies presenter controls only with the presenter token', async () => {
    const setup = await relayOf(kind);
    const { code, presenterToken } = await setup.relay.createRoom({}, '10.0.0.1');
    const alice = await setup.relay.join(code, { name: 'Alice', publicKey: publicKey() }, '10.0.0.2');
    expect((await refused(setup.relay.control(code, alice.deviceToken, { action: 'close' }))).status).toBe(401);
    expect((await refused(setup.relay.control(code, null, { action: 'close' }))).status).toBe(401);
    const escrowKey = publicKey();
    await setup.relay.control(code, presenterToken, { action: 'escrow-on', publicKey: escrowKey });
    await setup.relay.control(code, presenterToken, { action: 'presenter-step', lesson: 'keys', step: 'step-2' });
    const room = await setup.store.getRoom(code);
    expect(room).toMatchObject({ escrowPublicKey: escrowKey, presenterStep: { lesson: 'keys', step: 'step-2' } });
    const bad = await refused(setup.relay.control(code, presenterToken, { action: 'escrow-on', publicKey: 'KEY' }));
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/"publicKey" must be 32 bytes of lowercase hex/);
  });

  it('removes a member: their stream ends and their token stops working; others carry on', async () => {
    const setup = await relayOf(kind);
    const { code, presenterToken } = await setup.relay.createRoom({}, '10.0.0.1');
    const alice = await setup.relay.join(code, { name: 'Alice', publicKey: publicKey() }, '10.0.0.2');
    const mallory = await setup.relay.join(code, { name: 'Mallory', publicKey: publicKey() }, '10.0.0.3');
    const malloryReader = await listen(setup, code, mallory.deviceToken);
    await malloryReader.waitFor((entries) => entries.length === 2, 'both joins');
    await setup.relay.control(code, presenterToken, { action: 'remove-member', memberId: mallory.member.id });
    await malloryReader.closed();
    expect(malloryReader.entries.at(-1)!.event).toEqual({ type: 'member-removed', memberId: mallory.member.id });
    expect((await refused(setup.relay.send(code, mallory.deviceToken, sealed(alice.member.id)))).status).toBe(401);
    expect(
      (await refused(setup.relay.openEvents(code, mallory.deviceToken, 0, new AbortController().signal))).status,
    ).toBe(401);
    await setup.relay.send(code, alice.deviceToken, sealed(alice.member.id));
  });

  it('closes a room: members hear room-closed, their streams end, then everything answers 410', async () => {
    const setup = await relayOf(kind);
    const { code, presenterToken } = await setup.relay.createRoom({}, '10.0.0.1');
    const alice = await setup.relay.join(code, { name: 'Alice', publicKey: publicKey() }, '10.0.0.2');
    const reader = await listen(setup, code, alice.deviceToken);
    await setup.relay.control(code, presenterToken, { action: 'close' });
    await reader.closed();
    expect(reader.entries.at(-1)!.event).toEqual({ type: 'room-closed', reason: 'closed' });
    const again = await refused(setup.relay.send(code, alice.deviceToken, sealed(alice.member.id)));
    expect([again.status, again.code]).toEqual([410, 'room-closed']);
    expect((await refused(setup.relay.join(code, { name: 'Late', publicKey: publicKey() }, '10.0.0.4'))).status).toBe(
      410,
    );
  });

  it('expires a room after inactivity: listeners hear room-closed (expired) from the sweep, then 410', async () => {
    const setup = await relayOf(kind, { inactivityMs: 60_000 });
    const { code } = await setup.relay.createRoom({}, '10.0.0.1');
    const alice = await setup.relay.join(code, { name: 'Alice', publicKey: publicKey() }, '10.0.0.2');
    const reader = await listen(setup, code, alice.deviceToken);
    await reader.waitFor((entries) => entries.length === 1, 'the join');
    clock.now += 61_000;
    try {
      await setup.relay.sweepExpired();
      await reader.closed();
      expect(reader.entries.at(-1)!.event).toEqual({ type: 'room-closed', reason: 'expired' });
      const error = await refused(setup.relay.send(code, alice.deviceToken, sealed(alice.member.id)));
      expect([error.status, error.message]).toEqual([410, 'This room expired after a long time without activity.']);
    } finally {
      clock.now = Date.now();
    }
  });

  it('refuses members beyond the cap with 409, and unknown codes with 404', async () => {
    const setup = await relayOf(kind, { memberCap: 2 });
    const { code } = await setup.relay.createRoom({}, '10.0.0.1');
    await setup.relay.join(code, { name: 'A', publicKey: publicKey() }, '10.0.0.2');
    await setup.relay.join(code, { name: 'B', publicKey: publicKey() }, '10.0.0.2');
    const full = await refused(setup.relay.join(code, { name: 'C', publicKey: publicKey() }, '10.0.0.2'));
    expect([full.status, full.code]).toEqual([409, 'room-full']);
    const missing = await refused(setup.relay.join('ZZZZZZ', { name: 'C', publicKey: publicKey() }, '10.0.0.2'));
    expect(missing.status).toBe(404);
  });

  it('limits join attempts with unknown codes per address, so codes cannot be walked', async () => {
    const setup = await relayOf(kind);
    const body = { name: 'Walker', publicKey: publicKey() };
    const walker = `10.9.${kind === 'memory' ? 1 : 2}.${Math.floor(Math.random() * 250)}`;
    const statuses = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await refused(setup.relay.join('WXYZ2' + 'ABCDEFGHJKMN'[i]!, body, walker))).status);
    expect(statuses).toEqual([...Array(10).fill(404), 429, 429]);
    // The walker is stopped even at a real room; everyone else still gets in.
    const { code } = await setup.relay.createRoom({}, '10.0.0.1');
    const stopped = await refused(setup.relay.join(code, body, walker));
    expect([stopped.status, stopped.retryAfterSeconds! > 0]).toEqual([429, true]);
    await setup.relay.join(code, body, '10.0.0.5');
  });

  it('limits each device to its send rate; other devices are not affected', async () => {
    const setup = await relayOf(kind, {
      rates: { ...DEFAULT_RELAY_CONFIG.rates, sendPerDevice: { limit: 3, windowMs: 10_000 } },
    });
    const { code } = await setup.relay.createRoom({}, '10.0.0.1');
    const flooder = await setup.relay.join(code, { name: 'Flood', publicKey: publicKey() }, '10.0.0.2');
    const calm = await setup.relay.join(code, { name: 'Calm', publicKey: publicKey() }, '10.0.0.3');
    for (let i = 0; i < 3; i++) await setup.relay.send(code, flooder.deviceToken, sealed(calm.member.id));
    const flood = await refused(setup.relay.send(code, flooder.deviceToken, sealed(calm.member.id)));
    expect([flood.status, flood.code]).toEqual([429, 'rate-limited']);
    await setup.relay.send(code, calm.deviceToken, sealed(flooder.member.id));
  });
});

describe('two relay instances on one Redis', () => {
  it('deliver to each other’s clients', async () => {
    const [one, two] = [await relayOf('redis'), await relayOf('redis')];
    const { code, presenterToken } = await one.relay.createRoom({}, '10.0.0.1');
    const alice = await one.relay.join(code, { name: 'Alice', publicKey: publicKey() }, '10.0.0.2');
    const bob = await two.relay.join(code, { name: 'Bob', publicKey: publicKey() }, '10.0.0.3');
    const onOne = await listen(one, code, alice.deviceToken);
    const onTwo = await listen(two, code, presenterToken);
    const fromOne = await one.relay.send(code, alice.deviceToken, sealed(bob.member.id));
    const fromTwo = await two.relay.send(code, bob.deviceToken, sealed(alice.member.id));
    for (const reader of [onOne, onTwo]) {
      await reader.waitFor((entries) => entries.length === 4, 'both joins and both messages');
      expect(ids(reader.entries)).toEqual([1, 2, 3, 4]);
      expect(messageIds(reader.entries)).toEqual([fromOne.messageId, fromTwo.messageId]);
    }
  });

  it('survive a Redis restart: a connected client and a resuming client miss nothing acknowledged', async () => {
    const [one, two] = [await relayOf('redis'), await relayOf('redis')];
    const { code } = await one.relay.createRoom({}, '10.0.0.1');
    const alice = await one.relay.join(code, { name: 'Alice', publicKey: publicKey() }, '10.0.0.2');
    const bob = await two.relay.join(code, { name: 'Bob', publicKey: publicKey() }, '10.0.0.3');
    const staying = await listen(one, code, alice.deviceToken);
    const leaving = await listen(one, code, bob.deviceToken);
    const acknowledged = [(await two.relay.send(code, bob.deviceToken, sealed(alice.member.id))).messageId];
    await leaving.waitFor((entries) => entries.length === 3, 'the first message');
    await leaving.cancel();
    await redis.restart();
    // Send through instance two as soon as Redis takes commands again; instance one's subscriber may
    // still be reconnecting, so these reach it only by catching up from the log.
    for (let sent = 0; sent < 5;) {
      try {
        acknowledged.push((await two.relay.send(code, bob.deviceToken, sealed(alice.member.id))).messageId);
        sent++;
      } catch (error) {
        expect((error as RoomError).status).toBe(503);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    await staying.waitFor((entries) => messageIds(entries).length === 6, 'every acknowledged message', 10_000);
    expect(messageIds(staying.entries)).toEqual(acknowledged);
    expect(ids(staying.entries)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Instance one's command connection may still be reconnecting: the phone retries a 503.
    const resumed = await listenOnceAvailable(one, code, bob.deviceToken, leaving.entries.at(-1)!.id);
    await resumed.waitFor((entries) => entries.length === 5, 'the five messages sent since');
    expect(messageIds(resumed.entries)).toEqual(acknowledged.slice(1));
  });

  it('resubscribe when the subscriber connection is cut', async () => {
    const [one, two] = [await relayOf('redis'), await relayOf('redis')];
    const { code } = await one.relay.createRoom({}, '10.0.0.1');
    const alice = await one.relay.join(code, { name: 'Alice', publicKey: publicKey() }, '10.0.0.2');
    const reader = await listen(one, code, alice.deviceToken);
    await reader.waitFor((entries) => entries.length === 1, 'the join');
    // Cut every subscriber connection: node-redis reconnects and resubscribes; anything published in
    // between is read back from the log (that path is pinned down in room-fanout.test.ts).
    spawnSync('redis-cli', ['-p', String(redis.port), 'client', 'kill', 'type', 'pubsub']);
    const sent = [];
    for (let i = 0; i < 5; i++)
      sent.push((await two.relay.send(code, alice.deviceToken, sealed(alice.member.id))).messageId);
    await reader.waitFor((entries) => entries.length === 6, 'the five messages', 5_000);
    expect(messageIds(reader.entries)).toEqual(sent);
    expect(ids(reader.entries)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
