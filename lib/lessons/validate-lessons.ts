/**
 * Checks the lessons tree as a whole: `lessons/index.ts` against the lesson folders (both ways),
 * each `meta.ts` against the schema, prerequisites against the course order, `lesson-content.ts`
 * against the index, each `content.mdx` with `validate-mdx.ts`, and each `exercises.ts` (its
 * entries against the exercise schema, ids unique across the course, `<Exercise id>` in the
 * content both ways, and `lesson-exercises.ts` against the folders). Pure and synchronous: the
 * caller reads the files, imports the modules and builds the exercises (scripts/lessons-check.ts);
 * running each exercise's solution and starter is validate-exercises.ts.
 *
 * @module
 */
import { formatFieldPath, type LessonIssue } from './lesson-issue';
import { exerciseIdOf } from './lesson-exercises';
import { lessonSchema, trackSchema } from './lesson-schema';
import type { Lesson } from './lesson-types';
import { exerciseSpecSchema } from '../sandbox/exercise-spec';
import { validateLessonMdx } from './validate-mdx';
import type { WidgetSpec } from './widget-names';

/** Files a lesson folder may contain; anything else is reported so it is not silently ignored. */
export const LESSON_FILES = ['meta.ts', 'content.mdx', 'exercises.ts'] as const;

/** One folder under the lessons root. */
export interface LessonFolderInput {
  /** The folder name (which must equal the lesson's slug). */
  readonly slug: string;
  /** Names of the files in the folder. */
  readonly files: readonly string[];
  /** The `lesson` export of meta.ts, unchecked; undefined when absent. */
  readonly meta: unknown;
  /** Why meta.ts could not be imported, if it could not. */
  readonly metaLoadError?: string;
  /** The text of content.mdx, if present. */
  readonly content?: string;
  /**
   * The `exercises` export of exercises.ts with every builder already called (see
   * lesson-exercises.ts `buildLessonExercises`), unchecked; undefined when there is no exercises.ts.
   */
  readonly exercises?: unknown;
  /** Why exercises.ts could not be imported or its exercises built, if so. */
  readonly exercisesLoadError?: string;
}

/** Everything the validator reads, gathered by the caller. */
export interface LessonsTreeInput {
  /** The exports of index.ts (`tracks`, `lessons`), unchecked; undefined when it failed to load. */
  readonly index: Readonly<Record<string, unknown>> | undefined;
  /** Why index.ts could not be imported, if it could not. */
  readonly indexLoadError?: string;
  /** The lesson folders (names not starting with `_` or `.`). */
  readonly folders: readonly LessonFolderInput[];
  /** The `lessonContent` export of lesson-content.ts, unchecked. */
  readonly contentMap: unknown;
  /** Why lesson-content.ts could not be imported, if it could not. */
  readonly contentMapLoadError?: string;
  /** The `lessonExercises` export of lesson-exercises.ts, unchecked; undefined when the file is absent (no lesson has exercises). */
  readonly exerciseMap?: unknown;
  /** Why lesson-exercises.ts could not be imported, if it exists and could not. */
  readonly exerciseMapLoadError?: string;
  /** The widget vocabulary; defaults to `widgetSpecs` (tests pass their own). */
  readonly vocabulary?: Readonly<Record<string, WidgetSpec>>;
}

