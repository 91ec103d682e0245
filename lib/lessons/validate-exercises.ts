/**
 * Proves each lesson's code exercises by running them, for `npm run lessons:check`: the reference
 * solution runs through the same runner as the browser, passes every check and type-checks as the
 * editor would; the starter runs and fails at least one check; every known cheat runs and fails
 * a check (rule `exercise-cheat`); every check refers to an expected
 * value and a custom check that exist. The work is lib/sandbox/validate-exercise.ts
 * (`validateExerciseInNode`); this module picks the exercises to run (those that passed the
 * schema in validate-lessons.ts) and turns each problem into a {@link LessonIssue} naming the file,
 * the entry and the exercise id.
 *
 * @module
 */
import { exerciseSpecSchema, type ExerciseSpec } from '../sandbox/exercise-spec';
import type { ExerciseValidation } from '../sandbox/validate-exercise';
import { LESSON_CHECK_REGISTRY } from './exercise-checks';
import type { LessonIssue, LessonRule } from './lesson-issue';
import type { LessonFolderInput } from './lessons-tree-input';

/** Validates one exercise (by default `validateExerciseInNode` with the lesson check registry). */
export type ExerciseValidator = (exercise: ExerciseSpec) => Promise<ExerciseValidation>;

/** One exercise that was run, and how long its validation took. */
export interface ExerciseRunTiming {
  readonly file: string;
  readonly id: string;
  readonly ms: number;
}

/** The issues found by running the exercises, and the time each took. */
export interface ExerciseRunsResult {
  readonly issues: LessonIssue[];
  readonly timings: ExerciseRunTiming[];
}

const defaultValidator: ExerciseValidator = async (exercise) => {
  // Loaded on demand: it brings the TypeScript compiler and esbuild, which only this path needs.
  const { validateExerciseInNode } = await import('../sandbox/validate-exercise');
  return validateExerciseInNode(exercise, LESSON_CHECK_REGISTRY);
};

/**
 * Which rule a problem of `validateExerciseInNode` breaks. Its messages read
 * `exercise '<id>': solution ...`, `exercise '<id>': starter ...`, `exercise '<id>': cheat ...`, or name a check, an expected
 * value or the context (everything that is wrong before anything runs).
 */
function ruleOfExerciseProblem(problem: string, id: string): LessonRule {
  const rest = problem.startsWith(`exercise '${id}': `) ? problem.slice(`exercise '${id}': `.length) : problem;
  if (rest.startsWith('solution ')) return 'exercise-solution';
  if (rest.startsWith('starter ')) return 'exercise-starter';
  if (rest.startsWith('cheat ') || rest.startsWith('cheats: ')) return 'exercise-cheat';
  return 'exercise-check';
}

/**
 * Runs every schema-valid exercise of every folder, one at a time (each run is a worker thread and
 * a type-check; two cores are enough for one). `validate` defaults to `validateExerciseInNode`.
 */
export async function validateExercisesInNode(
  folders: readonly LessonFolderInput[],
  validate: ExerciseValidator = defaultValidator,
): Promise<ExerciseRunsResult> {
  const issues: LessonIssue[] = [];
  const timings: ExerciseRunTiming[] = [];
  for (const folder of folders) {
    if (
      !folder.files.includes('exercises.ts') ||
      folder.exercisesLoadError !== undefined ||
      !Array.isArray(folder.exercises)
    )
      continue;
    const file = `${folder.slug}/exercises.ts`;
    for (const [index, entry] of (folder.exercises as unknown[]).entries()) {
      // Entries that fail the schema are reported by validate-lessons.ts; running them would only repeat it.
      if (!exerciseSpecSchema.safeParse(entry).success) continue;
      const exercise = entry as ExerciseSpec;
      const started = performance.now();
      let validation: ExerciseValidation;
      try {
        validation = await validate(exercise);
      } catch (error) {
        issues.push({
          rule: 'exercise-check',
          file,
          path: `exercises[${index}]`,
          message: `exercise '${exercise.id}' could not be validated: ${error instanceof Error ? error.message : String(error)}`,
        });
        continue;
      }
      timings.push({ file, id: exercise.id, ms: performance.now() - started });
      const found = validation.problems.map((problem) => ({
        rule: ruleOfExerciseProblem(problem, exercise.id),
        problem,
      }));
      // A check that names a missing expected value or custom check also fails the solution's run;
      // report the cause alone, and the runs once it is fixed.
      const causes = found.filter((f) => f.rule === 'exercise-check');
      for (const { rule, problem } of causes.length > 0 ? causes : found) {
        issues.push({ rule, file, path: `exercises[${index}]`, message: problem });
      }
    }
  }
  return { issues, timings };
}
