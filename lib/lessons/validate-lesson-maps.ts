/**
 * The two lazy import maps of the lessons root: `lesson-content.ts` (slug → its content.mdx) and
 * `lesson-exercises.ts` (slug → its exercises.ts), each against the lessons it must cover, and
 * each entry importing its own lesson's module.
 *
 * @module
 */
import type { LessonIssue } from './lesson-issue';
import type { LessonsTreeInput } from './lessons-tree-input';

/** lesson-content.ts must map every listed slug, and only those, to `./<slug>/content.mdx`. */
export function checkContentMap(input: LessonsTreeInput, order: readonly string[], issues: LessonIssue[]): void {
  const file = 'lesson-content.ts';
  if (input.contentMapLoadError !== undefined || typeof input.contentMap !== 'object' || input.contentMap === null) {
    issues.push({
      rule: 'content-map-load',
      file,
      message: `lesson-content.ts must export \`lessonContent\`, an object mapping each slug to () => import('./<slug>/content.mdx')${input.contentMapLoadError ? ` (it could not be loaded: ${input.contentMapLoadError})` : ''}.`,
    });
    return;
  }
  const map = input.contentMap as Record<string, unknown>;
  for (const slug of order) {
    if (!Object.hasOwn(map, slug)) {
      issues.push({
        rule: 'content-map-missing',
        file,
        message: `"${slug}" has no entry: add '${slug}': () => import('./${slug}/content.mdx'), so the lesson page can render it.`,
      });
    }
  }
  for (const [slug, loader] of Object.entries(map)) {
    if (!order.includes(slug)) {
      issues.push({
        rule: 'content-map-extra',
        file,
        path: slug,
        message: `"${slug}" is not a lesson of index.ts: remove the entry or list the lesson in a track.`,
      });
    } else if (typeof loader !== 'function' || !importsOwnContent(loader, slug)) {
      issues.push({
        rule: 'content-map-path',
        file,
        path: slug,
        message: `The entry for "${slug}" must be () => import('./${slug}/content.mdx'): another lesson's content would be shown.`,
      });
    }
  }
}

/** lesson-exercises.ts must map every lesson that has exercises.ts, and only those, to `./<slug>/exercises`. */
export function checkExerciseMap(input: LessonsTreeInput, issues: LessonIssue[]): void {
  const file = 'lesson-exercises.ts';
  const withExercises = input.folders.filter((f) => f.files.includes('exercises.ts')).map((f) => f.slug);
  if (
    input.exerciseMapLoadError !== undefined ||
    (input.exerciseMap !== undefined && (typeof input.exerciseMap !== 'object' || input.exerciseMap === null))
  ) {
    issues.push({
      rule: 'exercise-map-load',
      file,
      message: `lesson-exercises.ts must export \`lessonExercises\`, an object mapping each slug that has exercises to () => import('./<slug>/exercises')${input.exerciseMapLoadError ? ` (it could not be loaded: ${input.exerciseMapLoadError})` : ''}.`,
    });
    return;
  }
  const map = (input.exerciseMap ?? {}) as Record<string, unknown>;
  for (const slug of withExercises) {
    if (!Object.hasOwn(map, slug)) {
      issues.push({
        rule: 'exercise-map-missing',
        file,
        message: `"${slug}" has exercises.ts but no entry: add '${slug}': () => import('./${slug}/exercises'), so the lesson page gets its exercises.`,
      });
    }
  }
  for (const [slug, loader] of Object.entries(map)) {
    if (!withExercises.includes(slug)) {
      issues.push({
        rule: 'exercise-map-extra',
        file,
        path: slug,
        message: `"${slug}" has no lessons/${slug}/exercises.ts: remove the entry, or create the file.`,
      });
    } else if (typeof loader !== 'function' || !importsOwnModule(loader, slug, 'exercises')) {
      issues.push({
        rule: 'exercise-map-path',
        file,
        path: slug,
        message: `The entry for "${slug}" must be () => import('./${slug}/exercises'): another lesson's exercises would be shown.`,
      });
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
