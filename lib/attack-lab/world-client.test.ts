import { describe, expect, it } from 'vitest';
import { createEndpointPair } from '@/lib/worker-rpc/in-process-endpoints';
import { CancelledError, WorldGoneError } from '@/lib/worker-rpc/rpc-error';
import { WorldClient, type WorkerEndpoint } from './world-client';
import { WorldHost } from './world-host';

/** A "worker" in this process: a real host behind an in-process endpoint pair; terminating closes it. */
function inProcessWorker(): WorkerEndpoint {
  const [pageSide, workerSide] = createEndpointPair();
  new WorldHost().serve(workerSide, { pause: () => new Promise((r) => setImmediate(r)) });
  return Object.assign(pageSide, { terminate: () => pageSide.close() });
}

const small = {
  seed: 'client-test',
  people: 3,
  conversations: 3,
  messages: 36,
  durationMinutes: 2 * 1440,
  escrow: { variant: 'single' as const },
};

describe('WorldClient over the RPC', () => {
  it('generates and attacks; the decoded rows are the rows the page reads', async () => {
    const client = new WorldClient(inProcessWorker);
    const world = await client.generate(small);
    expect(world.schedule).toHaveLength(36);
    expect(world.schedule[0]).toMatchObject({ seq: 0, learner: false });
    const result = await client.attack(world.worldId, [
      { kind: 'tap-wire' },
      { kind: 'steal-escrow-key', scenario: 'insider' },
    ]);
    expect(result.rows).toHaveLength(36);
    expect(result.rows.every((r) => r.kind === 'opened' && r.plaintext === world.schedule[r.seq]!.text)).toBe(true);
  });

  it('cancelling an attack resolves with cancelled: true', async () => {
    const client = new WorldClient(inProcessWorker);
    const world = await client.generate(small);
    const controller = new AbortController();
    const run = client.attack(
      world.worldId,
      [{ kind: 'tap-wire' }, { kind: 'steal-escrow-key', scenario: 'insider' }],
      { chunkSize: 5, signal: controller.signal },
    );
    controller.abort();
    expect((await run).cancelled).toBe(true);
  });

  it('cancelling a generation restarts the worker: it rejects as cancelled, older worlds as gone', async () => {
    let workers = 0;
    const client = new WorldClient(() => (workers++, inProcessWorker()));
    const old = await client.generate(small);
    const controller = new AbortController();
    const generating = client.generate({ ...small, seed: 'other' }, { signal: controller.signal });
    controller.abort();
    await expect(generating).rejects.toBeInstanceOf(CancelledError);
    expect(client.has(old.worldId)).toBe(false);
    await expect(client.forge(old.worldId, 0, 'x')).rejects.toBeInstanceOf(WorldGoneError);
    await client.generate(small);
    expect(workers).toBe(2);
  });

  it('terminate rejects pending calls as world-gone; disposed worlds are gone too', async () => {
    const client = new WorldClient(inProcessWorker);
    const world = await client.generate(small);
    await client.dispose(world.worldId);
    await expect(client.loot(world.worldId, [])).rejects.toMatchObject({ code: 'world-gone' });
    const next = await client.generate(small);
    const pending = client.attack(next.worldId, [{ kind: 'tap-wire' }]);
    client.terminate();
    await expect(pending).rejects.toBeInstanceOf(WorldGoneError);
  });
});
