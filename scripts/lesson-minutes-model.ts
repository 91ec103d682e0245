/**
 * How long a lesson takes a newcomer, estimated: the words they read (the step prose and the
 * quizzes) at a reading speed for technical text, plus an allowance for each widget they work and
 * each code exercise they write. `scripts/lesson-minutes.ts` runs it over lessons/ and prints the
 * estimate next to each lesson's declared `minutes`; lessons/README.md ("How minutes are set")
 * says how authors use it. Pure: text in, numbers out.
 * @module
 */
import type { Lesson } from '../lib/lessons/lesson-types';

/**
 * Words per minute for the lessons' prose. Adults read non-fiction silently at about 238 words a
 * minute on average (M. Brysbaert, "How many words do we read per minute?", Journal of Memory and
 * Language 109, 2019); these steps are technical, full of names and byte values, and read while
 * looking at a widget, so the model reads slower.
 */
export const READING_WORDS_PER_MINUTE = 180;

/** Seconds to weigh the choices of one quiz question and check an answer, on top of reading it. */
export const QUIZ_DECISION_SECONDS = 15;

/** Seconds for a widget the model has no allowance for (the estimate names it, so one gets added). */
export const UNKNOWN_WIDGET_SECONDS = 60;

/**
 * Seconds a newcomer spends working each widget once: pressing its controls in order and reading
 * what it computed (its labels and byte views are not in the prose count). Allowances set from the
 * number of controls to use and outputs to read (about 15 s each, more where a run takes seconds);
 * not yet timed with newcomers: replace a value when a timed walk says otherwise.
 */
export const WIDGET_SECONDS: Readonly<Record<string, number>> = {
  KeyPair: 30,
  KeyExchange: 60,
  Derive: 60,
  EncryptDecrypt: 75,
  Tamper: 60,
  Wire: 45,
  NonceReuse: 90,
  SelfTest: 30,
  LowOrderKey: 60,
  Conversation: 120,
  ServerView: 75,
  DeviceTheft: 120,
  RatchetHealing: 120,
  EscrowSwitch: 120,
  Warrant: 150,
  AttackConsole: 90,
  Forge: 90,
  BlastRadius: 90,
  EscrowBinding: 150,
  SplitKeys: 90,
  EscrowEvasion: 90,
  Mitigation: 45,
  MitigationChart: 30,
  GhostGroup: 75,
};

/**
 * Seconds for each code exercise, by id: reading its instructions, writing the code with the hints
 * and running it until every check passes. A required exercise (a step requires
 * `exercise:<id>`) counts in the minutes; an optional one is reported beside them, since Next works
 * without it.
 */
export const EXERCISE_SECONDS: Readonly<Record<string, number>> = {
  'shared-secret-by-hand': 300,
  'open-and-spot-the-tamper': 420,
  'walk-the-chain': 540,
  'write-the-attack': 2400,
};

/** Seconds for an exercise the model has no allowance for. */
export const UNKNOWN_EXERCISE_SECONDS = 600;

/** Elements that are structure or counted elsewhere, not widgets the learner works. */
const NOT_WIDGETS = new Set(['Step', 'Callout', 'Quiz', 'Exercise', 'Notes']);

/**
 * The prose a learner reads in a content.mdx: comments, presenter notes (`<Notes>`, shown only to a
 * presenter) and element tags removed, the text inside Callouts and steps kept.
 */
export function readableProse(mdx: string): string {
  return mdx
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<Notes\b[^>]*>[\s\S]*?<\/Notes>/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ');
}

/** Words in a text: runs of non-space characters holding at least one letter or digit. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** The widgets placed in a content.mdx, by element name, in order (presenter notes excluded). */
export function widgetsUsed(mdx: string): string[] {
  const visible = mdx.replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ').replace(/<Notes\b[^>]*>[\s\S]*?<\/Notes>/g, ' ');
  return [...visible.matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)].map((m) => m[1]!).filter((name) => !NOT_WIDGETS.has(name));
}

/** Words of a quiz as a learner reads it: the question, every choice, and the right answer's explanation. */
export function quizWords(quiz: Lesson['quiz']): number {
  let words = 0;
  for (const q of quiz) {
    words += countWords(q.question);
    for (const c of q.choices) words += countWords(c.text) + (c.correct ? countWords(c.explanation) : 0);
  }
  return words;
}

/** One lesson's estimate and its parts, in seconds. */
export interface MinutesEstimate {
  readonly proseWords: number;
  readonly quizWords: number;
  readonly readingSeconds: number;
  readonly quizSeconds: number;
  readonly widgetSeconds: number;
  readonly exerciseSeconds: number;
  /** Optional exercises (no step requires them): not in `minutes`. */
  readonly optionalExerciseSeconds: number;
  /** Widgets and exercises with no allowance (the default was used). */
  readonly unknown: readonly string[];
  /** The whole estimate, rounded to the nearest minute (at least 1). */
  readonly minutes: number;
}

/** Estimates the minutes of one lesson from its metadata and its content.mdx. */
export function estimateLessonMinutes(lesson: Pick<Lesson, 'quiz' | 'steps'>, mdx: string): MinutesEstimate {
  const required = new Set(lesson.steps.flatMap((s) => (s.requires ?? []).map((r) => r.action)));
  const proseWords = countWords(readableProse(mdx));
  const qWords = quizWords(lesson.quiz);
  const readingSeconds = ((proseWords + qWords) / READING_WORDS_PER_MINUTE) * 60;
  const quizSeconds = lesson.quiz.length * QUIZ_DECISION_SECONDS;
  const unknown: string[] = [];
  let widgetSeconds = 0;
  for (const name of widgetsUsed(mdx)) {
    const allowance = WIDGET_SECONDS[name];
    if (allowance === undefined) unknown.push(name);
    widgetSeconds += allowance ?? UNKNOWN_WIDGET_SECONDS;
  }
  let exerciseSeconds = 0;
  let optionalExerciseSeconds = 0;
  for (const step of lesson.steps) {
    if (!step.exercise) continue;
    const allowance = EXERCISE_SECONDS[step.exercise];
    if (allowance === undefined) unknown.push(`exercise ${step.exercise}`);
    if (required.has(`exercise:${step.exercise}`)) exerciseSeconds += allowance ?? UNKNOWN_EXERCISE_SECONDS;
    else optionalExerciseSeconds += allowance ?? UNKNOWN_EXERCISE_SECONDS;
  }
  const total = readingSeconds + quizSeconds + widgetSeconds + exerciseSeconds;
  return {
    proseWords,
    quizWords: qWords,
    readingSeconds,
    quizSeconds,
    widgetSeconds,
    exerciseSeconds,
    optionalExerciseSeconds,
    unknown,
    minutes: Math.max(1, Math.round(total / 60)),
  };
}
