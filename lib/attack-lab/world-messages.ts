/**
 * The world worker's contract (lib/worker-rpc): each procedure's request, result and progress
 * schemas, and every type the page and the worker share, inferred from those schemas. A generated
 * world is large and holds every secret, so it stays inside the worker, named by an id; only
 * summaries, outcomes and the few bytes a view shows cross the boundary, and both sides check each
 * message against this table (DESIGN.md: worker messages are outside input). What a scenario
 * takes and returns (the comparison, the forgery, progress) is defined by the scenario in
 * lib/scenarios and only assembled into procedures here: the layers run attack-lab → scenarios.
 *
 * zod/mini keeps the page's bundle small (the same reason lib/lessons/progress.ts uses it). The
 * two big row lists (schedule and outcomes: 10,000 rows each for the benchmark world) travel as
 * checked columns (world-messages-rows.ts) and arrive decoded as the same row types.
 * @module
 */
import * as z from 'zod/mini';
import type { Capability } from '@/lib/protocol/capability';
import { defineContract } from '@/lib/worker-rpc/rpc-contract';
import { RpcError, describeIssues } from '@/lib/worker-rpc/rpc-error';
import { capabilitySchema, exposureCountsSchema, lootNoteSummarySchema } from '@/lib/scenarios/attack';
import { forgeResultSchema, keylessForgerySchema } from '@/lib/scenarios/forgery';
import { outcomeCountsSchema, workerProgressSchema } from '@/lib/scenarios/run-controls';
import { bytes, count, escrowOptionsSchema, list, participantId, simTime } from '@/lib/scenarios/scenario-fields';
import { compareOptionsSchema, comparisonResultSchema } from '@/lib/scenarios/three-worlds';
import { rowTable } from './world-messages-rows';

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

/** Largest world the worker agrees to build (the benchmark uses 10,000 messages). */
const MAX_WORLD_MESSAGES = 20_000;

/** What to generate: the seed and sizes of lib/protocol/world.ts. Bounded so a typo cannot make the worker build a world for an hour. */
export const worldGenerateOptionsSchema = z.strictObject({
  seed: z.string().check(z.minLength(1), z.maxLength(100)),
  people: z.optional(z.int().check(z.minimum(2), z.maximum(16))),
  conversations: z.optional(z.int().check(z.minimum(1), z.maximum(120))),
  messages: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_WORLD_MESSAGES))),
  durationMinutes: z.optional(z.int().check(z.minimum(60), z.maximum(366 * 1440))),
  mode: z.optional(z.enum(['static', 'ratchet'])),
  escrow: z.optional(z.nullable(escrowOptionsSchema)),
});

const capabilities = list(capabilitySchema).check(z.maxLength(32));

/** Checks capabilities built on the page before posting them (the same check the worker runs). */
export function parseCapabilities(value: unknown): Capability[] {
  const result = z.safeParse(z.array(capabilitySchema), value);
  if (!result.success) throw new RpcError('bad-request', `capabilities: ${describeIssues(result.error.issues)}`);
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// Requests and results
// ---------------------------------------------------------------------------------------------

/** The learner's own message, sent into a world through the real send path. */
export const learnerMessageSchema = z.strictObject({
  sender: participantId,
  recipient: participantId,
  text: z.string().check(z.minLength(1), z.maxLength(500)),
});

/** Options of an attack run. */
export const attackOptionsSchema = z.strictObject({
  /** Envelopes per progress report (default: about 40 reports per run, at least 25 envelopes each). */
  chunkSize: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_WORLD_MESSAGES))),
  /** Width of the exposure matrix's time buckets in minutes (default: the world split into about 6). */
  bucketMinutes: z.optional(z.int().check(z.minimum(1), z.maximum(2 ** 40))),
  /** Split exposure before/after this minute (default: the first device theft, if any). */
  splitAt: z.optional(simTime),
});

/** One message of the world's schedule: the god view (who, when, what); `learner` marks the learner's own. */
export const scheduleRowSchema = z.strictObject({
  seq: count,
  conversationId: z.string(),
  sender: z.string(),
  recipient: z.string(),
  sentAt: simTime,
  text: z.string(),
  learner: z.boolean(),
});
/** The schedule as it travels (columns). */
export const scheduleTable = rowTable(scheduleRowSchema, {
  seq: 'int',
  conversationId: 'string',
  sender: 'string',
  recipient: 'string',
  sentAt: 'int',
  text: 'string',
  learner: 'boolean',
});

