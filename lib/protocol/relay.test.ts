import { beforeAll, describe, expect, it } from 'vitest';
import { observeWire, relayEnvelope, createRelayLog } from './relay';
import { assertSimTime, formatSimTime, isSimTime } from './sim-time';
import { generateWorld, type World } from './world';

describe('relay wire log and observers', () => {
  let world: World;
  beforeAll(async () => {
    world = await generateWorld({
      seed: 'relay-tests',
      people: 4,
      conversations: 4,
      messages: 40,
      escrow: { variant: 'single' },
    });
  });

  it('the server operator and a backbone tap see the same records: header, ciphertext, escrow blob, nothing else', () => {
    const server = observeWire(world.relay, { kind: 'server-operator' });
    const tap = observeWire(world.relay, { kind: 'on-path' });
    expect(server).toEqual(tap);
    expect(server).toHaveLength(40);
    for (const r of server) {
      expect(Object.keys(r).sort()).toEqual(['at', 'envelope', 'seq']);
      expect(Object.keys(r.envelope).sort()).toEqual(['ciphertext', 'escrow', 'header']);
    }
  });

  it("a tap on one link sees only that participant's envelopes, within its window", () => {
    const who = world.participants[0]!.id;
    const mid = world.schedule[20]!.sentAt;
    const seen = observeWire(world.relay, { kind: 'on-path', link: who }, { from: mid });
    const expected = world.schedule
      .filter((m) => (m.sender === who || m.recipient === who) && m.sentAt >= mid)
      .map((m) => m.index);
    expect(seen.map((r) => r.seq)).toEqual(expected);
  });

  it('the log only grows forward in time', () => {
    const log = createRelayLog();
    relayEnvelope(log, world.relay.records[5]!.envelope);
    expect(() => relayEnvelope(log, world.relay.records[4]!.envelope)).toThrow(/time-ordered/);
    expect(log.records.map((r) => r.seq)).toEqual([0]);
  });
});

describe('simulated time', () => {
  it('formats minutes as day and clock time', () => {
    expect(formatSimTime(0)).toBe('day 1, 00:00');
    expect(formatSimTime(4205)).toBe('day 3, 22:05');
  });
  it('accepts only whole non-negative minutes', () => {
    expect(isSimTime(3)).toBe(true);
    expect(isSimTime(-1)).toBe(false);
    expect(isSimTime(1.5)).toBe(false);
    expect(() => assertSimTime('3', 'theft time')).toThrow(/theft time/);
  });
});