/** Validates the whole tree; returns every problem found (empty when all is well). */
export function validateLessons(input: LessonsTreeInput): LessonIssue[] {
  const issues: LessonIssue[] = [];
  // undefined when index.ts is unreadable: order-dependent checks are skipped rather than
  // burying the one real problem under a report for every folder.
  const order = checkIndex(input, issues);
  const folderSlugs = new Set(input.folders.map((f) => f.slug));
  const exerciseOwners = new Map<string, string>();

  for (const folder of input.folders) {
    const metaFile = `${folder.slug}/meta.ts`;
    for (const file of folder.files) {
      if (!(LESSON_FILES as readonly string[]).includes(file)) {
        issues.push({ rule: 'unexpected-file', file: `${folder.slug}/${file}`, message: `Unexpected file in a lesson folder: a lesson has only ${LESSON_FILES.join(' and ')}. Move or remove it.` });
      }
    }
    if (order && !order.includes(folder.slug)) {
      issues.push({ rule: 'folder-not-listed', file: 'index.ts', message: `Folder lessons/${folder.slug}/ is not in any track: add '${folder.slug}' to a track's lessons in index.ts (or delete the folder).` });
    }
    const lesson = checkMeta(folder, metaFile, issues);
    const exerciseIds = checkExerciseEntries(folder, exerciseOwners, issues);
    if (folder.content === undefined) {
      issues.push({ rule: 'content-missing', file: `${folder.slug}/content.mdx`, message: 'content.mdx is missing: every lesson needs its prose, divided into <Step id="..."> blocks.' });
    } else if (lesson) {
      issues.push(
        ...validateLessonMdx({
          file: `${folder.slug}/content.mdx`,
          metaFile,
          source: folder.content,
          steps: lesson.steps,
          quizIds: lesson.quiz.map((q) => q.id),
          exerciseIds,
          exercisesFile: `${folder.slug}/exercises.ts`,
          vocabulary: input.vocabulary,
        }),
      );
    }
    if (lesson && order) checkPrerequisites(lesson, metaFile, order, folderSlugs, issues);
  }

  if (order) checkContentMap(input, order, issues);
  checkExerciseMap(input, issues);
  return issues;
}

/**
 * Checks the built entries of a folder's exercises.ts against the exercise schema, and their ids
 * for uniqueness across the course (`owners`: id → file that defined it first). Returns the ids
 * the content may refer to: `[]` without exercises.ts, undefined when it could not be loaded.
 */
function checkExerciseEntries(folder: LessonFolderInput, owners: Map<string, string>, issues: LessonIssue[]): string[] | undefined {
  const file = `${folder.slug}/exercises.ts`;
  if (!folder.files.includes('exercises.ts')) return [];
  if (folder.exercisesLoadError !== undefined || !Array.isArray(folder.exercises)) {
    const why = folder.exercisesLoadError ?? 'it does not export `exercises`';
    issues.push({ rule: 'exercises-load', file, message: `exercises.ts could not be loaded: ${why}. It must contain export const exercises = [...] satisfies LessonExercises; (specs, or functions that build them).` });
    return undefined;
  }
  const ids: string[] = [];
  folder.exercises.forEach((entry: unknown, index) => {
    const id = exerciseIdOf(entry);
    const parsed = exerciseSpecSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ rule: 'exercise-schema', file, path: formatFieldPath([`exercises`, index, ...issue.path]), message: `${id ? `exercise '${id}': ` : ''}${issue.message}` });
      }
    }
    if (id === undefined) return;
    ids.push(id);
    const owner = owners.get(id);
    if (owner !== undefined) {
      issues.push({ rule: 'exercise-id-duplicate', file, path: `exercises[${index}].id`, message: `Exercise id "${id}" is already used in ${owner}: ids are unique across the course (drafts and progress are keyed by them); rename one.` });
    } else {
      owners.set(id, file);
    }
  });
  return ids;
}

/** lesson-exercises.ts must map every lesson that has exercises.ts, and only those, to `./<slug>/exercises`. */
function checkExerciseMap(input: LessonsTreeInput, issues: LessonIssue[]): void {
  const file = 'lesson-exercises.ts';
  const withExercises = input.folders.filter((f) => f.files.includes('exercises.ts')).map((f) => f.slug);
  if (input.exerciseMapLoadError !== undefined || (input.exerciseMap !== undefined && (typeof input.exerciseMap !== 'object' || input.exerciseMap === null))) {
    issues.push({ rule: 'exercise-map-load', file, message: `lesson-exercises.ts must export \`lessonExercises\`, an object mapping each slug that has exercises to () => import('./<slug>/exercises')${input.exerciseMapLoadError ? ` (it could not be loaded: ${input.exerciseMapLoadError})` : ''}.` });
    return;
  }
  const map = (input.exerciseMap ?? {}) as Record<string, unknown>;
  for (const slug of withExercises) {
    if (!Object.hasOwn(map, slug)) {
      issues.push({ rule: 'exercise-map-missing', file, message: `"${slug}" has exercises.ts but no entry: add '${slug}': () => import('./${slug}/exercises'), so the lesson page gets its exercises.` });
    }
  }
  for (const [slug, loader] of Object.entries(map)) {
    if (!withExercises.includes(slug)) {
      issues.push({ rule: 'exercise-map-extra', file, path: slug, message: `"${slug}" has no lessons/${slug}/exercises.ts: remove the entry, or create the file.` });
    } else if (typeof loader !== 'function' || !importsOwnModule(loader, slug, 'exercises')) {
      issues.push({ rule: 'exercise-map-path', file, path: slug, message: `The entry for "${slug}" must be () => import('./${slug}/exercises'): another lesson's exercises would be shown.` });
    }
  }
}

