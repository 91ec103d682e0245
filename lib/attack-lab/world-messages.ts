/**
 * The messages between the page and the world worker (app/_components/world/world.worker.ts), and
 * the checks both sides run on them. A generated world is large and holds every secret, so it
 * stays inside the worker, named by an id; only summaries, outcomes and the few bytes a view shows
 * cross the boundary. Everything arriving from the other side is `unknown` until one of the
 * parsers here accepts it (DESIGN.md: worker messages are outside input).
 *
 * zod/mini keeps the page's bundle small (the same reason lib/lessons/progress.ts uses it). The
 * big arrays (schedule rows, outcome rows: 10,000 of them for the benchmark world) are checked by
 * hand-written guards, which cost a few milliseconds on the main thread instead of tens.
 * @module
 */
import * as z from 'zod/mini';
import type { ExposureCounts } from '@/lib/protocol/blast-radius';
import type { Capability } from '@/lib/protocol/capability';
import type { OutcomeCounts } from '@/lib/protocol/decrypt-capture';
import type { KeyAgreementMode } from '@/lib/protocol/envelope-header';
import type { EscrowKeyPieceKind, EscrowOptions, EscrowVariant } from '@/lib/protocol/escrow-setup';
import type { ParticipantId } from '@/lib/protocol/participant';
import type { SimTime } from '@/lib/protocol/sim-time';
import type { Warrant } from '@/lib/protocol/warrant';

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

/** Largest world the worker agrees to build (the benchmark uses 10,000 messages). */
export const MAX_WORLD_MESSAGES = 20_000;

const participantId = z.string().check(z.minLength(1), z.maxLength(32));
const simTime = z.int().check(z.minimum(0), z.maximum(2 ** 40));

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

/** What to generate. Sizes are bounded so a typo cannot make the worker build a world for an hour. */
export const worldGenerateOptionsSchema = z.strictObject({
  seed: z.string().check(z.minLength(1), z.maxLength(100)),
  people: z.optional(z.int().check(z.minimum(2), z.maximum(16))),
  conversations: z.optional(z.int().check(z.minimum(1), z.maximum(120))),
  messages: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_WORLD_MESSAGES))),
  durationMinutes: z.optional(z.int().check(z.minimum(60), z.maximum(366 * 1440))),
  mode: z.optional(z.enum(['static', 'ratchet'])),
  escrow: z.optional(z.nullable(escrowOptionsSchema)),
});

/** Options of {@link WorldGenerateOptions}: the seed and sizes of lib/protocol/world.ts. */
export interface WorldGenerateOptions {
  readonly seed: string;
  readonly people?: number;
  readonly conversations?: number;
  readonly messages?: number;
  readonly durationMinutes?: number;
  readonly mode?: KeyAgreementMode;
  readonly escrow?: EscrowOptions | null;
}

const scenario = z.enum(['insider', 'breach', 'phishing']);

/** One attacker capability (lib/protocol/capability.ts), as it arrives from the page. */
export const capabilitySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('tap-wire'), link: z.optional(participantId), from: z.optional(simTime), to: z.optional(simTime) }),
  z.strictObject({ kind: z.literal('take-over-server'), until: z.optional(simTime) }),
  z.strictObject({ kind: z.literal('steal-device'), participant: participantId, at: simTime }),
  z.strictObject({ kind: z.literal('steal-escrow-key'), scenario, authorityId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))) }),
  z.strictObject({
    kind: z.literal('steal-key-pieces'),
    agencies: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(16)),
    corrupt: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(16))),
  }),
]);

const warrantSchema = z.strictObject({
  target: participantId,
  from: simTime,
  to: simTime,
  issuedBy: z.string().check(z.minLength(1), z.maxLength(200)),
});

// ---------------------------------------------------------------------------------------------
// Requests (page -> worker)
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

/** Options of the three-world comparison (the blast radius). */
export const compareOptionsSchema = z.strictObject({
  seed: z.string().check(z.minLength(1), z.maxLength(100)),
  people: z.optional(z.int().check(z.minimum(2), z.maximum(16))),
  conversations: z.optional(z.int().check(z.minimum(1), z.maximum(120))),
  messages: z.optional(z.int().check(z.minimum(1), z.maximum(5000))),
  durationMinutes: z.optional(z.int().check(z.minimum(60), z.maximum(366 * 1440))),
  /** Escrow of the third world (default one authority, on from the start). */
  escrow: z.optional(escrowOptionsSchema),
  /** Whose phone is stolen (default the second participant, Bob). */
  victim: z.optional(participantId),
  /** When the phone and the escrow key are stolen (default: half-way). */
  compromiseAt: z.optional(simTime),
  /** Text the thief forges in each world. */
  forgedText: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
});

