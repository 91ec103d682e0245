import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '@/lib/protocol/world';
import {
  createWarrantRoom,
  executeWarrant,
  openWarrantRoom,
  recordedMessages,
  tryBeyondWarrant,
  WARRANT_WORLD,
  type WarrantRoom,
} from './warrant';

describe('warrant room', () => {
  let room: WarrantRoom;
  beforeAll(async () => {
    room = await createWarrantRoom('warrant-room-test');
  });

  it('records 12 messages among Alice, Bob and Carol within one day', () => {
    const msgs = recordedMessages(room);
    expect(msgs).toHaveLength(WARRANT_WORLD.messages);
    expect(new Set(msgs.flatMap((m) => [m.sender, m.recipient]))).toEqual(new Set(['alice', 'bob', 'carol']));
    expect(msgs.every((m) => m.sentAt < 1440 + 60)).toBe(true);
  });

  it.each(['alice', 'bob', 'carol'])(
    'a warrant for %s opens exactly the covered messages, with their real text',
    (target) => {
      const msgs = recordedMessages(room);
      const from = msgs[2]!.sentAt;
      const to = msgs[9]!.sentAt;
      const covered = msgs
        .filter((m) => (m.sender === target || m.recipient === target) && m.sentAt >= from && m.sentAt <= to)
        .map((m) => m.seq);
      const run = executeWarrant(room, { target, from, to, issuedBy: 'test' });
      expect(run.outcomes.filter((o) => o.kind === 'opened').map((o) => o.seq)).toEqual(covered);
      expect(run.outcomes.filter((o) => o.kind === 'outside-warrant')).toHaveLength(msgs.length - covered.length);
      expect(run.opened).toBe(covered.length);
      expect(run.tried).toBe(covered.length);
      for (const o of run.outcomes) if (o.kind === 'opened') expect(o.plaintext).toBe(room.world.schedule[o.seq]!.text);

      const beyond = tryBeyondWarrant(room, { target, from, to, issuedBy: 'test' });
      expect(beyond.tried).toBe(msgs.length - covered.length);
      expect(beyond.opened).toBe(beyond.tried);
      expect(beyond.outcomes.map((o) => o.seq).some((s) => covered.includes(s))).toBe(false);
    },
  );
});

// Moved from lib/attack-lab/world-host.test.ts (the world worker's warrant request, warrant-run.ts).
describe('the warrant on a world with split keys', () => {
  const small = { seed: 'host-test', people: 3, conversations: 3, messages: 36, durationMinutes: 2 * 1440 };

  it('the warrant opens only its target; the same key opens the rest', async () => {
    const world = await generateWorld({ ...small, escrow: { variant: 'shamir' } });
    const room = await openWarrantRoom(world);
    expect(room.keyHow).toMatch(/recombined from 5 agencies' pieces/);
    const warrant = { target: 'carol', from: 0, to: 2 * 1440, issuedBy: 'Judge' };
    const under = executeWarrant(room, warrant);
    const carol = world.schedule.filter((m) => m.sender === 'carol' || m.recipient === 'carol').length;
    expect(under.opened).toBe(carol);
    expect(under.outcomes.filter((o) => o.kind === 'outside-warrant')).toHaveLength(36 - carol);
    const beyond = tryBeyondWarrant(room, warrant);
    expect(beyond.opened).toBe(36 - carol);
  });

  it('refuses a world without escrow and a target who is not in it', async () => {
    await expect(openWarrantRoom(await generateWorld({ ...small, messages: 4, escrow: null }))).rejects.toThrow(
      /escrow is off/,
    );
    const room = await openWarrantRoom(await generateWorld({ ...small, messages: 4, escrow: { variant: 'single' } }));
    expect(() => executeWarrant(room, { target: 'mallory', from: 0, to: 10, issuedBy: 'Judge' })).toThrow(
      /no participant 'mallory'/,
    );
  });
});
