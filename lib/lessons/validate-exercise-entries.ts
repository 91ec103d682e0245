/**
 * The entries of one lesson's exercises.ts, built: each against the exercise schema, ids unique
 * across the course.
 *
 * @module
 */
import { formatFieldPath, type LessonIssue } from './lesson-issue';
import { exerciseIdOf } from './lesson-exercises';
import type { LessonFolderInput } from './lessons-tree-input';
import { exerciseSpecSchema } from '../sandbox/exercise-spec';

/**
 * Checks the built entries of a folder's exercises.ts against the exercise schema, and their ids
 * for uniqueness across the course (`owners`: id → file that defined it first). Returns the ids
 * the content may refer to: `[]` without exercises.ts, undefined when it could not be loaded.
 */
export function checkExerciseEntries(
  folder: LessonFolderInput,
  owners: Map<string, string>,
  issues: LessonIssue[],
): string[] | undefined {
  const file = `${folder.slug}/exercises.ts`;
  if (!folder.files.includes('exercises.ts')) return [];
  if (folder.exercisesLoadError !== undefined || !Array.isArray(folder.exercises)) {
    const why = folder.exercisesLoadError ?? 'it does not export `exercises`';
    issues.push({
      rule: 'exercises-load',
      file,
      message: `exercises.ts could not be loaded: ${why}. It must contain export const exercises = [...] satisfies LessonExercises; (specs, or functions that build them).`,
    });
    return undefined;
  }
  const ids: string[] = [];
  folder.exercises.forEach((entry: unknown, index) => {
    const id = exerciseIdOf(entry);
    const parsed = exerciseSpecSchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({
          rule: 'exercise-schema',
          file,
          path: formatFieldPath([`exercises`, index, ...issue.path]),
          message: `${id ? `exercise '${id}': ` : ''}${issue.message}`,
        });
      }
    }
    if (id === undefined) return;
    ids.push(id);
    const owner = owners.get(id);
    if (owner !== undefined) {
      issues.push({
        rule: 'exercise-id-duplicate',
        file,
        path: `exercises[${index}].id`,
        message: `Exercise id "${id}" is already used in ${owner}: ids are unique across the course (drafts and progress are keyed by them); rename one.`,
      });
    } else {
      owners.set(id, file);
    }
  });
  return ids;
}
