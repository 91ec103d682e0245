/**
 * What a code exercise is, as data: the text, the starter and reference solution, the checks, the
 * hints, and the setup (the context learner code sees, and the expected values that only the trusted
 * side sees). The lesson engine builds these; CodeExercise renders one; the validator runs one in Node.
 * @module
 */
import { z } from 'zod';

/** A path into the run's result: export names and keys joined by dots, e.g. `default.plaintexts.0`. */
export type ResultPath = string;

/** Fields every check has. */
interface CheckBase {
  /** Unique within the exercise; stable (progress and tests refer to it). */
  readonly id: string;
  /** What the check asks, shown next to its pass/fail mark: "The shared secret is Bob's". */
  readonly description: string;
  /** Shown instead of the generic failure text, e.g. a nudge toward the mistake it catches. */
  readonly failMessage?: string;
}

/**
 * A check on the result, evaluated on the trusted side by run-checks.ts. `expected` names a key of
 * the exercise's expected values (never sent to the runner).
 * - `ran`: the program finished without an error.
 * - `equals`: the value at `path` equals the expected value (bytes compare by content; where bytes
 *   are expected a hex string of them is accepted).
 * - `bytesEqual`: the value at `path` is bytes (Uint8Array or hex) equal to the expected bytes.
 * - `includesAll`: the value at `path` is an array containing every item of the expected array.
 * - `type`: the value at `path` has the given type.
 * - `custom`: a named check from the trusted registry (check-registry.ts), with optional params.
 */
export type CheckSpec =
  | (CheckBase & { readonly kind: 'ran' })
  | (CheckBase & { readonly kind: 'equals'; readonly path: ResultPath; readonly expected: string })
  | (CheckBase & { readonly kind: 'bytesEqual'; readonly path: ResultPath; readonly expected: string })
  | (CheckBase & { readonly kind: 'includesAll'; readonly path: ResultPath; readonly expected: string })
  | (CheckBase & { readonly kind: 'type'; readonly path: ResultPath; readonly type: ValueType })
  | (CheckBase & {
      readonly kind: 'custom';
      readonly name: string;
      readonly path?: ResultPath;
      readonly expected?: string;
      readonly params?: unknown;
    });

/** Types a `type` check can ask for. */
export type ValueType = 'bytes' | 'string' | 'number' | 'boolean' | 'bigint' | 'array' | 'object';

/** Values the checks compare against, by name. Trusted: computed by the page or the validator. */
export type ExpectedValues = Readonly<Record<string, unknown>>;

/** What an exercise's setup builder returns. */
export interface ExerciseSetup {
  /** What learner code sees as `lesson` (structured-clonable data: bytes, strings, arrays, objects). */
  readonly context: unknown;
  /** What the checks compare against; stays on the trusted side. */
  readonly expected: ExpectedValues;
}

/**
 * A known way to pass an exercise without doing the work, kept as a program so that
 * `npm run lessons:check` can run it through the same runner as the learner's code and require a
 * check to refuse it: a replay of a captured value, captured values copied, constants, look-alike
 * types (a string where bytes are wanted, an object with a `length`), the lucky guess of a small
 * answer, the setup returned as it came.
 */
export interface ExerciseCheat {
  /** What the cheat tries, in a few words: "replays the next genuine envelope of the chain". */
  readonly name: string;
  /** The cheat's TypeScript, run like a learner's (it need not type-check, but it must run). */
  readonly source: string;
  /** The id of the check that must refuse it; without one, any failing check is enough. */
  readonly caughtBy?: string;
}

/** A code exercise. */
export interface ExerciseSpec {
  /** Unique across the app; keys the learner's draft (`backdoor-lab:draft:<id>`) and progress. */
  readonly id: string;
  readonly title: string;
  /** Plain text; blank lines separate paragraphs and `backticks` mark code. */
  readonly instructions: string;
  /** TypeScript the learner starts from. It must run and fail at least one check. */
  readonly starter: string;
  /** A reference solution. It must pass every check. */
  readonly solution: string;
  readonly checks: readonly CheckSpec[];
  /** Revealed one at a time, in order. */
  readonly hints: readonly string[];
  /** Known ways to pass without the work; each must fail a check (see {@link ExerciseCheat}). */
  readonly cheats: readonly ExerciseCheat[];
  /** Time limit per run (default 3000 ms). */
  readonly timeLimitMs?: number;
  readonly setup: ExerciseSetup;
}

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');
const base = { id, description: z.string().min(1), failMessage: z.string().min(1).optional() };
const path = z
  .string()
  .min(1)
  .regex(/^[^.]+(\.[^.]+)*$/, 'a dotted path like default.plaintexts.0');

/** zod schema of {@link CheckSpec} (strict: unknown fields are errors). */
export const checkSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('ran') }),
  z.strictObject({ ...base, kind: z.literal('equals'), path, expected: z.string().min(1) }),
  z.strictObject({ ...base, kind: z.literal('bytesEqual'), path, expected: z.string().min(1) }),
  z.strictObject({ ...base, kind: z.literal('includesAll'), path, expected: z.string().min(1) }),
  z.strictObject({
    ...base,
    kind: z.literal('type'),
    path,
    type: z.enum(['bytes', 'string', 'number', 'boolean', 'bigint', 'array', 'object']),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('custom'),
    name: z.string().min(1),
    path: path.optional(),
    expected: z.string().min(1).optional(),
    params: z.unknown().optional(),
  }),
]);

/** zod schema of the data fields of {@link ExerciseSpec} (the setup is checked by running it). */
export const exerciseSpecSchema = z.strictObject({
  id,
  title: z.string().min(1),
  instructions: z.string().min(1),
  starter: z.string(),
  solution: z.string().min(1),
  checks: z.array(checkSpecSchema).min(1),
  hints: z.array(z.string().min(1)).min(1),
  cheats: z
    .array(z.strictObject({ name: z.string().min(1), source: z.string().min(1), caughtBy: id.optional() }))
    .min(1),
  timeLimitMs: z.number().int().min(100).max(30_000).optional(),
  setup: z.strictObject({ context: z.unknown(), expected: z.record(z.string(), z.unknown()) }),
});
