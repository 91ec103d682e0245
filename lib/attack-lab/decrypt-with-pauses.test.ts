import { beforeAll, describe, expect, it } from 'vitest';
import { nobleX25519Engine, type X25519Engine } from '@/lib/crypto/x25519-platform';
import { captureFor, lootFor, type Capture, type Loot } from '@/lib/protocol/capability';
import { decryptCapture, decryptCaptureInChunks } from '@/lib/protocol/decrypt-capture';
import { countOutcomes, type EnvelopeOutcome } from '@/lib/protocol/decryption-outcome';
import { generateWorld, type WorldOptions } from '@/lib/protocol/world';
import type { WorkerProgress } from '@/lib/scenarios/run-controls';
import { decryptWithPauses } from './decrypt-with-pauses';

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The progress reports of a chunked run, recounting everything decided so far after each chunk (the old, quadratic way). */
function recountedProgress(capture: Capture, loot: Loot, chunkSize: number): WorkerProgress[] {
  const decided = new Map<number, EnvelopeOutcome>();
  const progress: WorkerProgress[] = [];
  const steps = decryptCaptureInChunks(capture, loot, { chunkSize });
  for (let next = steps.next(); !next.done; next = steps.next()) {
    for (const o of next.value.outcomes) decided.set(o.seq, o);
    progress.push({
      phase: next.value.phase,
      done: next.value.done,
      total: next.value.total,
      counts: countOutcomes([...decided.values()]),
    });
  }
  return progress;
}

/** noble's X25519, counting the calls made through it. */
function countingEngine(): { engine: X25519Engine; calls: () => number } {
  let calls = 0;
  return {
    engine: {
      name: 'noble',
      publicKey: (k) => (calls++, nobleX25519Engine.publicKey(k)),
      sharedSecret: (k, p) => (calls++, nobleX25519Engine.sharedSecret(k, p)),
    },
    calls: () => calls,
  };
}

describe('decryptWithPauses in one worker', () => {
  const worlds: [string, WorldOptions][] = [
    [
      'ratchet',
      {
        seed: 'pauses',
        people: 5,
        conversations: 6,
        messages: 300,
        escrow: { variant: 'single', epochMinutes: 3 * 1440 },
      },
    ],
    [
      'static',
      { seed: 'pauses', people: 5, conversations: 6, messages: 300, mode: 'static', escrow: { variant: 'single' } },
    ],
  ];
  const runs = new Map<string, { capture: Capture; loot: Loot }>();
  beforeAll(async () => {
    for (const [name, options] of worlds) {
      const world = await generateWorld(options);
      const capture = captureFor(world, [{ kind: 'tap-wire', from: 2 * 1440 }]);
      const loot = (
        await lootFor(world, [
          { kind: 'steal-escrow-key', scenario: 'breach' },
          { kind: 'steal-device', participant: 'bob', at: 20000 },
        ])
      ).loot;
      runs.set(name, { capture, loot });
    }
  }, 60_000);

  for (const [name] of worlds) {
    it(`${name}: opens the escrow epochs ahead on the given X25519, and reports exactly what the loop alone does, progress included`, async () => {
      const { capture, loot } = runs.get(name)!;
      const { engine, calls } = countingEngine();
      const progress: WorkerProgress[] = [];
      const { report, workers } = await decryptWithPauses(
        capture,
        loot,
        { chunkSize: 40 },
        { onProgress: (p) => progress.push(p), isCancelled: () => false, pause, x25519: engine },
      );
      expect(workers).toBe(1);
      expect(calls()).toBeGreaterThan(0);
      expect(report).toEqual(decryptCapture(capture, loot));
      expect(report.counts.opened).toBeGreaterThan(0);
      expect(progress).toEqual(recountedProgress(capture, loot, 40));
    });
  }
});
