/**
 * The learner's progress as stored in the browser: the format (version 1) and pure updates.
 * Reading, validating and migrating stored or imported data is in progress-schema.ts, which pages
 * load only when they read or write storage, so the validator stays out of every page's first load.
 *
 * Only ids and quiz answers are stored, never keys or other values from widgets: the schema is
 * strict, so nothing else can be written or read back.
 *
 * @module
 */

/** localStorage key of the progress document. */
export const PROGRESS_STORAGE_KEY = 'backdoor-lab:progress';

/** The format version this code writes. */
export const PROGRESS_VERSION = 1 as const;

/** Marker of an exported progress file, so a random JSON file is recognised as foreign. */
export const PROGRESS_FILE_FORMAT = 'backdoor-lab-progress';

/** Refuse files larger than this: progress for the whole course is a few kilobytes. */
export const MAX_PROGRESS_FILE_BYTES = 1_000_000;

/** A saved quiz answer: the chosen choice index, or the chosen indices of a multi question. */
export type QuizAnswer = number | number[];

/** Progress in one lesson: ids of the steps moved on from, when it was finished, answer per quiz id. */
export interface LessonProgress {
  completedSteps: string[];
  completedAt?: string;
  quiz: Record<string, QuizAnswer>;
}

/** Progress in one code exercise (by exercise id, unique across the course): when every check first passed. */
export interface ExerciseProgress {
  passedAt?: string;
}

/** The whole stored progress (current version). */
export interface Progress {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
  exercises?: Record<string, ExerciseProgress>;
}

/** What was found under the storage key. */
export type StoredProgressRead =
  | { kind: 'empty'; progress: Progress }
  | { kind: 'ok'; progress: Progress; migratedFrom?: number }
  | { kind: 'corrupt'; reason: string; raw: string }
  | { kind: 'future'; version: number; raw: string };

/** Progress with nothing done. */
export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {} };
}

/** Thrown when stored or imported data cannot be turned into current progress. */
export class ProgressFormatError extends Error {
  override name = 'ProgressFormatError';
}

/** The version of a stored document (0 for the bare array), or undefined if it has none. */
export function storedVersion(doc: unknown): number | undefined {
  if (Array.isArray(doc)) return 0;
  if (typeof doc === 'object' && doc !== null && 'version' in doc) {
    const v = (doc as { version: unknown }).version;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  }
  return undefined;
}

function lessonOf(progress: Progress, slug: string): LessonProgress {
  return progress.lessons[slug] ?? { completedSteps: [], quiz: {} };
}

/** Marks a step done (idempotent). */
export function withStepCompleted(progress: Progress, slug: string, stepId: string): Progress {
  const lesson = lessonOf(progress, slug);
  if (lesson.completedSteps.includes(stepId)) return progress;
  return {
    ...progress,
    lessons: { ...progress.lessons, [slug]: { ...lesson, completedSteps: [...lesson.completedSteps, stepId] } },
  };
}

/** Records the answer chosen for a quiz question (replacing an earlier one). */
export function withQuizAnswer(progress: Progress, slug: string, quizId: string, answer: QuizAnswer): Progress {
  const lesson = lessonOf(progress, slug);
  return {
    ...progress,
    lessons: { ...progress.lessons, [slug]: { ...lesson, quiz: { ...lesson.quiz, [quizId]: answer } } },
  };
}

/** Records that every check of exercise `exerciseId` passed at `at`, keeping the first time. */
export function withExercisePassed(progress: Progress, exerciseId: string, at: Date): Progress {
  if (progress.exercises?.[exerciseId]?.passedAt) return progress;
  return { ...progress, exercises: { ...progress.exercises, [exerciseId]: { passedAt: at.toISOString() } } };
}

/** Marks a lesson complete at `at`, keeping the first completion time. */
export function withLessonCompleted(progress: Progress, slug: string, at: Date): Progress {
  const lesson = lessonOf(progress, slug);
  if (lesson.completedAt) return progress;
  return { ...progress, lessons: { ...progress.lessons, [slug]: { ...lesson, completedAt: at.toISOString() } } };
}

/**
 * Combines imported progress into existing progress without losing either: completed steps are
 * united, the earlier completion time (and exercise pass time) is kept, and imported quiz answers
 * replace existing ones.
 */
export function mergeProgress(base: Progress, incoming: Progress): Progress {
  const lessons: Record<string, LessonProgress> = { ...base.lessons };
  for (const [slug, inc] of Object.entries(incoming.lessons)) {
    const cur = lessons[slug];
    if (!cur) {
      lessons[slug] = inc;
      continue;
    }
    const completedAt = [cur.completedAt, inc.completedAt].filter((t): t is string => t !== undefined).sort()[0];
    lessons[slug] = {
      completedSteps: [...new Set([...cur.completedSteps, ...inc.completedSteps])],
      ...(completedAt ? { completedAt } : {}),
      quiz: { ...cur.quiz, ...inc.quiz },
    };
  }
  let exercises: Progress['exercises'];
  if (base.exercises || incoming.exercises) {
    exercises = { ...base.exercises };
    for (const [exerciseId, inc] of Object.entries(incoming.exercises ?? {})) {
      // The first pass is the one that counts, whichever side it comes from.
      const passedAt = [exercises[exerciseId]?.passedAt, inc.passedAt]
        .filter((t): t is string => t !== undefined)
        .sort()[0];
      exercises[exerciseId] = passedAt ? { passedAt } : {};
    }
  }
  return exercises ? { version: PROGRESS_VERSION, lessons, exercises } : { version: PROGRESS_VERSION, lessons };
}

/** The suggested name of an exported progress file, e.g. `backdoor-lab-progress-2026-11-22.json`. */
export function progressFileName(now: Date): string {
  return `${PROGRESS_FILE_FORMAT}-${now.toISOString().slice(0, 10)}.json`;
}

/** Result of reading a progress file chosen by the learner (progress-schema.ts parseProgressFile). */
export type ProgressFileRead = { ok: true; progress: Progress } | { ok: false; message: string };
