/**
 * Reading the course (tracks + lesson metadata from the generated registry, lessons/index.ts): order, lookup, neighbours,
 * and a lesson's status from progress. Pure, so the catalogue, the lesson page and the e2e walk
 * agree on what "next" and "done" mean.
 *
 * @module
 */
import type { Lesson, LessonStep, Track } from './lesson-types';
import type { LessonProgress } from './progress';

/** Lesson slugs in the order the course is taken (tracks in order, then their lessons). */
export function courseOrder(tracks: readonly Pick<Track, 'lessons'>[]): string[] {
  return tracks.flatMap((t) => t.lessons);
}

/** The lesson with this slug, if any. */
export function findLesson<L extends Pick<Lesson, 'slug'>>(lessons: readonly L[], slug: string): L | undefined {
  return lessons.find((l) => l.slug === slug);
}

/** The lesson after `slug` in course order, if any. */
export function nextLesson<L extends Pick<Lesson, 'slug'>>(
  tracks: readonly Pick<Track, 'lessons'>[],
  lessons: readonly L[],
  slug: string,
): L | undefined {
  const order = courseOrder(tracks);
  const at = order.indexOf(slug);
  const next = at >= 0 ? order[at + 1] : undefined;
  return next === undefined ? undefined : findLesson(lessons, next);
}

/** Where the learner stands in one lesson. */
export type LessonStatus =
  | { kind: 'not-started' }
  | { kind: 'in-progress'; done: number; total: number; resumeStep: string }
  | { kind: 'complete'; completedAt: string };

/** The learner's status in a lesson, and the step to resume at. */
export function lessonStatus(lesson: Pick<Lesson, 'steps'>, progress: LessonProgress | undefined): LessonStatus {
  if (progress?.completedAt) return { kind: 'complete', completedAt: progress.completedAt };
  const done = lesson.steps.filter((s) => progress?.completedSteps.includes(s.id)).length;
  if (!progress || (done === 0 && Object.keys(progress.quiz).length === 0)) return { kind: 'not-started' };
  return {
    kind: 'in-progress',
    done,
    total: lesson.steps.length,
    resumeStep: firstIncompleteStep(lesson.steps, progress).id,
  };
}

/** The first step not yet completed (the last step if all are). */
export function firstIncompleteStep(steps: readonly LessonStep[], progress: LessonProgress | undefined): LessonStep {
  const found = steps.find((s) => !progress?.completedSteps.includes(s.id));
  const last = steps[steps.length - 1];
  if (!found && !last) throw new Error('a lesson has at least one step');
  return (found ?? last) as LessonStep;
}

/** The lesson to continue with: the first in course order that is not complete. */
export function continueLesson<L extends Pick<Lesson, 'slug'>>(
  tracks: readonly Pick<Track, 'lessons'>[],
  lessons: readonly L[],
  progress: Readonly<Record<string, LessonProgress>>,
): L | undefined {
  for (const slug of courseOrder(tracks)) {
    if (!progress[slug]?.completedAt) return findLesson(lessons, slug);
  }
  return undefined;
}

/** One unmet requirement that blocks moving past a step. */
export interface StepBlocker {
  /** Index of the step that has the requirement. */
  stepIndex: number;
  stepId: string;
  stepTitle: string;
  /** What to do. */
  hint: string;
  action: string;
}

/**
 * What blocks moving on from step `index`: the unmet requirements of that step and of every
 * earlier one. A step the learner already completed (saved progress) counts as met, so a reload
 * does not force them to redo its widgets.
 */
export function stepBlockers(
  steps: readonly LessonStep[],
  index: number,
  actionsDone: ReadonlySet<string>,
  completedSteps: readonly string[],
): StepBlocker[] {
  const out: StepBlocker[] = [];
  steps.slice(0, index + 1).forEach((step, stepIndex) => {
    if (completedSteps.includes(step.id)) return;
    for (const req of step.requires ?? []) {
      if (!actionsDone.has(req.action))
        out.push({ stepIndex, stepId: step.id, stepTitle: step.title, hint: req.hint, action: req.action });
    }
  });
  return out;
}
