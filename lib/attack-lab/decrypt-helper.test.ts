import { MessageChannel } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { captureFor, lootFor, type Capture, type Loot } from '@/lib/protocol/capability';
import { decryptCapture } from '@/lib/protocol/decrypt-capture';
import { generateWorld } from '@/lib/protocol/world';
import type { RpcEndpoint } from '@/lib/worker-rpc/rpc-endpoint';
import { DecryptHelperClient, serveDecryptHelper, warmUpDecryption } from './decrypt-helper';
import { PARALLEL_DECRYPT_MIN_ENVELOPES } from './decrypt-helper-protocol';
import { decryptWithPauses, type DecryptHelper, type DecryptControls } from './decrypt-with-pauses';
import type { WorkerProgress } from '@/lib/scenarios/run-controls';

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
const channels: MessageChannel[] = [];

/** A helper host and its client, joined by a real MessageChannel (structured clone included). */
function connectedHelper(): { client: DecryptHelperClient; requests: () => string[] } {
  const channel = new MessageChannel();
  channels.push(channel);
  const seen: string[] = [];
  const hostPort = channel.port2 as unknown as RpcEndpoint;
  // What the helper is asked: each call by its procedure, and each cancel.
  hostPort.addEventListener('message', (event) => {
    const data = event.data as { rpc: string; procedure?: string };
    seen.push(data.procedure ?? data.rpc);
  });
  serveDecryptHelper(hostPort, pause);
  return { client: new DecryptHelperClient(channel.port1 as unknown as RpcEndpoint), requests: () => seen };
}

afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

describe('decryptWithPauses with a helper worker', () => {
  let capture: Capture;
  let loot: Loot;
  beforeAll(async () => {
    const world = await generateWorld({
      seed: 'helper',
      people: 6,
      conversations: 10,
      messages: PARALLEL_DECRYPT_MIN_ENVELOPES + 100,
      escrow: { variant: 'single' },
    });
    capture = captureFor(world, [{ kind: 'tap-wire' }]);
    loot = (
      await lootFor(world, [
        { kind: 'steal-escrow-key', scenario: 'breach' },
        { kind: 'steal-device', participant: 'bob', at: 20000 },
      ])
    ).loot;
  }, 120_000);

  it('hands half to the helper and reports exactly what one worker would', async () => {
    const { client, requests } = connectedHelper();
    const progress: WorkerProgress[] = [];
    const controls: DecryptControls = {
      onProgress: (p) => progress.push(p),
      isCancelled: () => false,
      pause,
      helper: client,
    };
    const { report, workers } = await decryptWithPauses(capture, loot, { chunkSize: 200 }, controls);
    expect(requests()).toEqual(['decrypt']);
    expect(workers).toBe(2);
    expect(report).toEqual(decryptCapture(capture, loot));
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({
      done: capture.records.length,
      total: capture.records.length,
      counts: report.counts,
    });
  });

  it('passes a cancel on to the helper and returns what both halves decided', async () => {
    const { client, requests } = connectedHelper();
    let cancelled = false;
    const controls: DecryptControls = {
      onProgress: (p) => {
        if (p.done > 300) cancelled = true;
      },
      isCancelled: () => cancelled,
      pause,
      helper: client,
    };
    const { report } = await decryptWithPauses(capture, loot, { chunkSize: 100 }, controls);
    expect(report.cancelled).toBe(true);
    expect(requests()).toContain('cancel');
    expect(report.outcomes.length).toBeLessThan(capture.records.length);
    const whole = new Map(decryptCapture(capture, loot).outcomes.map((o) => [o.seq, o]));
    for (const outcome of report.outcomes) expect(outcome).toEqual(whole.get(outcome.seq));
  });

  it('decrypts the helper’s half itself when the helper fails', async () => {
    const { client } = connectedHelper();
    const broken: DecryptControls = {
      onProgress: () => undefined,
      isCancelled: () => false,
      pause,
      helper: {
        decrypt: () => ({ done: Promise.reject(new Error('helper gone')), cancel: () => undefined }),
      } as DecryptHelper,
    };
    void client;
    const { report, workers } = await decryptWithPauses(capture, loot, { chunkSize: 500 }, broken);
    expect(report).toEqual(decryptCapture(capture, loot));
    expect(workers).toBe(1);
  });

  it('keeps small captures in one worker', async () => {
    const { client, requests } = connectedHelper();
    const small: Capture = { ...capture, records: capture.records.slice(0, 100) };
    const { report } = await decryptWithPauses(
      small,
      loot,
      { chunkSize: 50 },
      { onProgress: () => undefined, isCancelled: () => false, pause, helper: client },
    );
    expect(report.outcomes).toHaveLength(100);
    expect(requests()).toEqual([]);
  });
});

describe('warmUpDecryption', () => {
  it('really decrypts a small escrowed world with the stolen key (every message opens)', async () => {
    expect(await warmUpDecryption()).toBe(60);
  });
});
