import { afterEach, describe, expect, it } from 'vitest';
import type { RoomLogEntry } from '@/lib/room/room-protocol';
import { eventually, FakeRoomRelay } from './fake-room-relay.test-helper';
import { joinRoom, roomEventsPath, sendRoomControl } from './room-client';
import { backoffDelayMs, connectRoomStream, type RoomStreamStatus } from './room-event-stream';

const closers: { close(): void }[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c.close();
});

const KEY = 'ab'.repeat(32);

function watch(relay: FakeRoomRelay, token: string) {
  const entries: RoomLogEntry[] = [];
  const statuses: RoomStreamStatus[] = [];
  const sleeps: number[] = [];
  const stream = connectRoomStream({
    path: roomEventsPath(relay.code, token),
    fetch: relay.fetch,
    onEntry: (e) => entries.push(e),
    onStatus: (s) => statuses.push(s),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0,
  });
  closers.push(stream);
  return { entries, statuses, sleeps };
}

describe('connectRoomStream', () => {
  it('resumes from the last id after a dropped stream: nothing lost, nothing twice', async () => {
    const relay = new FakeRoomRelay();
    await joinRoom(relay.code, 'Ada', KEY, relay.fetch);
    const w = watch(relay, relay.presenterToken);
    await eventually(() => expect(w.entries).toHaveLength(1));
    relay.dropStreams();
    await sendRoomControl(relay.code, relay.presenterToken, { action: 'set-free-text', on: true }, relay.fetch);
    await eventually(() => expect(w.entries.map((e) => e.id)).toEqual([1, 2]));
    expect(relay.streamRequests).toEqual([null, '1']);
  });

  it('backs off after 503 and 429, then reconnects; stops with a reason on 401 and 410', async () => {
    const relay = new FakeRoomRelay();
    relay.failNextStreams = [503, 429];
    const w = watch(relay, relay.presenterToken);
    await eventually(() => expect(w.statuses.at(-1)).toEqual({ kind: 'open' }));
    expect(w.sleeps).toEqual([250, 500]);
    expect(
      w.statuses.filter((s) => s.kind === 'retrying').map((s) => s.kind === 'retrying' && s.error?.status),
    ).toEqual([503, 429]);

    const intruder = watch(relay, 'not-a-token');
    await eventually(() => expect(intruder.statuses.at(-1)?.kind).toBe('stopped'));

    await sendRoomControl(relay.code, relay.presenterToken, { action: 'close' }, relay.fetch);
    await eventually(() => expect(w.statuses.at(-1)?.kind).toBe('stopped'));
    const last = w.statuses.at(-1);
    expect(last?.kind === 'stopped' && last.error.userMessage).toMatch(/This room has closed/);
    expect(w.entries.at(-1)?.event).toEqual({ type: 'room-closed', reason: 'closed' });
  });

  it('grows the delay to a cap and honours Retry-After', () => {
    expect([1, 2, 3, 10].map((n) => backoffDelayMs(n, 1))).toEqual([500, 1000, 2000, 15_000]);
    expect(backoffDelayMs(1, 0.5, 3)).toBe(3000);
  });
});
