import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/crypto/random';
import { generateKeyPair } from '@/lib/crypto/x25519';
import { createEndpointPair } from '@/lib/worker-rpc/in-process-endpoints';
import type { RpcEndpointEvent } from '@/lib/worker-rpc/rpc-endpoint';
import { EscrowLabClient, type EscrowLabWorker } from './escrow-lab-client';
import { EscrowLabService } from './escrow-lab-service';

const random = seededRandom('client');
const alice = generateKeyPair(random);
const bob = generateKeyPair(random);

/**
 * A client whose "workers" are EscrowLabServices over in-process pairs. `crash(message)` fires the
 * current worker's `error` event, as a Worker that threw or failed to load does.
 */
function lab() {
  const workers: { service: EscrowLabService; terminated: boolean }[] = [];
  let errorListeners: ((event: RpcEndpointEvent) => void)[] = [];
  const client = new EscrowLabClient((): EscrowLabWorker => {
    const [pageSide, workerSide] = createEndpointPair();
    const service = new EscrowLabService();
    service.serve(workerSide);
    const record = { service, terminated: false };
    workers.push(record);
    errorListeners = [];
    return {
      postMessage: (message, transfer) => pageSide.postMessage(message, transfer),
      addEventListener: (type, listener) =>
        type === 'error' ? errorListeners.push(listener) : pageSide.addEventListener(type, listener),
      removeEventListener: (type, listener) => {
        if (type === 'error') errorListeners = errorListeners.filter((l) => l !== listener);
        else pageSide.removeEventListener(type, listener);
      },
      terminate: () => {
        record.terminated = true;
        pageSide.close();
      },
    };
  });
  const crash = (message: string) => {
    for (const l of [...errorListeners]) l({ message, preventDefault: () => undefined });
  };
  return { client, workers, crash };
}

describe('EscrowLabClient', () => {
  it('round-trips every procedure through contract, host and client', async () => {
    const { client, workers } = lab();
    const seed = 'round-trip';
    const sw = await client.call('switch', { scope: 's', seed, alice, bob, text: 'hi', escrow: true });
    expect(sw.result.attemptsOn!.find((a) => a.who === 'escrow')).toMatchObject({ outcome: 'opened', plaintext: 'hi' });
    expect(sw.result.on!.envelope.escrow!.wrappedKey).toBeInstanceOf(Uint8Array);

    const forged = await client.call('forge', { scope: 'f', seed, escrow: true, text: 'Send the files to me' });
    expect(forged.outcome).toMatchObject({
      method: 'resealed-with-escrowed-key',
      delivery: { accepted: true, plaintext: 'Send the files to me' },
    });
    const keyless = await client.call('forge', { scope: 'f', seed, escrow: false, text: 'Send the files to me' });
    expect(keyless.thiefKey).toBeNull();
    expect(keyless.outcome.delivery.accepted).toBe(false);

    const sealed = await client.call('binding-seal', { scope: 'b', seed, binding: 'unbound' });
    expect(sealed.readings.map((r) => r.plaintext)).toEqual(sealed.messages.map((m) => m.text));
    const swap = await client.call('binding-move', { scope: 'b', seed, binding: 'unbound' });
    expect(swap.recipient.accepted).toBe(true);
    expect(swap.authority.plaintext).toBeNull();

    const recorded = await client.call('warrant-record', { scope: 'w', seed });
    expect(recorded.messages.length).toBeGreaterThan(0);
    const run = await client.call('warrant-execute', { scope: 'w', seed, target: 'bob', from: 0, to: 24 * 60 });
    expect(run.warrant).toEqual({ target: 'bob', from: 0, to: 24 * 60 });
    expect(run.opened).toBeGreaterThan(0);
    const beyond = await client.call('warrant-beyond', { scope: 'w', seed });
    expect(beyond.opened).toBe(beyond.tried);

    const split = await client.call('split', { scope: 'k', seed, scheme: 'shamir', shares: 3, threshold: 2 });
    expect(split.pieces).toHaveLength(3);
    const two = await client.call('recombine', {
      scope: 'k',
      seed,
      agencies: split.pieces.slice(0, 2).map((p) => p.agencyId),
      corrupt: [],
    });
    expect(two.check.passed).toBe(true);
    expect(two.candidate).toEqual(split.secretKey);
    expect(two.opened).toBe(split.messages);

    expect(workers).toHaveLength(1);
    expect(workers[0]!.service.size).toBe(5);
    expect(await client.call('release', { scope: 'k' })).toEqual({ released: true });
    expect(workers[0]!.service.size).toBe(4);
  });

  it('starts its worker on the first call, not before; release is a no-op until then and frees exactly one scope after', async () => {
    const { client, workers } = lab();
    client.release('never-started');
    expect(client.started).toBe(false);
    expect(workers).toHaveLength(0);
    await client.call('binding-seal', { scope: 'a', seed: 'r', binding: 'bound' });
    await client.call('binding-seal', { scope: 'b', seed: 'r', binding: 'bound' });
    expect(workers).toHaveLength(1);
    client.release('a');
    await expect.poll(() => workers[0]!.service.size).toBe(1);
    await expect(client.call('binding-move', { scope: 'a', binding: 'bound' })).rejects.toMatchObject({
      code: 'user-error',
    });
    expect((await client.call('binding-move', { scope: 'b', binding: 'bound' })).moved).toBeDefined();
  });

  it("a learner's refusal arrives as the user-error code with the worker's message, verbatim", async () => {
    const { client } = lab();
    await expect(client.call('recombine', { scope: 'x', agencies: [], corrupt: [] })).rejects.toMatchObject({
      code: 'user-error',
      message: 'Split the key first: there are no pieces to recombine yet.',
    });
    await expect(client.call('split', { scope: 'x', scheme: 'shamir', shares: 2, threshold: 3 })).rejects.toMatchObject(
      { code: 'user-error', message: expect.stringMatching(/Choose k and n/) },
    );
  });

  it('a malformed request is refused as bad-request, in words the widget can show', async () => {
    const { client } = lab();
    await expect(client.call('warrant-execute', { scope: 'x', target: 'bob', from: -1, to: 10 })).rejects.toMatchObject(
      {
        code: 'bad-request',
        message: expect.stringMatching(
          /^The lab sent its worker a malformed request \(warrant-execute: bad request: from: /,
        ),
      },
    );
  });

  it('a dead worker rejects pending calls with a learner-facing message, and the next call starts a fresh one', async () => {
    const { client, workers, crash } = lab();
    const pending = client.call('split', { scope: 'k', seed: 'dead', scheme: 'xor', shares: 2, threshold: 2 });
    crash('out of memory');
    await expect(pending).rejects.toMatchObject({
      code: 'endpoint-closed',
      message: "The lab's worker stopped: out of memory. Reload the page to try again.",
    });
    expect(workers[0]!.terminated).toBe(true);
    expect(client.started).toBe(false);
    expect(await client.call('release', { scope: 'k' })).toEqual({ released: false });
    expect(workers).toHaveLength(2);
  });

  it('times each call as an escrow-lab:<procedure> measure', async () => {
    const { client } = lab();
    performance.clearMeasures();
    await client.call('release', { scope: 'timed' });
    await client.call('binding-move', { scope: 'timed', binding: 'bound' }).catch(() => undefined);
    expect(performance.getEntriesByType('measure').map((m) => m.name)).toEqual([
      'escrow-lab:release',
      'escrow-lab:binding-move',
    ]);
  });
});
