/**
 * Development only (`npm run dev`; the lesson page imports this behind a NODE_ENV check, so the
 * production bundle has none of it): validates the lesson being viewed with the same rules as
 * `npm run lessons:check` (all but running the exercises) each time the page renders, so a save
 * that breaks a rule shows the problem in the page, with its file, line and what to do.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lessonMetaByFolder, lessonsSource, tracks } from '@/lessons/index';
import { formatLessonIssue } from '@/lib/lessons/lesson-issue';
import type { LessonFolderInput } from '@/lib/lessons/lessons-tree-input';
import { validateLessons } from '@/lib/lessons/validate-lessons';

/** One problem, as the page shows it. */
export interface DevLessonProblem {
  /** `lessons/<slug>/content.mdx:9`, as lessons:check prints it. */
  readonly where: string;
  readonly message: string;
}

/** The problems of lesson folder `slug` (and of tracks.ts), read from the author's files now. */
export function devLessonProblems(slug: string, exercises: unknown): DevLessonProblem[] {
  const folders: LessonFolderInput[] = Object.entries(lessonMetaByFolder).map(([folder, meta]) => {
    const dir = path.join(lessonsSource.dir, folder);
    const files = existsSync(dir) ? readdirSync(dir).sort() : [];
    // Only this lesson's prose is read and checked: the page shows this lesson's problems.
    const content =
      folder === slug && files.includes('content.mdx') ? readFileSync(path.join(dir, 'content.mdx'), 'utf8') : '';
    return {
      slug: folder,
      files,
      meta,
      content,
      ...(folder === slug && files.includes('exercises.ts') ? { exercises } : {}),
    };
  });
  const issues = validateLessons({ tracks, folders }).filter(
    (issue) => issue.file.startsWith(`${slug}/`) || issue.file === 'tracks.ts',
  );
  return issues.map((issue) => {
    const line = formatLessonIssue(issue, lessonsSource.label);
    const where = `${lessonsSource.label}/${issue.file}${issue.line !== undefined ? `:${issue.line}` : ''}`;
    return { where, message: line.slice(where.length + 2) };
  });
}
