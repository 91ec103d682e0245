import { beforeAll, describe, expect, it } from 'vitest';
import { createWarrantRoom, executeWarrant, recordedMessages, tryBeyondWarrant, WARRANT_WORLD, type WarrantRoom } from './warrant-room';

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

  it.each(['alice', 'bob', 'carol'])('a warrant for %s opens exactly the covered messages, with their real text', (target) => {
    const msgs = recordedMessages(room);
    const from = msgs[2]!.sentAt;
    const to = msgs[9]!.sentAt;
    const covered = msgs.filter((m) => (m.sender === target || m.recipient === target) && m.sentAt >= from && m.sentAt <= to).map((m) => m.seq);
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
  });
});