/** Reads index.ts: valid tracks, each slug once and backed by a folder and a meta. Returns the course order. */
function checkIndex(input: LessonsTreeInput, issues: LessonIssue[]): string[] | undefined {
  if (!input.index) {
    issues.push({ rule: 'index-load', file: 'index.ts', message: `index.ts could not be loaded: ${input.indexLoadError ?? 'it is missing'}. Fix it first: it lists the tracks and imports each lesson's meta.` });
    return undefined;
  }
  const { tracks, lessons } = input.index;
  if (!Array.isArray(tracks)) {
    issues.push({ rule: 'index-shape', file: 'index.ts', message: 'index.ts must export `tracks`: an array of { id, title, description, lessons: slug[] }.' });
    return undefined;
  }
  if (!Array.isArray(lessons)) {
    issues.push({ rule: 'index-shape', file: 'index.ts', message: "index.ts must export `lessons`: an array of every lesson's meta (import { lesson as x } from './x/meta')." });
  }
  const order: string[] = [];
  const trackIds = new Set<string>();
  const folderSlugs = new Set(input.folders.map((f) => f.slug));
  const folderMetas = new Map(input.folders.map((f) => [f.slug, f.meta]));
  tracks.forEach((raw: unknown, t) => {
    const parsed = trackSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ rule: 'track-schema', file: 'index.ts', path: formatFieldPath(['tracks', t, ...issue.path]), message: issue.message });
      }
    }
    // A track with a bad title still orders its lessons; only a missing lesson list drops them.
    const track = parsed.success ? parsed.data : lenientTrack(raw, t);
    if (trackIds.has(track.id)) {
      issues.push({ rule: 'track-duplicate', file: 'index.ts', path: `tracks[${t}].id`, message: `Track id "${track.id}" is used twice: give each track its own id.` });
    }
    trackIds.add(track.id);
    track.lessons.forEach((slug, l) => {
      const path = `tracks[${t}].lessons[${l}]`;
      if (order.includes(slug)) {
        issues.push({ rule: 'slug-listed-twice', file: 'index.ts', path, message: `"${slug}" is listed twice: a lesson appears once in the course; remove one entry.` });
        return;
      }
      order.push(slug);
      if (!folderSlugs.has(slug)) {
        issues.push({ rule: 'index-missing-folder', file: 'index.ts', path, message: `"${slug}" is listed but lessons/${slug}/ does not exist: create the folder with meta.ts and content.mdx, or fix the slug.` });
      } else if (Array.isArray(lessons) && !lessons.some((m: unknown) => m === folderMetas.get(slug) || slugOf(m) === slug)) {
        issues.push({ rule: 'index-meta-missing', file: 'index.ts', path, message: `"${slug}" is listed but its meta is not in the \`lessons\` export: add import { lesson as ${camel(slug)} } from './${slug}/meta' and put ${camel(slug)} in \`lessons\`.` });
      }
    });
  });
  return order;
}

/** Parses meta.ts's export with the schema; returns the lesson when valid. */
function checkMeta(folder: LessonFolderInput, metaFile: string, issues: LessonIssue[]): Lesson | undefined {
  if (!folder.files.includes('meta.ts') || folder.metaLoadError !== undefined || folder.meta === undefined) {
    const why = !folder.files.includes('meta.ts')
      ? 'meta.ts is missing'
      : folder.metaLoadError !== undefined
        ? `meta.ts could not be loaded: ${folder.metaLoadError}`
        : 'meta.ts does not export `lesson`';
    issues.push({ rule: 'meta-load', file: metaFile, message: `${why}. It must contain export const lesson = { slug: '${folder.slug}', ... } satisfies Lesson;` });
    return undefined;
  }
  const parsed = lessonSchema.safeParse(folder.meta);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ rule: 'meta-schema', file: metaFile, path: formatFieldPath(issue.path) || '(lesson)', message: issue.message });
    }
    return undefined;
  }
  if (parsed.data.slug !== folder.slug) {
    issues.push({ rule: 'slug-mismatch', file: metaFile, path: 'slug', message: `slug "${parsed.data.slug}" differs from the folder name "${folder.slug}": they must be equal (the slug is the URL).` });
  }
  return parsed.data;
}

