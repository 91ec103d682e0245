import { describe, expect, it } from 'vitest';
import { captureFor, lootFor } from './capability';
import { decryptCapture } from './decrypt-capture';
import { mergeDecryptionReports, partitionCaptureByConversation } from './decrypt-partition';
import { generateWorld } from './world';

describe('partitionCaptureByConversation', () => {
  it('splits into disjoint whole conversations, balanced, records in order', async () => {
    const world = await generateWorld({ seed: 'split', people: 6, conversations: 9, messages: 300 });
    const capture = captureFor(world, [{ kind: 'tap-wire' }]);
    const parts = partitionCaptureByConversation(capture, 2);
    expect(parts).toHaveLength(2);
    const conversations = parts.map((p) => new Set(p.records.map((r) => r.envelope.header.conversationId)));
    expect([...conversations[0]!].filter((id) => conversations[1]!.has(id))).toEqual([]);
    expect(parts[0]!.records.length + parts[1]!.records.length).toBe(capture.records.length);
    expect(Math.abs(parts[0]!.records.length - parts[1]!.records.length)).toBeLessThan(capture.records.length / 3);
    for (const part of parts)
      expect(part.records.map((r) => r.seq)).toEqual([...part.records.map((r) => r.seq)].sort((a, b) => a - b));
  });

  it('drops empty parts and refuses a bad count', async () => {
    const world = await generateWorld({ seed: 'one', people: 2, conversations: 1, messages: 20 });
    const capture = captureFor(world, [{ kind: 'tap-wire' }]);
    expect(partitionCaptureByConversation(capture, 4)).toHaveLength(1);
    expect(() => partitionCaptureByConversation(capture, 0)).toThrow(RangeError);
  });
});

describe('decrypting a partitioned capture', () => {
  // Both modes, escrow plus a stolen phone: every kind of per-conversation state is exercised
  // (ratchet followers, epoch chains, static keys recovered from escrow and the retry pass).
  it.each(['ratchet', 'static'] as const)('gives exactly the outcomes of the whole capture (%s mode)', async (mode) => {
    const world = await generateWorld({
      seed: `partition-${mode}`,
      people: 6,
      conversations: 8,
      messages: 240,
      mode,
      escrow: { variant: 'single' },
    });
    const capture = captureFor(world, [{ kind: 'tap-wire' }]);
    const { loot } = await lootFor(world, [
      { kind: 'steal-escrow-key', scenario: 'breach' },
      { kind: 'steal-device', participant: 'bob', at: 20000 },
    ]);
    const whole = decryptCapture(capture, loot);
    for (const parts of [2, 3]) {
      const merged = mergeDecryptionReports(
        capture,
        partitionCaptureByConversation(capture, parts).map((part) => decryptCapture(part, loot)),
      );
      expect(merged).toEqual(whole);
    }
    expect(whole.counts.opened).toBeGreaterThan(0);
  });

  it('a cancelled part makes the merged report cancelled, with what was decided', async () => {
    const world = await generateWorld({
      seed: 'partition-cancel',
      people: 4,
      conversations: 4,
      messages: 80,
      escrow: { variant: 'single' },
    });
    const capture = captureFor(world, [{ kind: 'tap-wire' }]);
    const { loot } = await lootFor(world, [{ kind: 'steal-escrow-key', scenario: 'breach' }]);
    const [a, b] = partitionCaptureByConversation(capture, 2);
    const merged = mergeDecryptionReports(capture, [
      decryptCapture(a!, loot),
      decryptCapture(b!, loot, { signal: { aborted: true } }),
    ]);
    expect(merged.cancelled).toBe(true);
    expect(merged.outcomes).toHaveLength(a!.records.length);
    expect(merged.counts.opened).toBe(a!.records.length);
  });
});
