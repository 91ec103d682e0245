/**
 * The design lab's worker: all logic is in lib/design-lab/design-lab-service.ts, served over
 * lib/worker-rpc; this file wires it to the worker's scope. A classic worker (bundlers drop
 * `type: 'module'`), so no top-level await and no import.meta here (platform-pitfalls.md §8).
 */
import { serveDesignLab } from '@/lib/design-lab/design-lab-service';
import type { RpcEndpoint } from '@/lib/worker-rpc/rpc-endpoint';

serveDesignLab(self as unknown as RpcEndpoint);