/** How a keyless forger tries: XOR the ciphertext (knowing the old text), or seal under a key of its own. */
export const keylessForgerySchema = z.enum(['edit-ciphertext', 'random-key']);

/** Every request the worker accepts. `id` pairs a request with its progress, result or error. */
export const workerRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('generate'), id: z.int(), options: worldGenerateOptionsSchema }),
  z.strictObject({ type: z.literal('send'), id: z.int(), worldId: z.string(), message: learnerMessageSchema }),
  z.strictObject({
    type: z.literal('attack'),
    id: z.int(),
    worldId: z.string(),
    capabilities: z.array(capabilitySchema).check(z.maxLength(32)),
    options: attackOptionsSchema,
  }),
  z.strictObject({ type: z.literal('loot'), id: z.int(), worldId: z.string(), capabilities: z.array(capabilitySchema).check(z.maxLength(32)) }),
  z.strictObject({ type: z.literal('compare'), id: z.int(), options: compareOptionsSchema }),
  z.strictObject({
    type: z.literal('forge'),
    id: z.int(),
    worldId: z.string(),
    seq: z.int().check(z.minimum(0)),
    newText: z.string().check(z.minLength(1), z.maxLength(500)),
    keyless: z.optional(keylessForgerySchema),
    authorityId: z.optional(z.string().check(z.maxLength(64))),
  }),
  z.strictObject({ type: z.literal('warrant'), id: z.int(), worldId: z.string(), warrant: warrantSchema, beyond: z.boolean() }),
  z.strictObject({
    type: z.literal('recover-key'),
    id: z.int(),
    worldId: z.string(),
    agencies: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(16)),
    corrupt: z.optional(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(16))),
  }),
  z.strictObject({ type: z.literal('cancel'), id: z.int() }),
  z.strictObject({ type: z.literal('dispose'), id: z.int(), worldId: z.string() }),
]);

/** A request to the worker. */
export type WorkerRequest = z.infer<typeof workerRequestSchema>;
/** The learner's message. */
export type LearnerMessage = z.infer<typeof learnerMessageSchema>;
/** Attack options. */
export type AttackOptions = z.infer<typeof attackOptionsSchema>;
/** Comparison options. */
export type CompareOptions = z.infer<typeof compareOptionsSchema>;
/** How a forger without the key tries. */
export type KeylessForgery = z.infer<typeof keylessForgerySchema>;

/** Checks a request that arrived in the worker; throws a RangeError naming the bad field. */
export function parseWorkerRequest(value: unknown): WorkerRequest {
  const result = z.safeParse(workerRequestSchema, value);
  if (!result.success) throw new RangeError(`world worker: bad request: ${describeIssues(result.error.issues)}`);
  return result.data;
}

/** Checks capabilities built on the page before posting them (the same check the worker runs). */
export function parseCapabilities(value: unknown): Capability[] {
  const result = z.safeParse(z.array(capabilitySchema), value);
  if (!result.success) throw new RangeError(`capabilities: ${describeIssues(result.error.issues)}`);
  return result.data as Capability[];
}

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

// ---------------------------------------------------------------------------------------------
// Results (worker -> page)
// ---------------------------------------------------------------------------------------------

/** One message of the world's schedule: the god view (who, when, what). */
export interface ScheduleRow {
  readonly seq: number;
  readonly conversationId: string;
  readonly sender: ParticipantId;
  readonly recipient: ParticipantId;
  readonly sentAt: SimTime;
  readonly text: string;
  /** True for a message the learner sent into the world. */
  readonly learner: boolean;
}

/** A conversation with its message count. */
export interface ConversationSummary {
  readonly id: string;
  readonly initiator: ParticipantId;
  readonly responder: ParticipantId;
  readonly topic: string;
  readonly messages: number;
}

/** What anyone may know about an escrow arrangement, plus who holds which kind of piece (no piece bytes). */
export interface EscrowSummary {
  readonly variant: EscrowVariant;
  readonly enabledAt: SimTime;
  readonly epochMinutes: number;
  readonly piecesNeeded: number;
  readonly authorities: readonly { readonly id: string; readonly name: string; readonly publicKey: Uint8Array }[];
  readonly agencies: readonly { readonly agencyId: string; readonly agencyName: string; readonly authorityId: string; readonly kind: EscrowKeyPieceKind }[];
}

