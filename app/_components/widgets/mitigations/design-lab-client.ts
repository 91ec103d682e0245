/**
 * The page's design lab worker (evasion, mitigations, ghost group): one worker per page, started on
 * the first call, never on mount. A dead worker is replaced on the next call. Every result is checked
 * against lib/design-lab/design-lab-messages.ts by the RPC client; a refusal's message is shown as it is.
 */
import { designLabContract } from '@/lib/design-lab/design-lab-messages';
import type { ParamsIn, ResultOf } from '@/lib/worker-rpc/rpc-contract';
import { RpcClient } from '@/lib/worker-rpc/rpc-client';
import { RpcError } from '@/lib/worker-rpc/rpc-error';
import { currentSeed } from '../../seed/use-seed';

type DesignLab = typeof designLabContract;
type Procedure = keyof DesignLab & string;

let worker: Worker | null = null;
let rpc: RpcClient<DesignLab> | null = null;

function ensure(): RpcClient<DesignLab> {
  if (rpc) return rpc;
  const w = new Worker(new URL('./design-lab.worker.ts', import.meta.url));
  const client = new RpcClient(designLabContract, w);
  w.addEventListener('error', (event) => {
    event.preventDefault();
    if (worker !== w) return;
    w.terminate();
    worker = null;
    rpc = null;
    client.close(
      new RpcError(
        'endpoint-closed',
        `The lab's worker stopped (${event.message || 'it could not be loaded'}). Try again.`,
      ),
    );
  });
  worker = w;
  rpc = client;
  return client;
}

/** Runs one design lab procedure in the worker, with the page's seed in seeded (demo) mode. */
export function callDesignLab<P extends Procedure>(
  procedure: P,
  params: Omit<ParamsIn<DesignLab, P>, 'seed'>,
): Promise<ResultOf<DesignLab, P>> {
  const seed = currentSeed();
  return ensure().call(procedure, { ...params, ...(seed ? { seed } : {}) } as ParamsIn<DesignLab, P>);
}
