import { beforeAll, describe, expect, it } from 'vitest';
import { captureFor, lootFor } from './capability';
import { decryptCapture } from './decrypt-capture';
import { computeExposure } from './blast-radius';
import { MINUTES_PER_DAY } from './sim-time';
import { generateWorld, type World } from './world';

describe('computeExposure', () => {
  let world: World;
  beforeAll(async () => {
    world = await generateWorld({ seed: 'blast', people: 5, conversations: 6, messages: 100, mode: 'static' });
  });

  it('counts per user, conversation, day and before/after from the decryption outcomes', async () => {
    const victim = 'carol';
    const at = Math.floor(world.endsAt / 2);
    const capabilities = [{ kind: 'tap-wire' }, { kind: 'steal-device', participant: victim, at }] as const;
    const capture = captureFor(world, capabilities);
    const report = decryptCapture(capture, (await lootFor(world, capabilities)).loot);
    const exposure = computeExposure(capture, report.outcomes, { splitAt: at, bucketMinutes: MINUTES_PER_DAY });
    const opened = new Set(report.outcomes.filter((o) => o.kind === 'opened').map((o) => o.seq));
    const sched = world.schedule;
    expect(exposure.totals).toMatchObject({
      total: sched.length,
      opened: opened.size,
      noKey: sched.length - opened.size,
    });
    for (const p of world.participants) {
      const mine = sched.filter((m) => m.sender === p.id || m.recipient === p.id);
      expect(exposure.perUser[p.id]).toMatchObject({
        total: mine.length,
        opened: mine.filter((m) => opened.has(m.index)).length,
      });
    }
    expect(exposure.perUser[victim]!.opened).toBe(exposure.perUser[victim]!.total);
    for (const c of world.conversations) {
      const msgs = sched.filter((m) => m.conversationId === c.id);
      expect(exposure.perConversation[c.id]).toMatchObject({
        total: msgs.length,
        opened: msgs.filter((m) => opened.has(m.index)).length,
      });
    }
    expect(exposure.exposedConversations).toEqual(
      world.conversations
        .filter((c) => c.initiator === victim || c.responder === victim)
        .map((c) => c.id)
        .sort(),
    );
    expect(exposure.perBucket.reduce((n, b) => n + b.total, 0)).toBe(sched.length);
    for (const b of exposure.perBucket)
      expect(b.total).toBe(sched.filter((m) => m.sentAt >= b.from && m.sentAt < b.to).length);
    expect(exposure.split!.before.opened).toBe(sched.filter((m) => m.sentAt <= at && opened.has(m.index)).length);
    expect(exposure.split!.before.opened).toBeGreaterThan(0); // static: the past is exposed too
  });

  it('rejects a bad bucket width', () => {
    expect(() =>
      computeExposure({ records: [], directory: world.directory, sources: [] }, [], { bucketMinutes: 0 }),
    ).toThrow(RangeError);
  });
});
