import { beforeAll, describe, expect, it } from 'vitest';
import { captureFor, lootFor, type Capture, type Loot } from './capability';
import { decryptCapture, decryptCaptureInChunks, type DecryptProgress } from './decrypt-capture';
import { countOutcomes } from './decryption-outcome';
import { generateWorld, type World } from './world';

describe('decryptCaptureInChunks', () => {
  let world: World;
  let capture: Capture;
  let loot: Loot;
  beforeAll(async () => {
    world = await generateWorld({
      seed: 'chunks',
      people: 5,
      conversations: 6,
      messages: 130,
      escrow: { variant: 'single' },
    });
    capture = captureFor(world, [{ kind: 'tap-wire' }]);
    loot = (
      await lootFor(world, [
        { kind: 'steal-escrow-key', scenario: 'breach' },
        { kind: 'steal-device', participant: 'bob', at: 20000 },
      ])
    ).loot;
  });

  it('reports progress every chunk and ends with the same outcomes as the one-shot run', () => {
    const steps = decryptCaptureInChunks(capture, loot, { chunkSize: 40 });
    const progress: DecryptProgress[] = [];
    let next = steps.next();
    while (!next.done) {
      progress.push(next.value);
      next = steps.next();
    }
    expect(progress.map((p) => p.done)).toEqual([40, 80, 120, 130]);
    expect(progress.every((p) => p.total === 130 && p.phase === 'decrypt')).toBe(true);
    expect(progress.flatMap((p) => p.outcomes)).toEqual(next.value.outcomes);
    expect(next.value.cancelled).toBe(false);
    expect(next.value).toEqual(decryptCapture(capture, loot));
    expect(next.value.counts).toEqual(countOutcomes(next.value.outcomes));
  });

  it('stops between chunks when the signal is aborted', () => {
    const signal = { aborted: false };
    const steps = decryptCaptureInChunks(capture, loot, { chunkSize: 50, signal });
    expect(steps.next().value).toMatchObject({ done: 50 });
    signal.aborted = true;
    const end = steps.next();
    expect(end.done).toBe(true);
    expect(end.value).toMatchObject({ cancelled: true });
    if (end.done) expect(end.value.outcomes).toHaveLength(50);
  });

  it('an AbortController signal works too', () => {
    const controller = new AbortController();
    controller.abort();
    const end = decryptCaptureInChunks(capture, loot, { signal: controller.signal }).next();
    expect(end).toMatchObject({ done: true, value: { cancelled: true, outcomes: [] } });
  });

  it('names the key that opened each envelope', () => {
    const report = decryptCapture(capture, loot);
    const kinds = new Set(report.outcomes.map((o) => (o.kind === 'opened' ? o.openedWith.kind : o.kind)));
    expect(kinds.has('escrow-key')).toBe(true);
    // Devices are tried first, so some of bob's later messages are credited to his phone.
    expect(kinds.has('device-ratchet-chain')).toBe(true);
  });

  it('with an empty loot nothing opens and nothing is tried', () => {
    const report = decryptCapture(capture, { devices: [], escrowKeys: [] });
    expect(report.counts).toEqual({ opened: 0, tagFailed: 0, noKey: 130, outsideWarrant: 0 });
  });
});