/** A generated world as the page sees it. The world itself stays in the worker. */
export interface WorldSummary {
  readonly worldId: string;
  readonly seed: string;
  readonly mode: KeyAgreementMode;
  readonly durationMinutes: number;
  readonly participants: readonly { readonly id: ParticipantId; readonly name: string; readonly identityPublicKey: Uint8Array }[];
  readonly conversations: readonly ConversationSummary[];
  readonly schedule: readonly ScheduleRow[];
  readonly counts: {
    readonly people: number;
    readonly conversations: number;
    readonly messages: number;
    /** Envelopes carrying an escrow field. */
    readonly escrowed: number;
    /** Bytes of ciphertext ‖ tag on the wire. */
    readonly ciphertextBytes: number;
  };
  readonly endsAt: SimTime;
  readonly escrow: EscrowSummary | null;
  /** Measured inside the worker with performance.now(): building the world, i.e. every key made, every message sealed and opened. */
  readonly timing: { readonly generateMs: number };
}

/** The learner's message after it went through the sender's client, the relay and the recipient's client. */
export interface LearnerMessageResult {
  readonly row: ScheduleRow;
  /** What the recipient's client opened (equal to the text when all went well). */
  readonly delivered: string;
  readonly escrowed: boolean;
  readonly ciphertext: Uint8Array;
  readonly summary: WorldSummary;
}

/** Progress of a long operation. Attack phases carry running counts. */
export interface WorkerProgress {
  readonly phase: 'generate' | 'loot' | 'decrypt' | 'retry-with-recovered-keys' | 'compare';
  readonly done: number;
  readonly total: number;
  readonly label?: string;
  readonly counts?: OutcomeCounts;
}

/** One captured envelope and what the attacker's decryption did with it. */
export interface OutcomeRow {
  readonly seq: number;
  readonly kind: 'opened' | 'tag-failed' | 'no-key' | 'outside-warrant';
  readonly sender: ParticipantId;
  readonly recipient: ParticipantId;
  readonly conversationId: string;
  readonly sentAt: SimTime;
  /** Only when opened. */
  readonly plaintext?: string;
  /** Which key opened it, or which keys were tried ("escrow key of escrow-authority, epoch 0"). */
  readonly key?: string;
}

/** One item in the attacker's wallet, with the real key bytes where one key is the point. */
export interface LootItem {
  readonly kind: 'device' | 'escrow-key';
  readonly label: string;
  readonly detail: string;
  /** Key name and bytes (identity secret key of a phone; the escrow secret key). */
  readonly keyName: string;
  readonly keyBytes: Uint8Array;
}

/** A loot note (lib/protocol/capability.ts LootNote), as displayed. */
export interface LootNoteSummary {
  readonly capability: Capability;
  readonly outcome: 'obtained' | 'nothing' | 'check-failed';
  readonly message: string;
  readonly check?: string;
}

/** The wallet: what the loot capabilities yield, before any decryption. */
export interface LootResult {
  readonly items: readonly LootItem[];
  readonly notes: readonly LootNoteSummary[];
}

/** Counts for one cell of the exposure matrix. */
export interface MatrixCell {
  readonly opened: number;
  readonly tagFailed: number;
  readonly total: number;
}

/** One row of the exposure matrix: a user or a conversation, by time bucket and before/after a split. */
export interface MatrixRow {
  readonly id: string;
  readonly label: string;
  readonly cells: readonly MatrixCell[];
  readonly before: MatrixCell | null;
  readonly after: MatrixCell | null;
  readonly total: MatrixCell;
}

/** Users × time and conversations × time, counted from the decryption outcomes. */
export interface ExposureMatrix {
  readonly buckets: readonly { readonly from: SimTime; readonly to: SimTime }[];
  readonly splitAt: SimTime | null;
  readonly users: readonly MatrixRow[];
  readonly conversations: readonly MatrixRow[];
}

