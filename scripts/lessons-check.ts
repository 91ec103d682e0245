/**
 * `npm run lessons:check [root]`: validates the lessons tree (default `lessons/`) and prints each
 * problem as `lessons/<slug>/<file>:<line>: <message>`, exiting 1 if there is any. All the rules
 * live in lib/lessons/validate-lessons.ts, validate-mdx.ts and validate-exercises.ts (which runs
 * every exercise's solution and starter in Node); this file only reads the disk and builds the
 * exercises.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildLessonExercises } from '../lib/lessons/lesson-exercises';
import { formatLessonIssue, type LessonIssue } from '../lib/lessons/lesson-issue';
import {
  validateExercisesInNode,
  type ExerciseRunTiming,
  type ExerciseValidator,
} from '../lib/lessons/validate-exercises';
import type { LessonFolderInput, LessonsTreeInput } from '../lib/lessons/lessons-tree-input';
import { validateLessons } from '../lib/lessons/validate-lessons';
import type { ExerciseSpec } from '../lib/sandbox/exercise-spec';
import type { ExerciseValidation } from '../lib/sandbox/validate-exercise';
import type { WidgetSpec } from '../lib/lessons/widget-names';

/** Imports a TypeScript module of the lessons tree, turning failures into a message. */
async function importModule(file: string): Promise<{ module?: Record<string, unknown>; error?: string }> {
  if (!existsSync(file)) return { error: `${path.basename(file)} is missing` };
  try {
    return { module: (await import(pathToFileURL(file).href)) as Record<string, unknown> };
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { error: message.replaceAll(`${process.cwd()}${path.sep}`, '') };
  }
}

/** Reads a lessons root from disk into the validator's input. */
export async function loadLessonsTree(root: string): Promise<LessonsTreeInput> {
  const folders: LessonFolderInput[] = [];
  for (const name of readdirSync(root).sort()) {
    if (name.startsWith('_') || name.startsWith('.')) continue;
    const dir = path.join(root, name);
    if (!statSync(dir).isDirectory()) continue;
    const files = readdirSync(dir).sort();
    const meta = files.includes('meta.ts') ? await importModule(path.join(dir, 'meta.ts')) : {};
    const contentFile = path.join(dir, 'content.mdx');
    folders.push({
      slug: name,
      files,
      meta: meta.module?.lesson,
      metaLoadError: meta.error,
      content: existsSync(contentFile) ? readFileSync(contentFile, 'utf8') : undefined,
      ...(files.includes('exercises.ts') ? await loadExercises(path.join(dir, 'exercises.ts')) : {}),
    });
  }
  const index = await importModule(path.join(root, 'index.ts'));
  const contentMap = await importModule(path.join(root, 'lesson-content.ts'));
  // Optional: a course without exercises needs no exercise map.
  const exerciseMapFile = path.join(root, 'lesson-exercises.ts');
  const exerciseMap = existsSync(exerciseMapFile) ? await importModule(exerciseMapFile) : undefined;
  return {
    index: index.module,
    indexLoadError: index.error,
    folders,
    contentMap: contentMap.module?.lessonContent,
    contentMapLoadError: contentMap.error,
    ...(exerciseMap
      ? { exerciseMap: exerciseMap.module?.lessonExercises ?? null, exerciseMapLoadError: exerciseMap.error }
      : {}),
  };
}

/** Imports exercises.ts and builds its exercises (calling each builder), turning failures into a message. */
async function loadExercises(file: string): Promise<Pick<LessonFolderInput, 'exercises' | 'exercisesLoadError'>> {
  const imported = await importModule(file);
  if (imported.error !== undefined) return { exercisesLoadError: imported.error };
  if (!imported.module || !('exercises' in imported.module))
    return { exercisesLoadError: 'it does not export `exercises`' };
  try {
    return { exercises: await buildLessonExercises(imported.module.exercises) };
  } catch (error) {
    return { exercisesLoadError: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Validations by exercise content, for one process: the fixtures of the tests share one exercise,
 * which needs running once. Same spec, same runner, same answer.
 */
const validationCache = new Map<string, Promise<ExerciseValidation>>();

function cacheKey(exercise: ExerciseSpec): string {
  return JSON.stringify(exercise, (_key, value: unknown) =>
    value instanceof Uint8Array ? `bytes:${Buffer.from(value).toString('hex')}` : value,
  );
}

const cachedValidator: ExerciseValidator = async (exercise) => {
  const key = cacheKey(exercise);
  let validation = validationCache.get(key);
  if (!validation) {
    const { validateExerciseInNode } = await import('../lib/sandbox/validate-exercise');
    const { LESSON_CHECK_REGISTRY } = await import('../lib/lessons/exercise-checks');
    validation = validateExerciseInNode(exercise, LESSON_CHECK_REGISTRY);
    validationCache.set(key, validation);
  }
  return validation;
};

/** What {@link checkLessonsRoot} found. */
export interface LessonsCheckResult {
  readonly issues: LessonIssue[];
  /** Lesson folders read. */
  readonly lessons: number;
  /** Exercises whose solution and starter were run, with the time each took. */
  readonly exercises: readonly ExerciseRunTiming[];
}

/**
 * Loads and validates a lessons root (against `vocabulary`, default the registered widgets), then
 * runs every exercise that is well-formed (unless `runExercises` is false).
 */
export async function checkLessonsRoot(
  root: string,
  options: { vocabulary?: Readonly<Record<string, WidgetSpec>>; runExercises?: boolean } = {},
): Promise<LessonsCheckResult> {
  const tree = await loadLessonsTree(root);
  const issues = validateLessons({ ...tree, vocabulary: options.vocabulary });
  if (options.runExercises === false) return { issues, lessons: tree.folders.length, exercises: [] };
  const runs = await validateExercisesInNode(tree.folders, cachedValidator);
  return { issues: [...issues, ...runs.issues], lessons: tree.folders.length, exercises: runs.timings };
}

async function main(): Promise<void> {
  const root = process.argv[2] ?? 'lessons';
  const display = path.relative(process.cwd(), path.resolve(root)).split(path.sep).join('/') || '.';
  const { issues, lessons, exercises } = await checkLessonsRoot(root);
  for (const run of exercises)
    console.log(
      `  exercise ${run.id} (${display}/${run.file}): solution and starter run and checked in ${Math.round(run.ms)} ms`,
    );
  for (const issue of issues) console.error(formatLessonIssue(issue, display));
  if (issues.length > 0) {
    console.error(`lessons:check: ${issues.length} problem${issues.length === 1 ? '' : 's'} in ${display}/`);
    process.exitCode = 1;
  } else {
    console.log(
      `lessons:check: OK, ${lessons} lesson${lessons === 1 ? '' : 's'} in ${display}/ (index, meta, content, content map, ${exercises.length} exercise${exercises.length === 1 ? '' : 's'} run)`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
