'use client';
/**
 * The page's checker: one checker worker (checker.worker.ts) shared by every exercise on the page,
 * started on the first run's checks and replaced when a run's checks pass their time limit
 * (lib/sandbox/checker-client.ts).
 */
import type { CheckRegistryName } from '@/lib/sandbox/checker-contract';
import { CheckerClient, type CheckerWorker } from '@/lib/sandbox/checker-client';
import type { ExerciseChecker } from '@/lib/store/exercise-store';

/** Creates the worker. Bundlers make it a classic worker (platform-pitfalls.md §8). */
function spawnCheckerWorker(): CheckerWorker {
  return new Worker(new URL('./checker.worker.ts', import.meta.url), { name: 'checker' });
}

let shared: CheckerClient | null = null;

/** A checker for the store that runs the checks in the page's checker worker, with `registry`'s custom checks. */
export function workerChecker(registry: CheckRegistryName): ExerciseChecker {
  return (checks, outcome, expected) => {
    shared ??= new CheckerClient(spawnCheckerWorker);
    return shared.check({ registry, checks, outcome, expected });
  };
}
