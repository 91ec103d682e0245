/**
 * The escrow widgets' worker: all logic is in lib/escrow-lab/escrow-lab-service.ts, served over
 * lib/worker-rpc; this file wires it to the worker's scope. A classic worker (bundlers drop
 * `type: 'module'`), so no top-level await and no import.meta here (platform-pitfalls.md §8).
 */
import { EscrowLabService } from '@/lib/escrow-lab/escrow-lab-service';
import type { RpcEndpoint } from '@/lib/worker-rpc/rpc-endpoint';

new EscrowLabService().serve(self as unknown as RpcEndpoint);
