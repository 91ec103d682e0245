import { describe, expect, it } from 'vitest';
import { createEndpointPair } from '../worker-rpc/in-process-endpoints';
import type { RpcEndpoint } from '../worker-rpc/rpc-endpoint';
import { DEFAULT_CHECK_REGISTRY } from './check-registry';
import { CheckerClient, type CheckerWorker } from './checker-client';
import { serveChecker } from './checker-host';
import type { CheckSpec } from './exercise-spec';
import { runChecks } from './run-checks';

const CHECKS: CheckSpec[] = [
  { id: 'ran', kind: 'ran', description: 'It runs' },
  { id: 'key', kind: 'bytesEqual', path: 'key', expected: 'key', description: 'The key is right' },
];
const EXPECTED = { key: Uint8Array.of(1, 2, 3) };

function inProcessWorker(): CheckerWorker & { terminated: boolean } {
  const [page, worker] = createEndpointPair();
  serveChecker(worker, { default: DEFAULT_CHECK_REGISTRY, lessons: DEFAULT_CHECK_REGISTRY });
  return Object.assign(page, {
    terminated: false,
    terminate() {
      this.terminated = true;
      page.close();
    },
  });
}

describe('CheckerClient over the checker host', () => {
  it('gives the same verdicts as runChecks in this thread (the Node path)', async () => {
    const client = new CheckerClient(inProcessWorker);
    for (const result of [{ key: '010203' }, { key: Uint8Array.of(9, 9, 9) }, {}]) {
      const outcome = { status: 'ok' as const, durationMs: 1, result };
      expect(await client.check({ registry: 'default', checks: CHECKS, outcome, expected: EXPECTED })).toEqual(
        runChecks(CHECKS, outcome, EXPECTED),
      );
    }
  });

  it('fails every check when the checks pass their time limit, and starts a fresh worker next time', async () => {
    const workers: (CheckerWorker & { terminated: boolean })[] = [];
    let silent = true;
    const client = new CheckerClient(() => {
      // The first worker never answers (a check stuck on a learner value); the second is a real one.
      const worker = silent
        ? Object.assign(createEndpointPair()[0] as RpcEndpoint, {
            terminated: false,
            terminate() {
              this.terminated = true;
            },
          })
        : inProcessWorker();
      workers.push(worker);
      return worker;
    }, 50);
    const outcome = { status: 'ok' as const, durationMs: 1, result: { key: '010203' } };
    const stuck = await client.check({ registry: 'default', checks: CHECKS, outcome, expected: EXPECTED });
    expect(stuck.map((r) => r.pass)).toEqual([false, false]);
    expect(stuck[0]!.message).toMatch(
      /^Not checked: the checks took longer than 0\.1 s on the values your code returned, and were stopped/,
    );
    expect(workers[0]!.terminated).toBe(true);
    silent = false;
    const next = await client.check({ registry: 'default', checks: CHECKS, outcome, expected: EXPECTED });
    expect(next.map((r) => r.pass)).toEqual([true, true]);
    expect(workers).toHaveLength(2);
  });
});