/** Everything an attack run produced. */
export interface AttackResult {
  readonly worldId: string;
  readonly cancelled: boolean;
  readonly capture: { readonly envelopes: number; readonly sources: readonly string[] };
  readonly loot: LootResult;
  readonly counts: OutcomeCounts;
  /** One row per decided envelope, in capture order. */
  readonly rows: readonly OutcomeRow[];
  readonly exposure: {
    readonly totals: ExposureCounts;
    readonly split: { readonly at: SimTime; readonly before: ExposureCounts; readonly after: ExposureCounts } | null;
    readonly exposedUsers: readonly ParticipantId[];
    readonly exposedConversations: readonly string[];
    readonly matrix: ExposureMatrix;
  };
  /**
   * Measured inside the worker with performance.now(). `decryptMs` is the wall time of the whole
   * decryption (including yields to read a cancel), `decryptBusyMs` the time spent in decryption
   * itself, summed over `decryptWorkers` workers (2 when a helper took half, so it can exceed the wall time).
   */
  readonly timing: { readonly captureMs: number; readonly lootMs: number; readonly decryptMs: number; readonly decryptBusyMs: number; readonly decryptWorkers: number; readonly exposureMs: number };
}

/** A forgery and what the recipient's client did with it. */
export interface ForgeResult {
  readonly seq: number;
  readonly original: { readonly sender: ParticipantId; readonly recipient: ParticipantId; readonly sentAt: SimTime; readonly text: string; readonly ciphertext: Uint8Array; readonly escrowed: boolean };
  readonly method: 'resealed-with-escrowed-key' | 'resealed-with-phone-key' | 'edited-ciphertext-without-key' | 'sealed-with-own-key';
  /** Why the escrow route gave no key (null when it did). */
  readonly noKeyReason: string | null;
  /** The traffic key recovered from the escrow field, when it was. */
  readonly recoveredKey: Uint8Array | null;
  readonly forgedText: string;
  readonly forgedCiphertext: Uint8Array;
  readonly delivery: { readonly accepted: true; readonly plaintext: string } | { readonly accepted: false; readonly reason: 'tag-failed' | 'rejected'; readonly message: string };
}

/** The authority executing a warrant, and optionally the same key used beyond it. */
export interface WarrantResult {
  readonly warrant: Warrant;
  readonly keyHow: string;
  readonly underWarrant: OutcomeCounts;
  readonly rows: readonly OutcomeRow[];
  /** Same key, no warrant check, every envelope (when asked). */
  readonly beyond: OutcomeCounts | null;
  readonly timing: { readonly decryptMs: number };
}

/** Rebuilding an escrow key from stolen pieces. */
export interface KeyRecoveryResult {
  readonly stolen: readonly { readonly agencyId: string; readonly agencyName: string; readonly kind: EscrowKeyPieceKind; readonly bytes: Uint8Array; readonly corrupted: boolean }[];
  readonly notes: readonly LootNoteSummary[];
  readonly keys: readonly { readonly authorityId: string; readonly secretKey: Uint8Array; readonly how: string }[];
}

/** One scenario of the comparison in one world. */
export interface ComparisonCellSummary {
  readonly world: 'static' | 'ratchet' | 'ratchet-escrow';
  readonly counts: ExposureCounts;
  readonly before: ExposureCounts | null;
  readonly after: ExposureCounts | null;
  readonly exposedUsers: readonly ParticipantId[];
  readonly exposedConversations: readonly string[];
  readonly lootNotes: readonly LootNoteSummary[];
  /** The thief re-seals a captured message to the victim with the loot's keys and delivers it. */
  readonly forgery: { readonly seq: number; readonly method: ForgeResult['method']; readonly accepted: boolean; readonly message: string } | null;
}

/** The three-world blast radius. */
export interface ComparisonResult {
  readonly seed: string;
  readonly victim: ParticipantId;
  readonly compromiseAt: SimTime;
  readonly messages: number;
  readonly users: number;
  readonly conversations: number;
  readonly rows: readonly { readonly id: string; readonly label: string; readonly cells: readonly ComparisonCellSummary[] }[];
  readonly timing: { readonly totalMs: number };
}

/** What each request type resolves to. */
export interface WorkerResults {
  generate: WorldSummary;
  send: LearnerMessageResult;
  attack: AttackResult;
  loot: LootResult;
  compare: ComparisonResult;
  forge: ForgeResult;
  warrant: WarrantResult;
  'recover-key': KeyRecoveryResult;
  dispose: { readonly disposed: boolean };
}

/** A message from the worker. */
export type WorkerResponse =
  | { readonly type: 'progress'; readonly id: number; readonly progress: WorkerProgress }
  | { readonly type: 'result'; readonly id: number; readonly result: unknown }
  | { readonly type: 'error'; readonly id: number; readonly name: string; readonly message: string }
  | { readonly type: 'ready' };

