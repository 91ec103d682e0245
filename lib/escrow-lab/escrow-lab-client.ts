/**
 * The page's handle on the escrow lab worker: a typed client of {@link escrowLabContract} over
 * lib/worker-rpc, which checks every result against the contract. One worker, started on the first
 * call (never on mount: a lesson whose widgets are never used costs no worker). Framework-free: the
 * page supplies the worker (app/_components/widgets/escrow/escrow-lab-client.ts spawns it; Node
 * tests pass one end of an in-process endpoint pair).
 *
 * Every rejection is an {@link RpcError} whose message a widget can show as it is: a `user-error`
 * carries the worker's refusal verbatim ("Seal the two messages first."), the other codes say what
 * went wrong in the learner's terms. Each call is timed with the User Timing API
 * (`escrow-lab:<procedure>` measures), so its cost can be read in the browser's performance panel.
 * @module
 */
import type { ParamsIn, ResultOf } from '@/lib/worker-rpc/rpc-contract';
import { RpcClient } from '@/lib/worker-rpc/rpc-client';
import type { RpcEndpoint, RpcEndpointEvent } from '@/lib/worker-rpc/rpc-endpoint';
import { RpcError } from '@/lib/worker-rpc/rpc-error';
import { escrowLabContract, type EscrowLabProcedure } from './escrow-lab-messages';

type EscrowLabContract = typeof escrowLabContract;

/** A worker as the client uses it (a `Worker` fits). */
export interface EscrowLabWorker extends RpcEndpoint {
  terminate(): void;
}

/** The failure as the learner reads it; the code stays the RPC's. */
function forLearner(error: unknown): RpcError {
  if (!(error instanceof RpcError))
    return new RpcError(
      'internal',
      `Something went wrong in the lab: ${error instanceof Error ? error.message : String(error)}`,
    );
  switch (error.code) {
    case 'user-error':
      return error;
    case 'endpoint-closed':
      return new RpcError(error.code, `The lab's worker stopped: ${error.message}. Reload the page to try again.`);
    case 'bad-request':
      return new RpcError(error.code, `The lab sent its worker a malformed request (${error.message}).`);
    default:
      return new RpcError(error.code, `Something went wrong in the lab's worker: ${error.message}`);
  }
}

function measure(procedure: EscrowLabProcedure, start: number): void {
  try {
    performance.measure(`escrow-lab:${procedure}`, { start, end: performance.now() });
  } catch {
    // Timing is a convenience; a browser without measure options must not break the call.
  }
}

/** A typed, promise-based client of the escrow lab worker. */
export class EscrowLabClient {
  private worker: EscrowLabWorker | null = null;
  private rpc: RpcClient<EscrowLabContract> | null = null;

  constructor(private readonly createWorker: () => EscrowLabWorker) {}

  /** Whether a worker is running (one is started by the first call). */
  get started(): boolean {
    return this.rpc !== null;
  }

  /** Runs `procedure` in the worker. Rejects with an {@link RpcError} whose message is learner-facing. */
  async call<P extends EscrowLabProcedure>(
    procedure: P,
    params: ParamsIn<EscrowLabContract, P>,
  ): Promise<ResultOf<EscrowLabContract, P>> {
    const start = performance.now();
    try {
      return await this.ensureWorker().call(procedure, params);
    } catch (error) {
      throw forLearner(error);
    } finally {
      measure(procedure, start);
    }
  }

  /**
   * Frees one widget's state in the worker (the widget unmounted). A worker that was never started
   * holds nothing, so this does not start one.
   */
  release(scope: string): void {
    if (!this.rpc) return;
    this.call('release', { scope }).catch(() => undefined);
  }

  private ensureWorker(): RpcClient<EscrowLabContract> {
    if (this.rpc) return this.rpc;
    const worker = this.createWorker();
    // Added before the RpcClient's own listener, so pending calls fail with this reason. The next
    // call starts a fresh worker (the dead one's scopes are gone with it).
    const onError = (event: RpcEndpointEvent) => {
      event.preventDefault?.();
      if (this.worker !== worker) return;
      this.stop(new RpcError('endpoint-closed', event.message || 'it could not be loaded'));
    };
    worker.addEventListener('error', onError);
    const rpc = new RpcClient(escrowLabContract, worker);
    this.worker = worker;
    this.rpc = rpc;
    return rpc;
  }

  private stop(reason: RpcError): void {
    const rpc = this.rpc;
    this.worker?.terminate();
    this.worker = null;
    this.rpc = null;
    rpc?.close(reason);
  }
}