const outcomeKinds = ['opened', 'tag-failed', 'no-key', 'outside-warrant'] as const;
/** One captured envelope and what the attacker's decryption did with it: the text when opened, the key that opened it or the keys tried. */
export const outcomeRowSchema = z.strictObject({
  seq: count,
  kind: z.enum(outcomeKinds),
  sender: z.string(),
  recipient: z.string(),
  conversationId: z.string(),
  sentAt: simTime,
  plaintext: z.optional(z.string()),
  key: z.optional(z.string()),
});
/** Outcome rows as they travel (columns). */
export const outcomeTable = rowTable(outcomeRowSchema, {
  seq: 'int',
  kind: outcomeKinds,
  sender: 'string',
  recipient: 'string',
  conversationId: 'string',
  sentAt: 'int',
  plaintext: 'optional-string',
  key: 'optional-string',
});

/** What anyone may know about an escrow arrangement, plus who holds which kind of piece (no piece bytes). */
const escrowSummarySchema = z.strictObject({
  variant: z.enum(['single', 'xor-2-of-2', 'shamir', 'two-governments']),
  enabledAt: simTime,
  epochMinutes: z.number(),
  piecesNeeded: count,
  authorities: list(z.strictObject({ id: z.string(), name: z.string(), publicKey: bytes })),
  agencies: list(
    z.strictObject({
      agencyId: z.string(),
      agencyName: z.string(),
      authorityId: z.string(),
      kind: z.enum(['whole-key', 'xor-half', 'shamir-share']),
    }),
  ),
});

const conversationSummarySchema = z.strictObject({
  id: z.string(),
  initiator: z.string(),
  responder: z.string(),
  topic: z.string(),
  messages: count,
});

/** A generated world as the page sees it (the world itself stays in the worker); `generateMs` is measured in the worker. */
const worldSummarySchema = z.strictObject({
  worldId: z.string(),
  seed: z.string(),
  mode: z.enum(['static', 'ratchet']),
  durationMinutes: z.number(),
  participants: list(z.strictObject({ id: z.string(), name: z.string(), identityPublicKey: bytes })),
  conversations: list(conversationSummarySchema),
  schedule: scheduleTable.schema,
  /** `escrowed`: envelopes carrying an escrow field; `ciphertextBytes`: ciphertext ‖ tag on the wire. */
  counts: z.strictObject({
    people: count,
    conversations: count,
    messages: count,
    escrowed: count,
    ciphertextBytes: count,
  }),
  endsAt: simTime,
  escrow: z.nullable(escrowSummarySchema),
  timing: z.strictObject({ generateMs: z.number() }),
});

/** The learner's message after the sender's client, the relay and the recipient's client (`delivered`: what the recipient opened). */
const learnerMessageResultSchema = z.strictObject({
  row: scheduleRowSchema,
  delivered: z.string(),
  escrowed: z.boolean(),
  ciphertext: bytes,
  summary: worldSummarySchema,
});

/** One item in the attacker's wallet, with the real key bytes where one key is the point. */
const lootItemSchema = z.strictObject({
  kind: z.enum(['device', 'escrow-key']),
  label: z.string(),
  detail: z.string(),
  keyName: z.string(),
  keyBytes: bytes,
});
/** The wallet: what the loot capabilities yield, before any decryption. */
const lootResultSchema = z.strictObject({ items: list(lootItemSchema), notes: list(lootNoteSummarySchema) });

const matrixCellSchema = z.strictObject({ opened: count, tagFailed: count, total: count });
/** One row of the exposure matrix: a user or a conversation, by time bucket and before/after a split. */
const matrixRowSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  cells: list(matrixCellSchema),
  before: z.nullable(matrixCellSchema),
  after: z.nullable(matrixCellSchema),
  total: matrixCellSchema,
});
/** Users × time and conversations × time, counted from the decryption outcomes. */
const exposureMatrixSchema = z.strictObject({
  buckets: list(z.strictObject({ from: simTime, to: simTime })),
  splitAt: z.nullable(simTime),
  users: list(matrixRowSchema),
  conversations: list(matrixRowSchema),
});