const countsSchema = z.strictObject({ opened: z.int(), tagFailed: z.int(), noKey: z.int(), outsideWarrant: z.int() });

const progressSchema = z.strictObject({
  phase: z.enum(['generate', 'loot', 'decrypt', 'retry-with-recovered-keys', 'compare']),
  done: z.number(),
  total: z.number(),
  label: z.optional(z.string()),
  counts: z.optional(countsSchema),
});

const responseSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('progress'), id: z.int(), progress: progressSchema }),
  z.strictObject({ type: z.literal('result'), id: z.int(), result: z.unknown() }),
  z.strictObject({ type: z.literal('error'), id: z.int(), name: z.string(), message: z.string() }),
  z.strictObject({ type: z.literal('ready') }),
]);

/** Checks the outer shape of a message from the worker; the result inside is checked by {@link parseWorkerResult}. */
export function parseWorkerResponse(value: unknown): WorkerResponse {
  const result = z.safeParse(responseSchema, value);
  if (!result.success) throw new RangeError(`world worker: bad response: ${describeIssues(result.error.issues)}`);
  return result.data as WorkerResponse;
}

// Hand-written guards for results. They check every field the page reads, including every row.

type Guard = (v: unknown, path: string) => void;
const fail = (path: string, what: string): never => {
  throw new RangeError(`world worker: bad result at ${path}: expected ${what}`);
};
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const obj: (fields: Record<string, Guard>) => Guard = (fields) => (v, path) => {
  if (!isObj(v)) fail(path, 'an object');
  const o = v as Record<string, unknown>;
  for (const [k, g] of Object.entries(fields)) g(o[k], `${path}.${k}`);
};
const str: Guard = (v, p) => void (typeof v === 'string' || fail(p, 'a string'));
const num: Guard = (v, p) => void ((typeof v === 'number' && Number.isFinite(v)) || fail(p, 'a number'));
const bool: Guard = (v, p) => void (typeof v === 'boolean' || fail(p, 'a boolean'));
const u8: Guard = (v, p) => void (v instanceof Uint8Array || fail(p, 'bytes'));
const opt = (g: Guard): Guard => (v, p) => void (v === undefined || g(v, p));
const nullable = (g: Guard): Guard => (v, p) => void (v === null || g(v, p));
const arr = (g: Guard): Guard => (v, p) => {
  if (!Array.isArray(v)) fail(p, 'an array');
  (v as unknown[]).forEach((x, i) => g(x, `${p}[${i}]`));
};
const oneOf = (...values: string[]): Guard => (v, p) => void (values.includes(v as string) || fail(p, values.join(' | ')));
const workerCount: Guard = (v, p) => void (v === 1 || v === 2 || fail(p, '1 or 2'));

const outcomeCounts = obj({ opened: num, tagFailed: num, noKey: num, outsideWarrant: num });
const exposureCounts = obj({ total: num, opened: num, tagFailed: num, noKey: num, outsideWarrant: num });
const scheduleRow = obj({ seq: num, conversationId: str, sender: str, recipient: str, sentAt: num, text: str, learner: bool });
const outcomeRow = obj({
  seq: num,
  kind: oneOf('opened', 'tag-failed', 'no-key', 'outside-warrant'),
  sender: str,
  recipient: str,
  conversationId: str,
  sentAt: num,
  plaintext: opt(str),
  key: opt(str),
});
const lootNote: Guard = obj({ capability: (v, p) => parseCapabilitiesAt(v, p), outcome: oneOf('obtained', 'nothing', 'check-failed'), message: str, check: opt(str) });
const matrixCell = obj({ opened: num, tagFailed: num, total: num });
const matrixRow = obj({ id: str, label: str, cells: arr(matrixCell), before: nullable(matrixCell), after: nullable(matrixCell), total: matrixCell });

function parseCapabilitiesAt(v: unknown, path: string): void {
  const result = z.safeParse(capabilitySchema, v);
  if (!result.success) fail(path, 'a capability');
}

