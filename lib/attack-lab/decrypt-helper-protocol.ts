/**
 * The decryption helper's contract (lib/worker-rpc) and the constants the page, the world worker
 * and the helper agree on. Kept apart from decrypt-helper.ts so the page's world client imports
 * these constants without the decryption code.
 *
 * The helper's peer is our own world worker, not the page, and a request carries thousands of
 * captured envelopes and the loot's keys: a schema for every envelope would cost as much time as
 * the split is meant to save. So capture, loot and report are checked by shape (the lists are lists,
 * the counts are counts) and typed by lib/protocol's own types; the small fields fully.
 * @module
 */
import * as z from 'zod/mini';
import type { Capture, Loot } from '@/lib/protocol/capability';
import type { DecryptionReport } from '@/lib/protocol/decrypt-capture';
import type { Warrant } from '@/lib/protocol/warrant';
import { defineContract } from '@/lib/worker-rpc/rpc-contract';

/** What the page posts to the world worker, with the port to the helper, to connect the two. */
export const DECRYPT_HELPER_PORT_MESSAGE = 'backdoor-lab:decrypt-helper-port';

/** Below this many envelopes, sending half to the helper costs more than it saves. */
export const PARALLEL_DECRYPT_MIN_ENVELOPES = 1500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const count = z.int().check(z.minimum(0));
const outcomeCounts = z.strictObject({ opened: count, tagFailed: count, noKey: count, outsideWarrant: count });

const captureShape = z.custom<Capture>(
  (v) => isObject(v) && Array.isArray(v.records) && Array.isArray(v.sources) && isObject(v.directory),
  'expected a capture',
);
const lootShape = z.custom<Loot>(
  (v) => isObject(v) && Array.isArray(v.devices) && Array.isArray(v.escrowKeys),
  'expected loot',
);
const reportShape = z.custom<DecryptionReport>(
  (v) =>
    isObject(v) &&
    Array.isArray(v.outcomes) &&
    typeof v.cancelled === 'boolean' &&
    z.safeParse(outcomeCounts, v.counts).success,
  'expected a decryption report',
);
const warrantShape = z.custom<Warrant>(
  (v) => isObject(v) && typeof v.target === 'string' && Number.isSafeInteger(v.from) && Number.isSafeInteger(v.to),
  'expected a warrant',
);

/** The helper's one procedure: decrypt one part of a capture, in chunks, with progress and cancel. */
export const decryptHelperContract = defineContract({
  decrypt: {
    request: z.strictObject({
      capture: captureShape,
      loot: lootShape,
      chunkSize: z.int().check(z.minimum(1)),
      warrant: z.optional(warrantShape),
    }),
    result: z.strictObject({ report: reportShape, busyMs: z.number() }),
    progress: z.strictObject({ done: count, counts: outcomeCounts }),
  },
});
