/**
 * "Escrow weakens healing", pinned: after a phone theft, the Double Ratchet with escrow opens more
 * than the ratchet without it, and every extra message is one the victim's phone sent with the
 * escrow wrap chain it held at the theft, in that epoch, before the epoch rotated. The ratchet
 * heals (a fresh DH output enters the root key); the wrap chain does not (HMAC steps only), so the
 * thief follows it until the sender draws a new epoch key (lib/protocol/escrow-epoch.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MINUTES_PER_DAY } from '@/lib/protocol/sim-time';
import { LESSON_COMPARISON, compareThreeWorlds, type ComparisonResult } from './three-worlds';

const controls = { onProgress: () => undefined, isCancelled: () => false, pause: () => Promise.resolve() };

async function phoneRow(epochMinutes: number) {
  const result = await compareThreeWorlds(
    { ...LESSON_COMPARISON, escrow: { variant: 'single', epochMinutes } },
    controls,
  );
  const row = result.rows.find((r) => r.id === 'phone')!;
  const cell = (kind: string) => row.cells.find((c) => c.world === kind)!;
  return { result, ratchet: cell('ratchet'), escrow: cell('ratchet-escrow') };
}

describe('a stolen phone in the ratchet world with escrow', () => {
  let lesson: Awaited<ReturnType<typeof phoneRow>>;
  let result: ComparisonResult;
  beforeAll(async () => {
    lesson = await phoneRow(LESSON_COMPARISON.escrow!.epochMinutes!);
    result = lesson.result;
  });

  it('opens more than without escrow (the lesson: 10 of 36 against 6 of 36), none of it from before the theft', () => {
    expect(lesson.ratchet.counts.opened).toBe(6);
    expect(lesson.escrow.counts.opened).toBe(10);
    expect(lesson.ratchet.before!.opened).toBe(0);
    expect(lesson.escrow.before!.opened).toBe(0);
  });

  it('the extras are exactly the messages the phone’s escrow wrap chain opened; the ratchet chains open the same as without escrow', () => {
    const by = (source: string) => lesson.escrow.openedBy.find((o) => o.source === source);
    const chainOpened = lesson.escrow.escrowChainOpens.reduce((n, g) => n + g.seqs.length, 0);
    expect(by('device-ratchet-chain')!.after).toBe(lesson.ratchet.counts.opened);
    expect(by('device-escrow-chain')).toEqual({ source: 'device-escrow-chain', before: 0, after: chainOpened });
    expect(lesson.escrow.counts.opened - lesson.ratchet.counts.opened).toBe(chainOpened);
    expect(lesson.ratchet.openedBy.map((o) => o.source)).toEqual(['device-ratchet-chain']);
  });

  it('each extra was sent by the victim after the theft, inside the epoch the phone held, before it rotated', () => {
    const epochMinutes = result.escrowEpochMinutes!;
    expect(lesson.escrow.escrowChainOpens.length).toBeGreaterThan(0);
    for (const g of lesson.escrow.escrowChainOpens) {
      expect(g.participant).toBe(result.victim);
      expect(g.takenAt).toBe(result.compromiseAt);
      expect(g.epochStartedAt).toBeLessThanOrEqual(g.takenAt);
      expect(g.firstSentAt).toBeGreaterThan(g.takenAt);
      expect(g.lastSentAt).toBeLessThan(g.epochStartedAt + epochMinutes);
    }
  });

  it('with short epochs the chain rotates soon after the theft and the extras shrink: rotation, not the ratchet, ends them', async () => {
    const short = await phoneRow(60);
    expect(short.ratchet.counts.opened).toBe(lesson.ratchet.counts.opened);
    const extras = short.escrow.counts.opened - short.ratchet.counts.opened;
    expect(extras).toBeLessThan(lesson.escrow.counts.opened - lesson.ratchet.counts.opened);
    for (const g of short.escrow.escrowChainOpens) expect(g.lastSentAt).toBeLessThan(g.epochStartedAt + 60);
  });

  it('the escrow key itself: every message, before and after, opened by the escrow key alone', () => {
    const cell = result.rows.find((r) => r.id === 'escrow-key')!.cells.find((c) => c.world === 'ratchet-escrow')!;
    expect(cell.openedBy).toEqual([{ source: 'escrow-key', before: cell.before!.total, after: cell.after!.total }]);
    expect(MINUTES_PER_DAY).toBe(result.escrowEpochMinutes);
  });
});
