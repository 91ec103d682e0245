/**
 * The page's handle on the checker worker (checker-contract.ts): runs an exercise's checks there,
 * with a time limit of their own. A check that takes longer (a learner value that makes a check
 * slow) gets the worker terminated and every check of that run failed with a message saying so; the
 * next call starts a fresh worker. Framework-free: the page supplies the worker
 * (app/_components/exercise/page-checker.ts), Node tests an in-process endpoint.
 * @module
 */
import { RpcClient } from '../worker-rpc/rpc-client';
import type { RpcEndpoint } from '../worker-rpc/rpc-endpoint';
import { RpcError } from '../worker-rpc/rpc-error';
import { checkerContract, type CheckRegistryName } from './checker-contract';
import type { CheckSpec, ExpectedValues } from './exercise-spec';
import type { RunOutcome } from './protocol';
import { failAllChecks, type CheckResult } from './run-checks';

/** The checks' own time limit (the learner's code had its own before). */
const CHECK_TIME_LIMIT_MS = 5000;

/** A worker as the client uses it (a `Worker` fits). */
export interface CheckerWorker extends RpcEndpoint {
  terminate(): void;
}

/** What to check. */
export interface CheckRequest {
  readonly registry: CheckRegistryName;
  readonly checks: readonly CheckSpec[];
  readonly outcome: RunOutcome;
  readonly expected: ExpectedValues;
}

/** The message for checks stopped at their time limit. */
function checkTimeLimitMessage(timeLimitMs: number): string {
  return `Not checked: the checks took longer than ${(timeLimitMs / 1000).toFixed(1)} s on the values your code returned, and were stopped. Return smaller values (what the exercise asks for).`;
}

/** Runs checks in a worker, one worker reused across runs until a limit or failure replaces it. */
export class CheckerClient {
  private worker: CheckerWorker | null = null;
  private rpc: RpcClient<typeof checkerContract> | null = null;

  constructor(
    private readonly createWorker: () => CheckerWorker,
    private readonly timeLimitMs = CHECK_TIME_LIMIT_MS,
  ) {}

  /** The checks' results; never rejects (a failure fails every check, with the reason). */
  async check(request: CheckRequest): Promise<CheckResult[]> {
    const rpc = this.ensureWorker();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<'time-limit'>((resolve) => {
      timer = setTimeout(() => resolve('time-limit'), this.timeLimitMs);
    });
    try {
      const answer = await Promise.race([rpc.call('runChecks', { ...request, checks: [...request.checks] }), limit]);
      if (answer !== 'time-limit') return answer;
      this.dispose();
      return failAllChecks(request.checks, checkTimeLimitMessage(this.timeLimitMs));
    } catch (error) {
      this.dispose();
      const why = error instanceof RpcError || error instanceof Error ? error.message : String(error);
      return failAllChecks(
        request.checks,
        `Not checked: the checker failed (${why.slice(0, 300)}). Run your code again.`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /** Terminates the worker (pending checks fail); the next call starts a new one. */
  dispose(): void {
    this.rpc?.close(new RpcError('endpoint-closed', 'the checker was stopped'));
    this.worker?.terminate();
    this.rpc = null;
    this.worker = null;
  }

  private ensureWorker(): RpcClient<typeof checkerContract> {
    if (!this.rpc) {
      this.worker = this.createWorker();
      this.rpc = new RpcClient(checkerContract, this.worker);
    }
    return this.rpc;
  }
}
