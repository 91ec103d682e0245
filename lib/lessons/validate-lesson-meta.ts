/**
 * One lesson's meta.ts: loaded, valid against the lesson schema, its slug equal to its folder, and
 * its prerequisites earlier lessons of the course.
 *
 * @module
 */
import { formatFieldPath, type LessonIssue } from './lesson-issue';
import { lessonSchema } from './lesson-schema';
import type { Lesson } from './lesson-types';
import type { LessonFolderInput } from './lessons-tree-input';

/** Parses meta.ts's export with the schema; returns the lesson when valid. */
export function checkMeta(folder: LessonFolderInput, metaFile: string, issues: LessonIssue[]): Lesson | undefined {
  if (!folder.files.includes('meta.ts') || folder.metaLoadError !== undefined || folder.meta === undefined) {
    const why = !folder.files.includes('meta.ts')
      ? 'meta.ts is missing'
      : folder.metaLoadError !== undefined
        ? `meta.ts could not be loaded: ${folder.metaLoadError}`
        : 'meta.ts does not export `lesson`';
    issues.push({
      rule: 'meta-load',
      file: metaFile,
      message: `${why}. It must contain export const lesson = { slug: '${folder.slug}', ... } satisfies Lesson;`,
    });
    return undefined;
  }
  const parsed = lessonSchema.safeParse(folder.meta);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({
        rule: 'meta-schema',
        file: metaFile,
        path: formatFieldPath(issue.path) || '(lesson)',
        message: issue.message,
      });
    }
    return undefined;
  }
  if (parsed.data.slug !== folder.slug) {
    issues.push({
      rule: 'slug-mismatch',
      file: metaFile,
      path: 'slug',
      message: `slug "${parsed.data.slug}" differs from the folder name "${folder.slug}": they must be equal (the slug is the URL).`,
    });
  }
  return parsed.data;
}

/** Prerequisites must name lessons of the course that come earlier in the order. */
export function checkPrerequisites(
  lesson: Lesson,
  metaFile: string,
  order: readonly string[],
  folders: ReadonlySet<string>,
  issues: LessonIssue[],
): void {
  const own = order.indexOf(lesson.slug);
  lesson.prerequisites.forEach((slug, p) => {
    const path = `prerequisites[${p}]`;
    const at = order.indexOf(slug);
    if (at < 0 && !folders.has(slug)) {
      issues.push({
        rule: 'prerequisite-unknown',
        file: metaFile,
        path,
        message: `Prerequisite "${slug}" is not a lesson: use the slug of an existing lesson (a folder under lessons/).`,
      });
    } else if (at < 0 || (own >= 0 && at >= own)) {
      issues.push({
        rule: 'prerequisite-order',
        file: metaFile,
        path,
        message: `Prerequisite "${slug}" must come before "${lesson.slug}" in index.ts: move it earlier in the tracks, or drop the prerequisite.`,
      });
    }
  });
}
