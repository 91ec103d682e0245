import { beforeAll, describe, expect, it } from 'vitest';
import { RunCancelledError } from './run-controls';
import { COMPARED_WORLDS, compareThreeWorlds, forgeryTarget, type ComparisonResult } from './three-worlds';

const controls = { onProgress: () => undefined, isCancelled: () => false, pause: () => Promise.resolve() };

// Moved from lib/protocol/blast-radius.test.ts (lib/protocol/world-comparison.ts, merged here).
describe('compareThreeWorlds', () => {
  let comparison: ComparisonResult;
  beforeAll(async () => {
    comparison = await compareThreeWorlds(
      { seed: 'compare', people: 5, conversations: 6, messages: 90, escrow: { variant: 'xor-2-of-2' } },
      controls,
    );
  });
  const cell = (scenario: string, world: string) =>
    comparison.rows.find((r) => r.id === scenario)!.cells.find((c) => c.world === world)!;

  it('runs every standard scenario in the three worlds', () => {
    expect(comparison.rows.map((r) => r.id)).toEqual(['wire', 'server', 'phone', 'escrow-key', 'pieces-short']);
    for (const row of comparison.rows)
      expect(row.cells.map((c) => c.world)).toEqual(COMPARED_WORLDS.map((w) => w.kind));
    expect(COMPARED_WORLDS.map((w) => w.kind)).toEqual(['static', 'ratchet', 'ratchet-escrow']);
  });

  it('the wire and the server open nothing anywhere; one piece too few opens nothing', () => {
    for (const id of ['wire', 'server', 'pieces-short'])
      for (const w of ['static', 'ratchet', 'ratchet-escrow']) expect(cell(id, w).counts.opened).toBe(0);
  });

  it('a stolen phone: static exposes the past, the ratchet does not', () => {
    expect(cell('phone', 'static').before!.opened).toBeGreaterThan(0);
    expect(cell('phone', 'ratchet').before!.opened).toBe(0);
    expect(cell('phone', 'static').counts.opened).toBeGreaterThan(cell('phone', 'ratchet').counts.opened);
  });

  it('the escrow key: everything, everyone, in the escrow world only', () => {
    const escrowCell = cell('escrow-key', 'ratchet-escrow');
    expect(escrowCell.counts.opened).toBe(escrowCell.counts.total);
    expect(escrowCell.exposedUsers).toHaveLength(comparison.users);
    expect(cell('escrow-key', 'ratchet').counts.opened).toBe(0);
    expect(cell('escrow-key', 'ratchet').lootNotes[0]!.outcome).toBe('nothing');
  });

  it('defaults: the second participant is the victim, compromised half-way; the forgery targets their last message before it', () => {
    expect(comparison.victim).toBe('bob');
    expect(comparison.compromiseAt).toBeGreaterThan(0);
    for (const row of comparison.rows) for (const c of row.cells) expect(c.forgery?.seq).toBeGreaterThanOrEqual(0);
    expect(cell('escrow-key', 'ratchet-escrow').forgery?.accepted).toBe(true);
    expect(cell('escrow-key', 'ratchet').forgery?.accepted).toBe(false);
    // One wording of delivery (lib/protocol/forgery.ts describeDelivery), with the recipient's reason.
    expect(cell('escrow-key', 'ratchet-escrow').forgery?.message).toMatch(/^accepted as genuine: "/);
    expect(cell('escrow-key', 'ratchet').forgery?.message).toMatch(/^refused \(tag-failed\): ./);
  });

  it('every opened message is counted once under the key that opened it, before and after the compromise', () => {
    for (const row of comparison.rows)
      for (const c of row.cells) {
        const sum = (side: 'before' | 'after') => c.openedBy.reduce((n, o) => n + o[side], 0);
        expect(sum('before')).toBe(c.before!.opened);
        expect(sum('after')).toBe(c.after!.opened);
      }
  });

  it('stops between steps when cancelled', async () => {
    await expect(
      compareThreeWorlds(
        { seed: 'compare', people: 3, conversations: 2, messages: 6 },
        { ...controls, isCancelled: () => true },
      ),
    ).rejects.toBeInstanceOf(RunCancelledError);
  });
});

it('forgeryTarget is the last message to the victim at or before the moment, or -1', () => {
  const world = {
    schedule: [
      { index: 0, sentAt: 5, recipient: 'bob' },
      { index: 1, sentAt: 10, recipient: 'alice' },
      { index: 2, sentAt: 20, recipient: 'bob' },
    ],
  } as unknown as Parameters<typeof forgeryTarget>[0];
  expect(forgeryTarget(world, 'bob', 19)).toBe(0);
  expect(forgeryTarget(world, 'bob', 20)).toBe(2);
  expect(forgeryTarget(world, 'carol', 20)).toBe(-1);
});
