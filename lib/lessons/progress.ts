/**
 * The learner's progress as stored in the browser, and everything that reads or writes it: the
 * versioned format, migration from older formats, classification of what is found in storage
 * (missing, valid, corrupt, written by a newer version), pure updates, and export/import files.
 *
 * Only ids and quiz answers are stored, never keys or other values from widgets: the schema is
 * strict, so nothing else can be written or read back.
 *
 * @module
 */
// zod/mini: the same validation as classic zod at a fraction of the bundle size; this module runs
// on every page (the progress store), unlike the lesson schema, which only the build and CLI load.
import * as z from 'zod/mini';
import { KEBAB_CASE } from './id-patterns';
import { formatFieldPath } from './lesson-issue';

/** localStorage key of the progress document. */
export const PROGRESS_STORAGE_KEY = 'backdoor-lab:progress';

/** The format version this code writes. */
export const PROGRESS_VERSION = 1;

/** Marker of an exported progress file, so a random JSON file is recognised as foreign. */
export const PROGRESS_FILE_FORMAT = 'backdoor-lab-progress';

/** Refuse files larger than this: progress for the whole course is a few kilobytes. */
export const MAX_PROGRESS_FILE_BYTES = 1_000_000;

const id = z.string().check(z.maxLength(100), z.regex(KEBAB_CASE, 'must be a kebab-case id'));
const choiceIndex = z.int().check(z.minimum(0), z.maximum(99));

/** A saved quiz answer: the chosen choice index, or the chosen indices of a multi question. */
export const quizAnswerSchema = z.union([choiceIndex, z.array(choiceIndex).check(z.maxLength(100))]);

/** Progress in one lesson: ids of the steps moved on from, when it was finished, answer per quiz id. */
export const lessonProgressSchema = z.strictObject({
  completedSteps: z.array(id).check(z.maxLength(200)),
  completedAt: z.optional(z.iso.datetime()),
  quiz: z.record(id, quizAnswerSchema),
});

/** Progress in one code exercise (by exercise id, unique across the course): when every check first passed. */
export const exerciseProgressSchema = z.strictObject({
  passedAt: z.optional(z.iso.datetime()),
});

/** The stored document, version 1. */
export const progressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  lessons: z.record(id, lessonProgressSchema),
  exercises: z.optional(z.record(id, exerciseProgressSchema)),
});

/** A saved quiz answer. */
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;
/** Progress in one lesson. */
export type LessonProgress = z.infer<typeof lessonProgressSchema>;
/** The whole stored progress (current version). */
export type Progress = z.infer<typeof progressSchema>;

/**
 * Version 0, a flat array of `"<lesson>/<step>"` strings (the prototype's format, kept so the
 * migration path is exercised): `["welcome/what-you-will-do", "welcome/moving-around"]`.
 */
