/**
 * The design lab worker's contract (lib/worker-rpc): the computations of the evasion step, the
 * mitigations lesson and the ghost-user lesson, each a stateless procedure. They cost from a few
 * to a few hundred milliseconds of X25519, ristretto255 and Ed25519 work, which would stall the
 * page, so they run in a Web Worker; only what the widgets display crosses back, checked here.
 * zod/mini keeps the page's bundle small, as in lib/escrow-lab/escrow-lab-messages.ts.
 * @module
 */
import * as z from 'zod/mini';
import { defineContract } from '@/lib/worker-rpc/rpc-contract';

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');
const count = z.int().check(z.minimum(0));
const list = <T extends z.ZodMiniType>(item: T) => z.readonly(z.array(item));
const text = z.string().check(z.maxLength(500));
const seed = z.optional(z.string().check(z.maxLength(64)));

const deliverySchema = z.discriminatedUnion('accepted', [
  z.strictObject({ accepted: z.literal(true), plaintext: z.string() }),
  z.strictObject({ accepted: z.literal(false), reason: z.enum(['tag-failed', 'rejected']), message: z.string() }),
]);

/** One sender's message and what Bob and the authority made of it (lib/scenarios/evasion.ts). */
const evasionRunSchema = z.strictObject({
  client: z.enum(['compliant', 'dropped', 'garbled']),
  escrowFieldBytes: count,
  wrappedKey: z.nullable(bytes),
  recipient: deliverySchema,
  authority: z.strictObject({ covered: z.boolean(), plaintext: z.nullable(z.string()), detail: z.string() }),
});

/** The escrow designs (lib/scenarios/mitigation-world.ts). */
const mitigationIdSchema = z.enum(['none', 'rotation', 'per-user', 'decryption-only', 'threshold', 'public-log']);

const tallySchema = z.strictObject({ opened: count, total: count });

/** One design's run, without the per-message list (lib/scenarios/mitigations.ts). */
const mitigationReportSchema = z.strictObject({
  mitigation: mitigationIdSchema,
  stolen: z.string(),
  total: count,
  opened: count,
  before: tallySchema,
  after: tallySchema,
  conversations: list(z.strictObject({ conversationId: z.string(), opened: count, total: count })),
  forgery: z.strictObject({ targetSeq: count, text: z.string(), accepted: z.boolean(), detail: z.string() }),
  log: z.nullable(
    z.strictObject({
      entries: list(
        z.strictObject({
          index: count,
          messageSeq: count,
          conversationId: z.string(),
          openedAt: count,
          requester: z.string(),
          warrantId: z.nullable(z.string()),
          hash: z.string(),
        }),
      ),
      intact: z.boolean(),
      withoutWarrant: count,
    }),
  ),
});

/** The ghost scene as the widget shows it (lib/scenarios/ghost-group.ts). */
const ghostSceneSchema = z.strictObject({
  holder: z.enum(['authority', 'thief']),
  signedMembership: z.boolean(),
  rosterBefore: list(z.string()),
  rosterUsed: list(z.string()),
  addition: z.strictObject({ accepted: z.boolean(), reason: z.string() }),
  notices: list(z.string()),
  safetyNumberBefore: z.string(),
  safetyNumberAfter: z.string(),
  wrappedTo: list(z.string()),
  reads: list(z.strictObject({ id: z.string(), text: z.nullable(z.string()) })),
});

/** The design lab's procedures. `seed`, in seeded (demo) mode, is what every random value derives from. */
export const designLabContract = defineContract({
  evasion: {
    request: z.strictObject({ seed, text }),
    result: z.strictObject({ runs: list(evasionRunSchema) }),
  },
  mitigation: {
    request: z.strictObject({
      seed,
      design: mitigationIdSchema,
      agenciesRobbed: z.union([z.literal(1), z.literal(2)]),
    }),
    result: mitigationReportSchema,
  },
  ghost: {
    request: z.strictObject({ seed, signedMembership: z.boolean(), holder: z.enum(['authority', 'thief']), text }),
    result: ghostSceneSchema,
  },
});

/** One sender's run of the evasion step. */
export type EvasionRunReply = z.output<typeof evasionRunSchema>;
/** One design's run. */
export type MitigationReply = z.output<typeof mitigationReportSchema>;
/** The ghost scene. */
export type GhostReply = z.output<typeof ghostSceneSchema>;
