/**
 * Run-time schema for lesson metadata and tracks (zod 4). Every object is strict, so a misspelt
 * field ("objective" for "objectives") is reported instead of silently ignored. The inferred types
 * are checked against the hand-written interfaces of `lesson-types.ts` at compile time (bottom of
 * this file): change one and TypeScript makes you change the other.
 *
 * @module
 */
import { z } from 'zod';
import { ACTION_ID, KEBAB_CASE } from './id-patterns';
import type { Lesson, Track } from './lesson-types';

const kebabId = (what: string) =>
  stringOf(what)
    .regex(KEBAB_CASE, { message: `${what} must be kebab-case (a-z, 0-9, single hyphens), e.g. "send-a-message"` })
    .describe(`${what}: stable kebab-case id`);

/** Says "is required" for a missing field instead of zod's "expected string, received undefined". */
const stringOf = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be a string`) });

const text = (what: string) =>
  stringOf(what)
    .trim()
    .min(1, { message: `${what} must not be empty` })
    .describe(what);

/** What must be done before a step's Next is enabled. */
const stepRequirementSchema = z
  .strictObject({
    action: z
      .string()
      .regex(ACTION_ID, { message: 'action must look like "keypair:bob" (lowercase words joined by ":", "-" or ".")' })
      .describe('Action id a widget reports with recordLessonAction(id)'),
    hint: text('hint: what the learner must do, e.g. "Generate Bob\'s key pair first."'),
  })
  .describe('A requirement of a step');

/** One step of a lesson. */
const lessonStepSchema = z
  .strictObject({
    id: kebabId('step id'),
    title: text('step title'),
    requires: z.array(stepRequirementSchema).optional().describe('Actions required before Next'),
    exercise: kebabId('exercise id').optional().describe('The code exercise this step places with <Exercise id>'),
  })
  .describe('A lesson step, matched by id with a <Step> block of content.mdx');

/** One answer of a quiz question. */
const quizChoiceSchema = z
  .strictObject({
    text: text('choice text'),
    correct: z.boolean().describe('Whether this answer is right'),
    explanation: text('choice explanation'),
  })
  .describe('A quiz answer');

/** A quiz question: exactly one correct answer unless `multi`, then at least one. */
const quizQuestionSchema = z
  .strictObject({
    id: kebabId('quiz id'),
    question: text('quiz question'),
    multi: z.boolean().optional().describe('Several answers may be correct (checkboxes)'),
    choices: z.array(quizChoiceSchema).min(2, { message: 'a quiz needs at least 2 choices' }).describe('The answers'),
  })
  .superRefine((q, ctx) => {
    const correct = q.choices.filter((c) => c.correct).length;
    if (q.multi ? correct < 1 : correct !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: q.multi
          ? `multi quiz "${q.id}" has no correct choice: mark at least one with correct: true`
          : `quiz "${q.id}" has ${correct} correct choices: mark exactly one with correct: true (or set multi: true)`,
      });
    }
  })
  .describe('A multiple-choice question placed with <Quiz id="..."/>');

/** Reports duplicate ids in a list of objects with an `id`. */
function uniqueIds(items: readonly { id: string }[], what: string, field: string, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [field, i, 'id'],
        message: `duplicate ${what} id "${item.id}" (also ${field}[${first}]): ids must be unique`,
      });
    } else {
      seen.set(item.id, i);
    }
  });
}

/** Lesson metadata (`lessons/<slug>/meta.ts`). */
export const lessonSchema = z
  .strictObject({
    slug: kebabId('slug'),
    title: text('title'),
    summary: text('summary'),
    minutes: z
      .number()
      .int({ message: 'minutes must be a whole number' })
      .min(1)
      .max(120)
      .describe('Estimated minutes'),
    level: z.enum(['beginner', 'intermediate', 'advanced']).describe('Expected background'),
    objectives: z
      .array(text('objective'))
      .min(1, { message: 'list at least one objective' })
      .describe('What the learner will be able to do'),
    prerequisites: z.array(kebabId('prerequisite slug')).describe('Slugs of lessons that must come earlier'),
    steps: z.array(lessonStepSchema).min(1, { message: 'a lesson needs at least one step' }).describe('Steps in order'),
    quiz: z.array(quizQuestionSchema).describe('Quiz questions placed with <Quiz id="..."/>'),
  })
  .superRefine((lesson, ctx) => {
    uniqueIds(lesson.steps, 'step', 'steps', ctx);
    uniqueIds(lesson.quiz, 'quiz', 'quiz', ctx);
  })
  .describe('Lesson metadata');

/** A track of the catalogue (`lessons/tracks.ts`). */
export const trackSchema = z
  .strictObject({
    id: kebabId('track id'),
    title: text('track title'),
    description: text('track description'),
    lessons: z
      .array(kebabId('lesson slug'))
      .min(1, { message: 'a track needs at least one lesson' })
      .describe('Lesson slugs in order'),
  })
  .describe('A catalogue track');

// Compile-time proof that the schema and the documented interfaces describe the same shape.
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/**
 * Compiles only while lessonSchema and the Lesson interface agree; nothing imports it.
 *
 * @public
 */
export type LessonSchemaMatchesType = Assert<MutuallyAssignable<z.infer<typeof lessonSchema>, Lesson>>;
/**
 * Compiles only while trackSchema and the Track interface agree; nothing imports it.
 *
 * @public
 */
export type TrackSchemaMatchesType = Assert<MutuallyAssignable<z.infer<typeof trackSchema>, Track>>;
