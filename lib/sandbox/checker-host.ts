/**
 * The checker worker's side (see checker-contract.ts): answers `runChecks` with the very function
 * Node's `lessons:check` and the tests call (run-checks.ts), against the registry the page names.
 * The worker file (app/_components/exercise/checker.worker.ts) only wires this to its scope.
 * @module
 */
import type { RpcEndpoint } from '../worker-rpc/rpc-endpoint';
import { serveContract, type RpcHost } from '../worker-rpc/rpc-host';
import type { CheckRegistry } from './check-registry';
import { checkerContract, type CheckRegistryName } from './checker-contract';
import type { CheckSpec, ExpectedValues } from './exercise-spec';
import type { RunOutcome } from './protocol';
import { runChecks } from './run-checks';

/** Serves the checker contract on `endpoint` with `registries`. */
export function serveChecker(
  endpoint: RpcEndpoint,
  registries: Readonly<Record<CheckRegistryName, CheckRegistry>>,
): RpcHost {
  return serveContract(
    checkerContract,
    {
      // The page's own data (checker-contract.ts), typed again here.
      runChecks: ({ registry, checks, outcome, expected }) =>
        runChecks(checks as CheckSpec[], outcome as RunOutcome, expected as ExpectedValues, registries[registry]),
    },
    endpoint,
  );
}
