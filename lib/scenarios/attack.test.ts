import { beforeAll, describe, expect, it } from 'vitest';
import { decryptCapture } from '@/lib/protocol/decrypt-capture';
import { generateWorld, type World } from '@/lib/protocol/world';
import { defaultSplitAt, runAttack } from './attack';

describe('the attack pipeline', () => {
  let world: World;
  beforeAll(async () => {
    world = await generateWorld({
      seed: 'attack-pipeline',
      people: 4,
      conversations: 4,
      messages: 40,
      mode: 'ratchet',
    });
  });

  it('splits exposure at the first phone theft by default, and at the given minute when asked', async () => {
    expect(defaultSplitAt([{ kind: 'tap-wire' }])).toBeUndefined();
    const capabilities = [
      { kind: 'tap-wire' },
      { kind: 'steal-device', participant: 'bob', at: 700 },
      { kind: 'steal-device', participant: 'alice', at: 300 },
    ] as const;
    expect(defaultSplitAt(capabilities)).toBe(700);
    const byDefault = await runAttack(world, capabilities);
    expect(byDefault.splitAt).toBe(700);
    expect(byDefault.exposure.split?.at).toBe(700);
    const given = await runAttack(world, capabilities, { exposure: { splitAt: 100 } });
    expect(given.exposure.split?.at).toBe(100);
    expect((await runAttack(world, [{ kind: 'tap-wire' }])).exposure.split).toBeNull();
  });

  it('a plugged-in decryption gives the same outcomes as the default one', async () => {
    const capabilities = [
      { kind: 'take-over-server' },
      { kind: 'steal-device', participant: 'carol', at: 500 },
    ] as const;
    let calls = 0;
    let capturedFirst = false;
    const plugged = await runAttack(world, capabilities, {
      onCaptured: () => (capturedFirst = calls === 0),
      decrypt: async (capture, loot) => (calls++, decryptCapture(capture, loot, { chunkSize: 7 })),
    });
    const plain = await runAttack(world, capabilities);
    expect(calls).toBe(1);
    expect(capturedFirst).toBe(true);
    expect(plugged.report.outcomes).toEqual(plain.report.outcomes);
    expect(plugged.exposure.totals).toEqual(plain.exposure.totals);
  });
});
