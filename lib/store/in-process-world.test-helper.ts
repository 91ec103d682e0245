/**
 * A world client for Node tests: the page's own WorldClient (lib/attack-lab/world-client.ts) whose
 * "worker" is a real WorldHost in this process, behind the worker RPC's in-process endpoint pair
 * (structured-cloned both ways, every reply checked by the world contract as on the page).
 */
import { createEndpointPair } from '@/lib/worker-rpc/in-process-endpoints';
import { WorldClient, type WorkerEndpoint } from '@/lib/attack-lab/world-client';
import { WorldHost } from '@/lib/attack-lab/world-host';
import type { AttackWorldClient } from './attack-console-store';

/** The client, plus `forgetWorlds()` to act out a worker restart (every world id is then gone). */
export interface InProcessWorldClient extends AttackWorldClient {
  forgetWorlds(): void;
}

function inProcessWorker(): WorkerEndpoint {
  const [pageSide, workerSide] = createEndpointPair();
  new WorldHost().serve(workerSide, { pause: () => new Promise((resolve) => setImmediate(resolve)) });
  return Object.assign(pageSide, { terminate: () => pageSide.close() });
}

/** A client whose worker is a WorldHost in this process. */
export function inProcessWorldClient(): InProcessWorldClient {
  const client = new WorldClient(inProcessWorker, () => null);
  return Object.assign(client, { forgetWorlds: () => client.terminate() });
}
