/**
 * The authoring contract for a lesson: what `lessons/<slug>/meta.ts` exports (`satisfies Lesson`)
 * and what `lessons/tracks.ts` lists. These interfaces carry the documentation authors see in
 * their editor's autocomplete; `lesson-schema.ts` checks the same shape at run time and is
 * compile-time checked against these types, so the two cannot drift apart.
 *
 * @module
 */

/** How much the learner should already know. */
export type LessonLevel = 'beginner' | 'intermediate' | 'advanced';

/**
 * Something the learner must have done in a step's widgets before Next is enabled.
 * Widgets report actions with `recordLessonAction(id)` (lib/store/lesson-session-store.ts).
 */
export interface StepRequirement {
  /** The action id a widget reports, e.g. `keypair:bob` or `quiz:why-public`. */
  action: string;
  /** Shown while the action is missing, phrased as what to do: "Generate Bob's key pair first." */
  hint: string;
}

/** One step of a lesson; its prose is the `<Step id="...">` block with the same id in content.mdx. */
export interface LessonStep {
  /** Stable kebab-case id: it is the URL hash (`#<id>`) and the key of saved progress. */
  id: string;
  /** The step's heading (rendered as the step's h2). */
  title: string;
  /** Actions that must be done before the learner can move on. */
  requires?: StepRequirement[];
  /**
   * The id of the code exercise this step holds (its `<Exercise id>` in the step's block), so the
   * step list and the catalogue can show when the learner passed it. A step holds at most one.
   */
  exercise?: string;
}

/** One answer of a quiz question. */
export interface QuizChoice {
  /** The answer as shown. */
  text: string;
  /** Whether this answer is right. */
  correct: boolean;
  /** Why it is right or wrong; shown once the learner checks this answer. */
  explanation: string;
}

/** A multiple-choice question placed in the content with `<Quiz id="..." />`. */
export interface QuizQuestion {
  /** Stable kebab-case id, unique within the lesson; the key of the saved answer. */
  id: string;
  /** The question, shown as the legend of the answer group. */
  question: string;
  /** When true, several answers may be correct and the learner picks all of them (checkboxes). */
  multi?: boolean;
  /** Two or more answers. Exactly one is correct unless `multi` is true (then at least one). */
  choices: QuizChoice[];
}

/** A lesson's metadata: `export const lesson = { ... } satisfies Lesson;` in `lessons/<slug>/meta.ts`. */
export interface Lesson {
  /** The folder name and the URL (`/learn/<slug>`), kebab-case. */
  slug: string;
  /** The lesson's title (the page's h1). */
  title: string;
  /** One or two sentences for the catalogue. */
  summary: string;
  /** Estimated time to complete, in minutes. */
  minutes: number;
  /** Expected background. */
  level: LessonLevel;
  /** What the learner will be able to do afterwards; shown at the top of the lesson. */
  objectives: string[];
  /** Slugs of lessons that must come earlier in the course order. */
  prerequisites: string[];
  /** The steps, in order; ids must match the `<Step>` blocks of content.mdx in the same order. */
  steps: LessonStep[];
  /** Questions placed in content.mdx with `<Quiz id="..." />`. */
  quiz: QuizQuestion[];
}

/** A group of lessons in the catalogue, in order. */
export interface Track {
  /** Stable kebab-case id. */
  id: string;
  /** Shown as the track's heading. */
  title: string;
  /** One or two sentences about the track. */
  description: string;
  /** Lesson slugs in the order they are taken. */
  lessons: string[];
}