/** Prerequisites must name lessons of the course that come earlier in the order. */
function checkPrerequisites(lesson: Lesson, metaFile: string, order: readonly string[], folders: ReadonlySet<string>, issues: LessonIssue[]): void {
  const own = order.indexOf(lesson.slug);
  lesson.prerequisites.forEach((slug, p) => {
    const path = `prerequisites[${p}]`;
    const at = order.indexOf(slug);
    if (at < 0 && !folders.has(slug)) {
      issues.push({ rule: 'prerequisite-unknown', file: metaFile, path, message: `Prerequisite "${slug}" is not a lesson: use the slug of an existing lesson (a folder under lessons/).` });
    } else if (at < 0 || (own >= 0 && at >= own)) {
      issues.push({ rule: 'prerequisite-order', file: metaFile, path, message: `Prerequisite "${slug}" must come before "${lesson.slug}" in index.ts: move it earlier in the tracks, or drop the prerequisite.` });
    }
  });
}

/** lesson-content.ts must map every listed slug, and only those, to `./<slug>/content.mdx`. */
function checkContentMap(input: LessonsTreeInput, order: readonly string[], issues: LessonIssue[]): void {
  const file = 'lesson-content.ts';
  if (input.contentMapLoadError !== undefined || typeof input.contentMap !== 'object' || input.contentMap === null) {
    issues.push({ rule: 'content-map-load', file, message: `lesson-content.ts must export \`lessonContent\`, an object mapping each slug to () => import('./<slug>/content.mdx')${input.contentMapLoadError ? ` (it could not be loaded: ${input.contentMapLoadError})` : ''}.` });
    return;
  }
  const map = input.contentMap as Record<string, unknown>;
  for (const slug of order) {
    if (!Object.hasOwn(map, slug)) {
      issues.push({ rule: 'content-map-missing', file, message: `"${slug}" has no entry: add '${slug}': () => import('./${slug}/content.mdx'), so the lesson page can render it.` });
    }
  }
  for (const [slug, loader] of Object.entries(map)) {
    if (!order.includes(slug)) {
      issues.push({ rule: 'content-map-extra', file, path: slug, message: `"${slug}" is not a lesson of index.ts: remove the entry or list the lesson in a track.` });
    } else if (typeof loader !== 'function' || !importsOwnContent(loader, slug)) {
      issues.push({ rule: 'content-map-path', file, path: slug, message: `The entry for "${slug}" must be () => import('./${slug}/content.mdx'): another lesson's content would be shown.` });
    }
  }
}

/**
 * Whether a loader's source imports `<slug>/content.mdx` and nothing else. Reads the function's
 * text, which keeps the import specifier whichever tool transpiled it (`./x/content.mdx` under
 * tsx, `/lessons/x/content.mdx` under Vite).
 */
function importsOwnContent(loader: unknown, slug: string): boolean {
  const folders = [...String(loader).matchAll(/([\w-]+)\/content\.mdx/g)].map((m) => m[1]);
  return folders.length === 1 && folders[0] === slug;
}

/** Like {@link importsOwnContent}, for a module imported without extension (`./x/exercises`, maybe `.ts`). */
function importsOwnModule(loader: unknown, slug: string, module: string): boolean {
  const folders = [...String(loader).matchAll(new RegExp(`([\\w-]+)/${module}(?:\\.ts)?['"]`, 'g'))].map((m) => m[1]);
  return folders.length === 1 && folders[0] === slug;
}

/** The id and lesson slugs of a track that failed its schema, as far as they can be read. */
function lenientTrack(raw: unknown, index: number): { id: string; lessons: string[] } {
  const r = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown; lessons?: unknown }) : {};
  return {
    id: typeof r.id === 'string' ? r.id : `#${index}`,
    lessons: Array.isArray(r.lessons) ? r.lessons.filter((s): s is string => typeof s === 'string') : [],
  };
}

function slugOf(meta: unknown): unknown {
  return typeof meta === 'object' && meta !== null ? (meta as { slug?: unknown }).slug : undefined;
}

function camel(slug: string): string {
  return slug.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
