import { afterEach, describe, expect, it } from 'vitest';
import { MemoryRoomStore } from './memory-room-store';
import { RoomEventReader } from './room-event-reader';
import { RoomFanout } from './room-fanout';
import type { RoomEvent } from './room-protocol';
import { frameId, type RoomStore } from './room-store';
import { DEFAULT_RELAY_CONFIG } from './relay-setup';

/** A memory store whose live feed drops the frames whose ids are listed: what pub/sub does during a reconnection. */
class LossyStore extends MemoryRoomStore {
  readonly dropped = new Set<number>();
  readonly restored: Array<() => void> = [];
  override async subscribe(code: string, onFrame: (frame: string) => void): Promise<void> {
    await super.subscribe(code, (frame) => !this.dropped.has(frameId(frame)) && onFrame(frame));
  }
  override onFeedRestored(callback: () => void): void {
    this.restored.push(callback);
  }
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function roomWithListener(store: LossyStore, options = DEFAULT_RELAY_CONFIG) {
  const fanout = new RoomFanout(store as RoomStore, options);
  closers.push(() => fanout.close());
  await store.createRoom({
    code: 'ABCDEF',
    createdAt: 0,
    lastActiveAt: 0,
    presenterTokenHash: '00',
    freeText: false,
    escrowPublicKey: null,
    presenterStep: null,
    closed: null,
    memberCount: 0,
  });
  const stream = fanout.open('ABCDEF', 0, null, new AbortController().signal);
  const reader = new RoomEventReader(stream);
  const append = (event: RoomEvent) =>
    store.apply({ code: 'ABCDEF', change: { kind: 'none' }, eventJson: JSON.stringify(event), now: 1, activeSince: 0 });
  return { reader, append, stream, fanout };
}

const step = (n: number): RoomEvent => ({ type: 'presenter-step', lesson: 'keys', step: `step-${n}` });

describe('RoomFanout', () => {
  it('reads a gap from the log when a later frame arrives, so nothing is lost or reordered', async () => {
    const store = new LossyStore(DEFAULT_RELAY_CONFIG);
    const { reader, append } = await roomWithListener(store);
    await append(step(1));
    await reader.waitFor((entries) => entries.length === 1, 'the first event');
    store.dropped.add(2).add(3);
    for (let n = 2; n <= 4; n++) await append(step(n));
    await reader.waitFor((entries) => entries.length === 4, 'four events');
    expect(reader.entries.map((entry) => entry.id)).toEqual([1, 2, 3, 4]);
  });

  it('catches up from the log when the feed comes back, even with no later frame', async () => {
    const store = new LossyStore(DEFAULT_RELAY_CONFIG);
    const { reader, append } = await roomWithListener(store);
    await append(step(1));
    await reader.waitFor((entries) => entries.length === 1, 'the first event');
    store.dropped.add(2).add(3);
    await append(step(2));
    await append(step(3));
    store.restored.forEach((callback) => callback());
    await reader.waitFor((entries) => entries.length === 3, 'the two dropped events');
    expect(reader.entries.map((entry) => entry.id)).toEqual([1, 2, 3]);
  });

  it('sends a heartbeat comment to every stream', async () => {
    const store = new LossyStore(DEFAULT_RELAY_CONFIG);
    const { stream } = await roomWithListener(store, { ...DEFAULT_RELAY_CONFIG, heartbeatMs: 20 }).then(
      async (room) => {
        await room.reader.cancel();
        return { stream: room.fanout.open('ABCDEF', 0, null, new AbortController().signal) };
      },
    );
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': heartbeat\n\n')) text += decoder.decode((await reader.read()).value);
    expect(text.startsWith('retry: 2000\n\n')).toBe(true);
    await reader.cancel();
  });

  it('cleans up once whether the request aborts or the stream is cancelled', async () => {
    const store = new LossyStore(DEFAULT_RELAY_CONFIG);
    const { reader, fanout } = await roomWithListener(store);
    const controller = new AbortController();
    const second = new RoomEventReader(fanout.open('ABCDEF', 0, null, controller.signal));
    expect(fanout.connectionCount).toBe(2);
    controller.abort();
    await second.closed();
    await second.cancel();
    expect(fanout.connectionCount).toBe(1);
    await reader.cancel();
    expect(fanout.connectionCount).toBe(0);
  });
});

describe('RoomFanout when the store cannot subscribe', () => {
  it('ends the stream and subscribes afresh on the next connection', async () => {
    const store = new LossyStore(DEFAULT_RELAY_CONFIG);
    let refuse = true;
    const subscribe = store.subscribe.bind(store);
    store.subscribe = async (code, onFrame) => {
      if (refuse) throw new Error('Redis is down');
      return subscribe(code, onFrame);
    };
    const fanout = new RoomFanout(store as RoomStore, DEFAULT_RELAY_CONFIG);
    closers.push(() => fanout.close());
    const failed = new RoomEventReader(fanout.open('ABCDEF', 0, null, new AbortController().signal));
    await failed.closed();
    refuse = false;
    const { append } = await roomWithListener(store);
    const retried = new RoomEventReader(fanout.open('ABCDEF', 0, null, new AbortController().signal));
    await append(step(1));
    await retried.waitFor((entries) => entries.length === 1, 'the event after the retry');
  });
});

describe('RoomFanout backpressure', () => {
  it('replays a backlog longer than the slow-client limit, then cuts a client that stops reading', async () => {
    const store = new LossyStore(DEFAULT_RELAY_CONFIG);
    const options = { ...DEFAULT_RELAY_CONFIG, maxQueuedChunks: 5 };
    const { append, fanout } = await roomWithListener(store, options);
    for (let n = 1; n <= 20; n++) await append(step(n));
    const replayed = new RoomEventReader(fanout.open('ABCDEF', 0, null, new AbortController().signal));
    await replayed.waitFor((entries) => entries.length === 20, 'the whole backlog');
    const stalled = fanout.open('ABCDEF', 20, null, new AbortController().signal); // never read
    for (let n = 21; n <= 40; n++) await append(step(n));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reader = stalled.getReader();
    let chunks = 0;
    while (!(await reader.read()).done) chunks++;
    expect(chunks).toBeLessThan(20); // cut off, not fed for ever
    await replayed.waitFor((entries) => entries.length === 40, 'a reading client keeps everything');
  });
});