const worldSummary = obj({
  worldId: str,
  seed: str,
  mode: oneOf('static', 'ratchet'),
  durationMinutes: num,
  participants: arr(obj({ id: str, name: str, identityPublicKey: u8 })),
  conversations: arr(obj({ id: str, initiator: str, responder: str, topic: str, messages: num })),
  schedule: arr(scheduleRow),
  counts: obj({ people: num, conversations: num, messages: num, escrowed: num, ciphertextBytes: num }),
  endsAt: num,
  escrow: nullable(
    obj({
      variant: oneOf('single', 'xor-2-of-2', 'shamir', 'two-governments'),
      enabledAt: num,
      epochMinutes: num,
      piecesNeeded: num,
      authorities: arr(obj({ id: str, name: str, publicKey: u8 })),
      agencies: arr(obj({ agencyId: str, agencyName: str, authorityId: str, kind: oneOf('whole-key', 'xor-half', 'shamir-share') })),
    }),
  ),
  timing: obj({ generateMs: num }),
});

const delivery: Guard = (v, p) => {
  if (!isObj(v)) fail(p, 'an object');
  const d = v as Record<string, unknown>;
  if (d.accepted === true) obj({ plaintext: str })(d, p);
  else if (d.accepted === false) obj({ reason: oneOf('tag-failed', 'rejected'), message: str })(d, p);
  else fail(`${p}.accepted`, 'a boolean');
};
const forgeMethod = oneOf('resealed-with-escrowed-key', 'resealed-with-phone-key', 'edited-ciphertext-without-key', 'sealed-with-own-key');

const lootResult = obj({ items: arr(obj({ kind: oneOf('device', 'escrow-key'), label: str, detail: str, keyName: str, keyBytes: u8 })), notes: arr(lootNote) });

const resultGuards: { readonly [K in keyof WorkerResults]: Guard } = {
  generate: worldSummary,
  send: obj({ row: scheduleRow, delivered: str, escrowed: bool, ciphertext: u8, summary: worldSummary }),
  attack: obj({
    worldId: str,
    cancelled: bool,
    capture: obj({ envelopes: num, sources: arr(str) }),
    loot: lootResult,
    counts: outcomeCounts,
    rows: arr(outcomeRow),
    exposure: obj({
      totals: exposureCounts,
      split: nullable(obj({ at: num, before: exposureCounts, after: exposureCounts })),
      exposedUsers: arr(str),
      exposedConversations: arr(str),
      matrix: obj({ buckets: arr(obj({ from: num, to: num })), splitAt: nullable(num), users: arr(matrixRow), conversations: arr(matrixRow) }),
    }),
    timing: obj({ captureMs: num, lootMs: num, decryptMs: num, decryptBusyMs: num, decryptWorkers: workerCount, exposureMs: num }),
  }),
  loot: lootResult,
  compare: obj({
    seed: str,
    victim: str,
    compromiseAt: num,
    messages: num,
    users: num,
    conversations: num,
    rows: arr(
      obj({
        id: str,
        label: str,
        cells: arr(
          obj({
            world: oneOf('static', 'ratchet', 'ratchet-escrow'),
            counts: exposureCounts,
            before: nullable(exposureCounts),
            after: nullable(exposureCounts),
            exposedUsers: arr(str),
            exposedConversations: arr(str),
            lootNotes: arr(lootNote),
            forgery: nullable(obj({ seq: num, method: forgeMethod, accepted: bool, message: str })),
          }),
        ),
      }),
    ),
    timing: obj({ totalMs: num }),
  }),
  forge: obj({
    seq: num,
    original: obj({ sender: str, recipient: str, sentAt: num, text: str, ciphertext: u8, escrowed: bool }),
    method: forgeMethod,
    noKeyReason: nullable(str),
    recoveredKey: nullable(u8),
    forgedText: str,
    forgedCiphertext: u8,
    delivery,
  }),
  warrant: obj({
    warrant: obj({ target: str, from: num, to: num, issuedBy: str }),
    keyHow: str,
    underWarrant: outcomeCounts,
    rows: arr(outcomeRow),
    beyond: nullable(outcomeCounts),
    timing: obj({ decryptMs: num }),
  }),
  'recover-key': obj({
    stolen: arr(obj({ agencyId: str, agencyName: str, kind: oneOf('whole-key', 'xor-half', 'shamir-share'), bytes: u8, corrupted: bool })),
    notes: arr(lootNote),
    keys: arr(obj({ authorityId: str, secretKey: u8, how: str })),
  }),
  dispose: obj({ disposed: bool }),
};

/** Checks the result of a request of type `type`; throws a RangeError naming the first bad field. */
export function parseWorkerResult<K extends keyof WorkerResults>(type: K, value: unknown): WorkerResults[K] {
  resultGuards[type](value, type);
  return value as WorkerResults[K];
}
