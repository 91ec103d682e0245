/**
 * The authoring contract for a lesson's code exercises: what `lessons/<slug>/exercises.ts` exports
 * (`export const exercises = [...] satisfies LessonExercises`), and how the lesson page and the
 * validator turn that export into exercise specs.
 *
 * An entry is either an {@link ExerciseSpec} written out, or a builder function that returns one.
 * Builders exist because an exercise's `setup` must be computed, never pasted: the keys, the
 * ciphertexts and the expected answers come from running the app's own crypto and protocol code
 * (with `seededRandom`, so the prerendered page and `npm run lessons:check` compute the same bytes).
 *
 * @module
 */
import { exerciseSpecSchema, type ExerciseSpec } from '../sandbox/exercise-spec';

/**
 * One exercise as a lesson defines it: the spec itself, or a function that builds it (it may be
 * async, e.g. to generate a simulated world). A builder must be deterministic: same code, same spec.
 */
export type ExerciseDefinition = ExerciseSpec | (() => ExerciseSpec | Promise<ExerciseSpec>);

/** What `lessons/<slug>/exercises.ts` exports as `exercises`, in the order they appear in the lesson. */
export type LessonExercises = readonly ExerciseDefinition[];

/** A builder threw, or the export is not a list; `index` names the entry when there is one. */
class ExerciseBuildError extends Error {
  override readonly name = 'ExerciseBuildError';
  constructor(
    message: string,
    /** Position of the failing entry in the `exercises` array, if the problem is one entry. */
    readonly index?: number,
  ) {
    super(message);
  }
}

/**
 * Resolves the `exercises` export of a lesson into specs: calls each builder (in order, one at a
 * time, so a heavy builder does not compete with the next) and passes specs through unchanged.
 * The result is not schema-checked here: the validator does that and names each field, and the
 * page only ever renders lessons that passed it. Throws {@link ExerciseBuildError}.
 */
export async function buildLessonExercises(definitions: unknown): Promise<unknown[]> {
  if (!Array.isArray(definitions)) {
    throw new ExerciseBuildError('`exercises` must be an array of exercise specs or functions that build them');
  }
  const built: unknown[] = [];
  for (const [index, definition] of definitions.entries()) {
    if (typeof definition !== 'function') {
      built.push(definition);
      continue;
    }
    try {
      built.push(await (definition as () => unknown)());
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new ExerciseBuildError(`the builder of exercises[${index}] threw ${reason}`, index);
    }
  }
  return built;
}

/** The id of a built entry, when it has a string one (for messages about entries that fail the schema). */
export function exerciseIdOf(entry: unknown): string | undefined {
  const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * For the lesson page: builds a lesson's exercises and checks each against the exercise schema, so
 * a page never renders an entry the validator would refuse. Throws {@link ExerciseBuildError}
 * naming the entry and the first problem (run `npm run lessons:check` for all of them).
 */
export async function loadLessonExerciseSpecs(definitions: LessonExercises): Promise<ExerciseSpec[]> {
  const built = await buildLessonExercises(definitions);
  return built.map((entry, index) => {
    const parsed = exerciseSpecSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ExerciseBuildError(
        `exercises[${index}] (${exerciseIdOf(entry) ?? 'no id'}): ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
        index,
      );
    }
    // The parsed copy has the same fields; keep the original so bytes and nested data stay as built.
    // The known cheats are for lessons:check only: the page does not ship them.
    return { ...(entry as ExerciseSpec), cheats: [] };
  });
}
