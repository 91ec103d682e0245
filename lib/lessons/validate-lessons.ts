/**
 * Checks the lessons tree as a whole: `tracks.ts` against the lesson folders (both ways,
 * validate-tracks.ts), whether the generated registry is up to date, the files of each folder, each `meta.ts` against the schema and its
 * prerequisites against the course order (validate-lesson-meta.ts), each `content.mdx` with
 * `validate-mdx.ts`, each `exercises.ts` (its entries against the exercise schema and ids unique
 * across the course, validate-exercise-entries.ts; `<Exercise id>` in the content both ways). The input is lessons-tree-input.ts. Pure and synchronous: the caller reads the files, imports
 * the modules and builds the exercises (scripts/lessons-check.ts); running each exercise's
 * solution and starter is validate-exercises.ts.
 *
 * @module
 */
import type { LessonIssue } from './lesson-issue';
import type { LessonsTreeInput } from './lessons-tree-input';
import { checkQuizAnswerTells } from './quiz-answer-tells';
import { checkExerciseEntries } from './validate-exercise-entries';
import { checkMeta, checkPrerequisites } from './validate-lesson-meta';
import { checkTracks } from './validate-tracks';
import { validateLessonMdx } from './validate-mdx';

/** Files a lesson folder may contain; anything else is reported so it is not silently ignored. */
const LESSON_FILES = ['meta.ts', 'content.mdx', 'exercises.ts'] as const;

/** Validates the whole tree; returns every problem found (empty when all is well). */
export function validateLessons(input: LessonsTreeInput): LessonIssue[] {
  const issues: LessonIssue[] = [];
  // undefined when tracks.ts is unreadable: order-dependent checks are skipped rather than
  // burying the one real problem under a report for every folder.
  const order = checkTracks(input, issues);
  if (input.registry?.stale) {
    issues.push({
      rule: 'registry-stale',
      file: input.registry.file,
      message:
        'The generated lesson registry does not match the lesson folders: run `npm run lessons:registry` (npm run dev, build, lessons:check and test do it first).',
    });
  }
  const folderSlugs = new Set(input.folders.map((f) => f.slug));
  const exerciseOwners = new Map<string, string>();

  for (const folder of input.folders) {
    const metaFile = `${folder.slug}/meta.ts`;
    for (const file of folder.files) {
      if (!(LESSON_FILES as readonly string[]).includes(file)) {
        issues.push({
          rule: 'unexpected-file',
          file: `${folder.slug}/${file}`,
          message: `Unexpected file in a lesson folder: a lesson has only ${LESSON_FILES.join(' and ')}. Move or remove it.`,
        });
      }
    }
    if (order && !order.includes(folder.slug)) {
      issues.push({
        rule: 'folder-not-listed',
        file: 'tracks.ts',
        message: `Folder ${folder.slug}/ is not in any track: add '${folder.slug}' to a track's lessons in tracks.ts (or delete the folder).`,
      });
    }
    const lesson = checkMeta(folder, metaFile, issues);
    if (lesson) issues.push(...checkQuizAnswerTells(lesson, metaFile));
    const exerciseIds = checkExerciseEntries(folder, exerciseOwners, issues);
    if (folder.content === undefined) {
      issues.push({
        rule: 'content-missing',
        file: `${folder.slug}/content.mdx`,
        message: 'content.mdx is missing: every lesson needs its prose, divided into <Step id="..."> blocks.',
      });
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

  return issues;
}
