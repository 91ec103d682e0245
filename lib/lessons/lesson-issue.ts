/**
 * A problem found in lesson files, with where it is and what to do about it. Validators return
 * lists of these; the `lessons:check` script prints them one per line.
 *
 * @module
 */

/** Every rule the lesson validators enforce; tests name the rule they expect to fire. */
export const LESSON_RULES = [
  // content.mdx
  'mdx-syntax',
  'mdx-esm',
  'mdx-expression',
  'unknown-element',
  'planned-widget',
  'attribute-expression',
  'attribute-spread',
  'attribute-without-value',
  'unknown-attribute',
  'missing-attribute',
  'attribute-value',
  'unexpected-children',
  'content-outside-step',
  'nested-step',
  'step-missing',
  'step-extra',
  'step-duplicate',
  'step-order',
  'quiz-unknown',
  'quiz-duplicate',
  'quiz-unused',
  'heading-depth',
  'remote-image',
  'notes-placement',
  'requires-unreachable',
  // tracks.ts, the generated registry, folders, meta.ts
  'tracks-load',
  'tracks-shape',
  'track-schema',
  'track-duplicate',
  'track-missing-folder',
  'folder-not-listed',
  'slug-listed-twice',
  'registry-stale',
  'meta-load',
  'meta-schema',
  'slug-mismatch',
  'prerequisite-unknown',
  'prerequisite-order',
  'quiz-answer-first',
  'quiz-answer-longest',
  'content-missing',
  'unexpected-file',
  // exercises.ts, and <Exercise id> in content.mdx
  'exercises-load',
  'exercise-schema',
  'exercise-id-duplicate',
  'exercise-unknown',
  'exercise-placed-twice',
  'exercise-unused',
  'exercise-step',
  'exercise-check',
  'exercise-solution',
  'exercise-starter',
  'exercise-cheat',
] as const;

/** The id of a validation rule. */
export type LessonRule = (typeof LESSON_RULES)[number];

/** One validation error. */
export interface LessonIssue {
  /** Which rule fired. */
  readonly rule: LessonRule;
  /** Path relative to the lessons root, e.g. `welcome/content.mdx`, `tracks.ts` or `encrypt/exercises.ts`. */
  readonly file: string;
  /** 1-based line in `file`, when known. */
  readonly line?: number;
  /** Field path inside a module's export, e.g. `steps[1].requires[0].action`. */
  readonly path?: string;
  /** What is wrong and what to do, as one sentence or two. */
  readonly message: string;
}

/**
 * Formats an issue as `<root>/<file>:<line>: <message>` (or `<root>/<file>: <path>: <message>`),
 * the shape editors and CI logs turn into links.
 */
export function formatLessonIssue(issue: LessonIssue, root = 'lessons'): string {
  const file = `${root}/${issue.file}`;
  const where = issue.line !== undefined ? `${file}:${issue.line}` : file;
  return issue.path ? `${where}: ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}

/** Formats a zod-style path (`['steps', 1, 'id']`) as `steps[1].id`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