export const progressV0Schema = z
  .array(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be "<lesson>/<step>"')))
  .check(z.maxLength(10_000));

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

/**
 * Upgrades a stored document of `fromVersion` to the current version. Throws ProgressFormatError
 * if the data does not match that version's format, or the version is unknown.
 */
export function migrateProgress(stored: unknown, fromVersion: number): Progress {
  if (fromVersion === 0) {
    const parsed = progressV0Schema.safeParse(stored);
    if (!parsed.success) throw new ProgressFormatError(`not a version 0 progress list: ${describeIssue(parsed.error)}`);
    let progress = emptyProgress();
    for (const entry of parsed.data) {
      const [slug, step] = entry.split('/') as [string, string];
      progress = withStepCompleted(progress, slug, step);
    }
    return progress;
  }
  if (fromVersion === PROGRESS_VERSION) {
    const parsed = progressSchema.safeParse(stored);
    if (!parsed.success) throw new ProgressFormatError(describeIssue(parsed.error));
    return parsed.data;
  }
  throw new ProgressFormatError(`unknown progress format version ${fromVersion}`);
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

/**
 * Classifies the raw text found in storage. Never throws: corrupt or foreign data and data from a
 * newer version are reported with the raw text, so the caller can offer to save it before reset.
 */
export function readStoredProgress(raw: string | null): StoredProgressRead {
  if (raw === null) return { kind: 'empty', progress: emptyProgress() };
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch (error) {
    return { kind: 'corrupt', reason: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`, raw };
  }
  const version = storedVersion(doc);
  if (version === undefined) return { kind: 'corrupt', reason: 'it is not Backdoor Lab progress (no format version)', raw };
  if (version > PROGRESS_VERSION) return { kind: 'future', version, raw };
  try {
    const progress = migrateProgress(doc, version);
    return version === PROGRESS_VERSION ? { kind: 'ok', progress } : { kind: 'ok', progress, migratedFrom: version };
  } catch (error) {
    return { kind: 'corrupt', reason: `it is damaged: ${error instanceof Error ? error.message : String(error)}`, raw };
  }
}

/** The text stored under PROGRESS_STORAGE_KEY. */
export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progressSchema.parse(progress));
}

function lessonOf(progress: Progress, slug: string): LessonProgress {
  return progress.lessons[slug] ?? { completedSteps: [], quiz: {} };
}

/** Marks a step done (idempotent). */
export function withStepCompleted(progress: Progress, slug: string, stepId: string): Progress {
  const lesson = lessonOf(progress, slug);
  if (lesson.completedSteps.includes(stepId)) return progress;
  return { ...progress, lessons: { ...progress.lessons, [slug]: { ...lesson, completedSteps: [...lesson.completedSteps, stepId] } } };
}

/** Records the answer chosen for a quiz question (replacing an earlier one). */
export function withQuizAnswer(progress: Progress, slug: string, quizId: string, answer: QuizAnswer): Progress {
  const lesson = lessonOf(progress, slug);
  return { ...progress, lessons: { ...progress.lessons, [slug]: { ...lesson, quiz: { ...lesson.quiz, [quizId]: answer } } } };
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
      const passedAt = [exercises[exerciseId]?.passedAt, inc.passedAt].filter((t): t is string => t !== undefined).sort()[0];
      exercises[exerciseId] = passedAt ? { passedAt } : {};
    }
  }
  return exercises ? { version: PROGRESS_VERSION, lessons, exercises } : { version: PROGRESS_VERSION, lessons };
}

/** The text of an exported progress file. */
export function exportProgressFile(progress: Progress, now: Date): string {
  return `${JSON.stringify({ format: PROGRESS_FILE_FORMAT, exportedAt: now.toISOString(), progress: progressSchema.parse(progress) }, null, 2)}\n`;
}

/** The suggested name of an exported progress file, e.g. `backdoor-lab-progress-2026-11-22.json`. */
export function progressFileName(now: Date): string {
  return `${PROGRESS_FILE_FORMAT}-${now.toISOString().slice(0, 10)}.json`;
}

/** Result of reading a progress file chosen by the learner. */
export type ProgressFileRead = { ok: true; progress: Progress } | { ok: false; message: string };

/**
 * Reads a file the learner chose to import: an exported progress file, or the raw stored text
 * they downloaded from the "cannot read your progress" banner (any known version). Every failure
 * comes back as a sentence for the learner.
 */
export function parseProgressFile(text: string, byteLength = text.length): ProgressFileRead {
  if (byteLength > MAX_PROGRESS_FILE_BYTES) {
    return { ok: false, message: `This file is too large to be progress (${Math.round(byteLength / 1000)} kB; progress files are a few kB). Choose the file you exported from Backdoor Lab.` };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON, so it is not a Backdoor Lab progress file. Choose the .json file you exported.' };
  }
  const isExport = typeof doc === 'object' && doc !== null && (doc as { format?: unknown }).format === PROGRESS_FILE_FORMAT;
  const stored = isExport ? (doc as { progress?: unknown }).progress : doc;
  const version = storedVersion(stored);
  if (version === undefined) {
    return { ok: false, message: 'This JSON file is not Backdoor Lab progress (it has no progress format version). Choose the file you exported with "Export progress".' };
  }
  if (version > PROGRESS_VERSION) {
    return { ok: false, message: `This file was written by a newer version of Backdoor Lab (progress format ${version}; this version reads up to ${PROGRESS_VERSION}). Import it into the newer version instead.` };
  }
  try {
    return { ok: true, progress: migrateProgress(stored, version) };
  } catch (error) {
    return { ok: false, message: `This progress file is damaged and was not imported: ${error instanceof Error ? error.message : String(error)}.` };
  }
}

/** The shape of a zod issue this module reads (zod/mini ships no English messages, so we word them). */
interface SchemaIssue {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: unknown;
  readonly keys?: readonly string[];
}

function describeIssue(error: { issues: readonly SchemaIssue[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  let what: string;
  switch (issue.code) {
    case 'invalid_type':
      what = `expected ${String(issue.expected)}`;
      break;
    case 'unrecognized_keys':
      what = `unexpected field${(issue.keys ?? []).length === 1 ? '' : 's'} ${(issue.keys ?? []).map((k) => `"${k}"`).join(', ')}`;
      break;
    case 'invalid_key':
      what = 'not a valid id (lowercase kebab-case expected)';
      break;
    case 'too_big':
      what = 'too long';
      break;
    case 'too_small':
      what = 'too small';
      break;
    default:
      what = issue.message === 'Invalid input' ? 'invalid value' : issue.message;
  }
  const where = formatFieldPath(issue.path);
  return where ? `${where}: ${what}` : what;
}
