/**
 * Validation of stored and imported progress: the zod/mini schemas of format version 1 (checked
 * against the interfaces in progress.ts at compile time), migration from older formats,
 * classification of what is found in storage (missing, valid, corrupt, written by a newer version),
 * and export/import files. Only ids and quiz answers are ever read back: the schema is strict.
 *
 * Loaded on demand (storage reads and writes, file import and export), not with the page.
 * @module
 */
import * as z from 'zod/mini';
import { KEBAB_CASE } from './id-patterns';
import { formatFieldPath } from './lesson-issue';
import {
  emptyProgress,
  MAX_PROGRESS_FILE_BYTES,
  PROGRESS_FILE_FORMAT,
  PROGRESS_VERSION,
  ProgressFormatError,
  storedVersion,
  withStepCompleted,
  type ExerciseProgress,
  type LessonProgress,
  type Progress,
  type ProgressFileRead,
  type QuizAnswer,
  type StoredProgressRead,
} from './progress';

const id = z.string().check(z.maxLength(100), z.regex(KEBAB_CASE, 'must be a kebab-case id'));
const choiceIndex = z.int().check(z.minimum(0), z.maximum(99));

/** A saved quiz answer: the chosen choice index, or the chosen indices of a multi question. */
const quizAnswerSchema = z.union([choiceIndex, z.array(choiceIndex).check(z.maxLength(100))]);

/** Progress in one lesson: ids of the steps moved on from, when it was finished, answer per quiz id. */
const lessonProgressSchema = z.strictObject({
  completedSteps: z.array(id).check(z.maxLength(200)),
  completedAt: z.optional(z.iso.datetime()),
  quiz: z.record(id, quizAnswerSchema),
});

/** Progress in one exercise (reserved for the exercise runner): when every check first passed. */
const exerciseProgressSchema = z.strictObject({
  passedAt: z.optional(z.iso.datetime()),
});

/** The stored document, version 1. */
const progressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  lessons: z.record(id, lessonProgressSchema),
  exercises: z.optional(z.record(id, exerciseProgressSchema)),
});

// The schemas and the hand-written interfaces must describe the same data.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: [
  Same<z.infer<typeof quizAnswerSchema>, QuizAnswer>,
  Same<z.infer<typeof lessonProgressSchema>, LessonProgress>,
  Same<z.infer<typeof exerciseProgressSchema>, ExerciseProgress>,
  Same<z.infer<typeof progressSchema>, Progress>,
] = [true, true, true, true];
void schemaMatchesTypes;

/**
 * Version 0, a flat array of `"<lesson>/<step>"` strings (the prototype's format, kept so the
 * migration path is exercised): `["welcome/what-you-will-do", "welcome/moving-around"]`.
 */
const progressV0Schema = z
  .array(z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be "<lesson>/<step>"')))
  .check(z.maxLength(10_000));

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
    return {
      kind: 'corrupt',
      reason: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      raw,
    };
  }
  const version = storedVersion(doc);
  if (version === undefined)
    return { kind: 'corrupt', reason: 'it is not Backdoor Lab progress (no format version)', raw };
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

/** The text of an exported progress file. */
export function exportProgressFile(progress: Progress, now: Date): string {
  return `${JSON.stringify({ format: PROGRESS_FILE_FORMAT, exportedAt: now.toISOString(), progress: progressSchema.parse(progress) }, null, 2)}\n`;
}

/**
 * Reads a file the learner chose to import: an exported progress file, or the raw stored text
 * they downloaded from the "cannot read your progress" banner (any known version). Every failure
 * comes back as a sentence for the learner.
 */
export function parseProgressFile(text: string, byteLength = text.length): ProgressFileRead {
  if (byteLength > MAX_PROGRESS_FILE_BYTES) {
    return {
      ok: false,
      message: `This file is too large to be progress (${Math.round(byteLength / 1000)} kB; progress files are a few kB). Choose the file you exported from Backdoor Lab.`,
    };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: 'This file is not JSON, so it is not a Backdoor Lab progress file. Choose the .json file you exported.',
    };
  }
  const isExport =
    typeof doc === 'object' && doc !== null && (doc as { format?: unknown }).format === PROGRESS_FILE_FORMAT;
  const stored = isExport ? (doc as { progress?: unknown }).progress : doc;
  const version = storedVersion(stored);
  if (version === undefined) {
    return {
      ok: false,
      message:
        'This JSON file is not Backdoor Lab progress (it has no progress format version). Choose the file you exported with "Export progress".',
    };
  }
  if (version > PROGRESS_VERSION) {
    return {
      ok: false,
      message: `This file was written by a newer version of Backdoor Lab (progress format ${version}; this version reads up to ${PROGRESS_VERSION}). Import it into the newer version instead.`,
    };
  }
  try {
    return { ok: true, progress: migrateProgress(stored, version) };
  } catch (error) {
    return {
      ok: false,
      message: `This progress file is damaged and was not imported: ${error instanceof Error ? error.message : String(error)}.`,
    };
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
