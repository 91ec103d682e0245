/**
 * The zod fields that the scenarios' inputs and results are built from (a participant id, a
 * simulated minute, a count, bytes, a read-only list) and the escrow arrangement of a world to
 * generate. They check data where it crosses a worker boundary (lib/attack-lab/world-messages.ts
 * builds the world contract from the scenarios' schemas), so each is bounded.
 * zod/mini keeps the page's bundle small (the same reason lib/lessons/progress.ts uses it).
 * @module
 */
import * as z from 'zod/mini';

/** A participant's id in a generated world. */
export const participantId = z.string().check(z.minLength(1), z.maxLength(32));
/** A simulated minute (lib/protocol/sim-time.ts). */
export const simTime = z.int().check(z.minimum(0), z.maximum(2 ** 40));
/** An id of an authority or agency. */
export const id64 = z.string().check(z.minLength(1), z.maxLength(64));
/** Bytes, as structured clone delivers them. */
export const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');
/** A count of messages, envelopes or people. */
export const count = z.int().check(z.minimum(0));
/** Lists arrive read-only, as the producers' types have them. */
export const list = <T extends z.ZodMiniType>(item: T) => z.readonly(z.array(item));

/** The escrow arrangement of a world to generate (lib/protocol/escrow-setup.ts). */
export const escrowOptionsSchema = z.strictObject({
  variant: z.optional(z.enum(['single', 'xor-2-of-2', 'shamir', 'two-governments'])),
  enabledAt: z.optional(simTime),
  epochMinutes: z.optional(z.int().check(z.minimum(1), z.maximum(2 ** 40))),
  shamir: z.optional(
    z.strictObject({
      shares: z.int().check(z.minimum(2), z.maximum(7)),
      threshold: z.int().check(z.minimum(2), z.maximum(7)),
    }),
  ),
});
