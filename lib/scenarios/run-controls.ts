/**
 * How a long scenario run talks to whoever hosts it (the world worker, a test): progress out,
 * cancel in, and a pause that lets a cancel arrive. The progress report's schema is here because
 * the scenarios produce it; the world contract (lib/attack-lab/world-messages.ts) checks it with
 * this schema as it crosses to the page.
 * @module
 */
import * as z from 'zod/mini';
import { count } from './scenario-fields';

/** Running decryption outcomes (lib/protocol/decrypt-capture.ts OutcomeCounts). */
export const outcomeCountsSchema = z.strictObject({
  opened: count,
  tagFailed: count,
  noKey: count,
  outsideWarrant: count,
});

/** Progress of a long operation. Attack phases carry running counts. */
export const workerProgressSchema = z.strictObject({
  phase: z.enum(['generate', 'loot', 'decrypt', 'retry-with-recovered-keys', 'compare']),
  done: z.number(),
  total: z.number(),
  label: z.optional(z.string()),
  counts: z.optional(outcomeCountsSchema),
});

/** Progress of a long operation. */
export type WorkerProgress = z.infer<typeof workerProgressSchema>;

/** How a long run talks to its host: progress out, cancel in, and a pause that lets messages in. */
export interface RunControls {
  readonly onProgress: (progress: WorkerProgress) => void;
  readonly isCancelled: () => boolean;
  /** Resolves after pending messages (a cancel) have been handled. */
  readonly pause: () => Promise<void>;
}

/**
 * Thrown by a run that stops between steps because its host cancelled it. The world host maps it
 * to the RPC's `cancelled` code (lib/attack-lab/world-host.ts), so it reaches the page as the
 * RPC's CancelledError: the class is matched, never its name or message.
 */
export class RunCancelledError extends Error {}