/**
 * Everything an attack run produced. Timings are measured in the worker: `decryptMs` is the wall
 * time of the whole decryption (yields included), `decryptBusyMs` the time spent decrypting, summed
 * over `decryptWorkers` workers (2 when a helper took half, so it can exceed the wall time).
 */
const attackResultSchema = z.strictObject({
  worldId: z.string(),
  cancelled: z.boolean(),
  capture: z.strictObject({ envelopes: count, sources: list(z.string()) }),
  loot: lootResultSchema,
  counts: outcomeCountsSchema,
  rows: outcomeTable.schema,
  exposure: z.strictObject({
    totals: exposureCountsSchema,
    split: z.nullable(z.strictObject({ at: simTime, before: exposureCountsSchema, after: exposureCountsSchema })),
    exposedUsers: list(z.string()),
    exposedConversations: list(z.string()),
    matrix: exposureMatrixSchema,
  }),
  timing: z.strictObject({
    captureMs: z.number(),
    lootMs: z.number(),
    decryptMs: z.number(),
    decryptBusyMs: z.number(),
    decryptWorkers: z.int().check(z.minimum(1), z.maximum(2)),
    exposureMs: z.number(),
  }),
});

const worldRef = { worldId: z.string().check(z.maxLength(64)) };

/** The world worker's procedures. */
export const worldContract = defineContract({
  generate: {
    request: z.strictObject({ options: worldGenerateOptionsSchema }),
    result: worldSummarySchema,
    progress: workerProgressSchema,
  },
  send: { request: z.strictObject({ ...worldRef, message: learnerMessageSchema }), result: learnerMessageResultSchema },
  attack: {
    request: z.strictObject({ ...worldRef, capabilities, options: attackOptionsSchema }),
    result: attackResultSchema,
    progress: workerProgressSchema,
  },
  loot: { request: z.strictObject({ ...worldRef, capabilities }), result: lootResultSchema },
  compare: {
    request: z.strictObject({ options: compareOptionsSchema }),
    result: comparisonResultSchema,
    progress: workerProgressSchema,
  },
  forge: {
    request: z.strictObject({
      ...worldRef,
      seq: count,
      newText: z.string().check(z.minLength(1), z.maxLength(500)),
      keyless: z.optional(keylessForgerySchema),
      authorityId: z.optional(z.string().check(z.maxLength(64))),
    }),
    result: forgeResultSchema,
  },
  dispose: { request: z.strictObject(worldRef), result: z.strictObject({ disposed: z.boolean() }) },
});

/** Options of a world to generate. */
export type WorldGenerateOptions = z.input<typeof worldGenerateOptionsSchema>;
/** The learner's message. */
export type LearnerMessage = z.infer<typeof learnerMessageSchema>;
/** Attack options. */
export type AttackOptions = z.infer<typeof attackOptionsSchema>;
/** A schedule row. */
export type ScheduleRow = z.infer<typeof scheduleRowSchema>;
/** An outcome row. */
export type OutcomeRow = z.infer<typeof outcomeRowSchema>;
/** A conversation with its message count. */
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;
/** The public part of a world's escrow. */
export type EscrowSummary = z.infer<typeof escrowSummarySchema>;
/** A world as the page sees it. */
export type WorldSummary = z.output<typeof worldSummarySchema>;
/** The learner's message, delivered. */
export type LearnerMessageResult = z.output<typeof learnerMessageResultSchema>;
/** A wallet item. */
export type LootItem = z.infer<typeof lootItemSchema>;
/** The wallet. */
export type LootResult = z.infer<typeof lootResultSchema>;
/** One exposure matrix cell. */
export type MatrixCell = z.infer<typeof matrixCellSchema>;
/** One exposure matrix row. */
export type MatrixRow = z.infer<typeof matrixRowSchema>;
/** The exposure matrix. */
export type ExposureMatrix = z.infer<typeof exposureMatrixSchema>;
/** An attack run's result. */
export type AttackResult = z.output<typeof attackResultSchema>;
