/**
 * `npm run lessons:check [root]`: validates the course (`lessons/`, or the folder LESSONS_DIR
 * names, or `root`) and prints each problem as `<root>/<slug>/<file>:<line>: <message>`, exiting 1
 * if there is any. For the course being built it also says when the generated registry is stale. All the rules
 * live in lib/lessons/validate-lessons.ts, validate-mdx.ts and validate-exercises.ts (which runs
 * every exercise's solution and starter in Node); this file only reads the disk and builds the
 * exercises.
 */
import { existsSync, readFileSync } from 'node:fs';
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
import type { WidgetSpec } from '../lib/lessons/widget-spec';
import { courseLocation, expectedRegistry, scanLessonFolders, type CourseLocation } from './generate-lesson-registry';

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

/** Reads a lessons root from disk into the validator's input (lesson folders and tracks.ts). */
export async function loadLessonsTree(root: string): Promise<LessonsTreeInput> {
  const folders: LessonFolderInput[] = [];
  for (const { slug, files } of scanLessonFolders(root)) {
    const dir = path.join(root, slug);
    const meta = files.includes('meta.ts') ? await importModule(path.join(dir, 'meta.ts')) : {};
    const contentFile = path.join(dir, 'content.mdx');
    folders.push({
      slug,
      files,
      meta: meta.module?.lesson,
      metaLoadError: meta.error,
      content: existsSync(contentFile) ? readFileSync(contentFile, 'utf8') : undefined,
      ...(files.includes('exercises.ts') ? await loadExercises(path.join(dir, 'exercises.ts')) : {}),
    });
  }
  const tracks = await importModule(path.join(root, 'tracks.ts'));
  return { tracks: tracks.module?.tracks, tracksLoadError: tracks.error, folders };
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

export const cachedValidator: ExerciseValidator = async (exercise) => {
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

/** Whether the registry of `location` on disk is what the generator would write now. */
function registryState(location: CourseLocation): { file: string; stale: boolean } {
  const file = path.relative(location.sourceDir, location.registryFile).split(path.sep).join('/');
  const stale =
    !existsSync(location.registryFile) || readFileSync(location.registryFile, 'utf8') !== expectedRegistry(location);
  return { file, stale };
}

/**
 * Loads and validates a lessons root (against `vocabulary`, default the registered widgets), then
 * runs every exercise that is well-formed (unless `runExercises` is false). With `registry`, the
 * course's generated registry is checked to be up to date too.
 */
export async function checkLessonsRoot(
  root: string,
  options: {
    vocabulary?: Readonly<Record<string, WidgetSpec>>;
    runExercises?: boolean;
    registry?: CourseLocation;
  } = {},
): Promise<LessonsCheckResult> {
  const tree = await loadLessonsTree(root);
  const registry = options.registry ? registryState(options.registry) : undefined;
  const issues = validateLessons({ ...tree, registry, vocabulary: options.vocabulary });
  if (options.runExercises === false) return { issues, lessons: tree.folders.length, exercises: [] };
  const runs = await validateExercisesInNode(tree.folders, cachedValidator);
  return { issues: [...issues, ...runs.issues], lessons: tree.folders.length, exercises: runs.timings };
}

async function main(): Promise<void> {
  // The course being built (lessons/, or LESSONS_DIR), with its registry; or any folder named.
  const named = process.argv[2];
  const location = courseLocation(process.cwd(), named ?? (process.env.LESSONS_DIR || undefined));
  const root = location.sourceDir;
  const display = location.source.label;
  const { issues, lessons, exercises } = await checkLessonsRoot(root, {
    registry: named === undefined ? location : undefined,
  });
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
      `lessons:check: OK, ${lessons} lesson${lessons === 1 ? '' : 's'} in ${display}/ (tracks, registry, meta, content, ${exercises.length} exercise${exercises.length === 1 ? '' : 's'} run)`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
