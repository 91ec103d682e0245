import { beforeAll, describe, expect, it } from 'vitest';
import { runAttack } from './attack';
import { computeExposure } from './blast-radius';
import { MINUTES_PER_DAY } from './sim-time';
import { compareWorlds, type WorldComparison } from './world-comparison';
import { generateWorld, type World } from './world';

describe('computeExposure', () => {
  let world: World;
  beforeAll(async () => {
    world = await generateWorld({ seed: 'blast', people: 5, conversations: 6, messages: 100, mode: 'static' });
  });

  it('counts per user, conversation, day and before/after from the decryption outcomes', async () => {
    const victim = 'carol';
    const at = Math.floor(world.endsAt / 2);
    const { report, capture } = await runAttack(world, [{ kind: 'tap-wire' }, { kind: 'steal-device', participant: victim, at }]);
    const exposure = computeExposure(capture, report.outcomes, { splitAt: at, bucketMinutes: MINUTES_PER_DAY });
    const opened = new Set(report.outcomes.filter((o) => o.kind === 'opened').map((o) => o.seq));
    const sched = world.schedule;
    expect(exposure.totals).toMatchObject({ total: sched.length, opened: opened.size, noKey: sched.length - opened.size });
    for (const p of world.participants) {
      const mine = sched.filter((m) => m.sender === p.id || m.recipient === p.id);
      expect(exposure.perUser[p.id]).toMatchObject({ total: mine.length, opened: mine.filter((m) => opened.has(m.index)).length });
    }
    expect(exposure.perUser[victim]!.opened).toBe(exposure.perUser[victim]!.total);
    for (const c of world.conversations) {
      const msgs = sched.filter((m) => m.conversationId === c.id);
      expect(exposure.perConversation[c.id]).toMatchObject({ total: msgs.length, opened: msgs.filter((m) => opened.has(m.index)).length });
    }
    expect(exposure.exposedConversations).toEqual(world.conversations.filter((c) => c.initiator === victim || c.responder === victim).map((c) => c.id).sort());
    expect(exposure.perBucket.reduce((n, b) => n + b.total, 0)).toBe(sched.length);
    for (const b of exposure.perBucket) expect(b.total).toBe(sched.filter((m) => m.sentAt >= b.from && m.sentAt < b.to).length);
    expect(exposure.split!.before.opened).toBe(sched.filter((m) => m.sentAt <= at && opened.has(m.index)).length);
    expect(exposure.split!.before.opened).toBeGreaterThan(0); // static: the past is exposed too
  });

  it('rejects a bad bucket width', () => {
    expect(() => computeExposure({ records: [], directory: world.directory, sources: [] }, [], { bucketMinutes: 0 })).toThrow(RangeError);
  });
});

describe('compareWorlds', () => {
  let comparison: WorldComparison;
  beforeAll(async () => {
    comparison = await compareWorlds({ seed: 'compare', people: 5, conversations: 6, messages: 90, escrow: { variant: 'xor-2-of-2' } });
  });
  const cell = (scenario: string, world: string) => comparison.rows.find((r) => r.scenario.id === scenario)!.cells.find((c) => c.world === world)!;

  it('runs every standard scenario in the three worlds', () => {
    expect(comparison.rows.map((r) => r.scenario.id)).toEqual(['wire', 'server', 'phone', 'escrow-key', 'pieces-short']);
    for (const row of comparison.rows) expect(row.cells.map((c) => c.world)).toEqual(['static', 'ratchet', 'ratchet-escrow']);
  });

  it('the wire and the server open nothing anywhere; one piece too few opens nothing', () => {
    for (const id of ['wire', 'server', 'pieces-short']) for (const w of ['static', 'ratchet', 'ratchet-escrow']) expect(cell(id, w).counts.opened).toBe(0);
  });

  it('a stolen phone: static exposes the past, the ratchet does not', () => {
    expect(cell('phone', 'static').before!.opened).toBeGreaterThan(0);
    expect(cell('phone', 'ratchet').before!.opened).toBe(0);
    expect(cell('phone', 'static').counts.opened).toBeGreaterThan(cell('phone', 'ratchet').counts.opened);
  });

  it('the escrow key: everything, everyone, in the escrow world only', () => {
    const escrowCell = cell('escrow-key', 'ratchet-escrow');
    expect(escrowCell.counts.opened).toBe(escrowCell.counts.total);
    expect(escrowCell.exposedUsers).toHaveLength(5);
    expect(cell('escrow-key', 'ratchet').counts.opened).toBe(0);
    expect(cell('escrow-key', 'ratchet').lootNotes[0]!.outcome).toBe('nothing');
  });
});
