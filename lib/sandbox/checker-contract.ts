/**
 * The checker worker's contract (lib/worker-rpc): the page hands a finished run's outcome to a
 * trusted worker of its own, which runs the exercise's checks (run-checks.ts) there, off the main
 * thread, so no value a learner returns can keep the page from answering a click. The worker is our
 * code only (same origin, from the app's bundle); learner code never runs in it.
 *
 * The request's `checks`, `outcome` and `expected` are the page's own data (the exercise spec and the
 * run report it already checked), so they travel as `unknown` and are typed again by the client; the
 * result, which the page shows, is checked on arrival.
 * @module
 */
import * as z from 'zod/mini';
import { defineContract } from '../worker-rpc/rpc-contract';

/** The check registries the worker holds, by name: functions cannot cross to a worker. */
export const CHECK_REGISTRY_NAMES = ['default', 'lessons'] as const;

/** One of {@link CHECK_REGISTRY_NAMES}. */
export type CheckRegistryName = (typeof CHECK_REGISTRY_NAMES)[number];

/** Longest check message the page accepts (run-checks.ts bounds them well below this). */
const MAX_CHECK_MESSAGE_CHARS = 4000;

const checkResultSchema = z.strictObject({
  id: z.string().check(z.maxLength(200)),
  description: z.string().check(z.maxLength(MAX_CHECK_MESSAGE_CHARS)),
  pass: z.boolean(),
  message: z.string().check(z.maxLength(MAX_CHECK_MESSAGE_CHARS)),
});

/** The procedures of the checker worker. */
export const checkerContract = defineContract({
  runChecks: {
    request: z.strictObject({
      registry: z.enum(CHECK_REGISTRY_NAMES),
      checks: z.array(z.unknown()),
      outcome: z.unknown(),
      expected: z.unknown(),
    }),
    result: z.array(checkResultSchema).check(z.maxLength(200)),
  },
});
