/**
 * The rules that compare what content.mdx places (collected by `mdx-content-walk.ts`) with what
 * meta.ts and exercises.ts declare: steps one to one and in order, every question and exercise
 * placed, each exercise in the step that names it, and every required action reachable.
 *
 * @module
 */
import { closestName } from './closest-name';
import type { ContentPlacements, StepSeen } from './mdx-content-walk';
import type { MdxIssueReporter, MdxValidationInput } from './mdx-validation-input';
import type { LessonIssue } from './lesson-issue';

/** Runs every placement rule, appending what it finds to `issues`. */
export function checkPlacementsAgainstMeta(
  input: MdxValidationInput,
  placements: ContentPlacements,
  issues: LessonIssue[],
): void {
  const report: MdxIssueReporter = (rule, line, message) => issues.push({ rule, file: input.file, line, message });
  checkStepsAgainstMeta(input, placements.steps, report);
  for (const [index, id] of input.quizIds.entries()) {
    if (!placements.quizLines.has(id)) {
      issues.push({
        rule: 'quiz-unused',
        file: input.metaFile,
        path: `quiz[${index}]`,
        message: `Question "${id}" is never placed in content.mdx: add <Quiz id="${id}" /> to a step or remove it from meta.quiz.`,
      });
    }
  }
  for (const [index, id] of (input.exerciseIds ?? []).entries()) {
    if (!placements.exerciseLines.has(id)) {
      issues.push({
        rule: 'exercise-unused',
        file: input.exercisesFile ?? input.metaFile,
        path: `exercises[${index}]`,
        message: `Exercise "${id}" is never placed in content.mdx: add <Exercise id="${id}" /> to a step or remove it from exercises.ts.`,
      });
    }
  }
  checkRequirementsReachable(input, placements.steps, issues);
  checkExerciseSteps(input, placements.steps, issues);
}

/**
 * Each placed exercise is named by its step in meta.steps (`exercise: '<id>'`) and each named one
 * is placed in that step, so the step list and catalogue show passes on the right step. Exercises
 * placed nowhere are left to `exercise-unused`, unknown ones to `exercise-unknown`.
 */
function checkExerciseSteps(input: MdxValidationInput, seen: readonly StepSeen[], issues: LessonIssue[]): void {
  if (input.exerciseIds === undefined) return; // exercises.ts did not load: placements were not checked
  const byId = new Map(seen.map((s) => [s.id, s]));
  const placedSomewhere = new Set(seen.flatMap((s) => s.exercises.map((e) => e.id)));
  input.steps.forEach((step, stepIndex) => {
    const placed = byId.get(step.id)?.exercises ?? [];
    for (const exercise of placed) {
      if (exercise.id === step.exercise) continue;
      issues.push({
        rule: 'exercise-step',
        file: input.file,
        line: exercise.line,
        message:
          step.exercise === undefined
            ? `<Exercise id="${exercise.id}"> is in step "${step.id}", but that step in meta.steps does not name it: add exercise: '${exercise.id}' to { id: '${step.id}', ... } in ${input.metaFile} (the step list and the catalogue show its pass from there).`
            : `<Exercise id="${exercise.id}"> is in step "${step.id}", which names exercise "${step.exercise}" in meta.steps: a step holds one exercise; move one of them to its own step.`,
      });
    }
    if (
      step.exercise !== undefined &&
      !placed.some((e) => e.id === step.exercise) &&
      (placedSomewhere.has(step.exercise) || !(input.exerciseIds ?? []).includes(step.exercise))
    ) {
      const where = seen.find((s) => s.exercises.some((e) => e.id === step.exercise));
      issues.push({
        rule: 'exercise-step',
        file: input.metaFile,
        path: `steps[${stepIndex}].exercise`,
        message: where
          ? `Step "${step.id}" names exercise "${step.exercise}", but content.mdx places it in step "${where.id}": name it on that step instead.`
          : `Step "${step.id}" names exercise "${step.exercise}", but its <Step> block places no such exercise: add <Exercise id="${step.exercise}" /> to it, or fix the id.`,
      });
    }
  });
}

/** Step blocks must match meta.steps one to one and in the same order. */
function checkStepsAgainstMeta(input: MdxValidationInput, seen: readonly StepSeen[], report: MdxIssueReporter): void {
  const metaIds = input.steps.map((s) => s.id);
  const firstLine = new Map<string, number | undefined>();
  for (const step of seen) {
    if (firstLine.has(step.id)) {
      report(
        'step-duplicate',
        step.line,
        `<Step id="${step.id}"> appears twice (first on line ${firstLine.get(step.id)}): merge the two blocks or rename one in both files.`,
      );
      continue;
    }
    firstLine.set(step.id, step.line);
    if (!metaIds.includes(step.id)) {
      const suggestion = closestName(step.id, metaIds);
      report(
        'step-extra',
        step.line,
        `<Step id="${step.id}"> is not in meta.steps${suggestion ? `: did you mean "${suggestion}"?` : '.'} Add { id: '${step.id}', title: '...' } to meta.steps or fix the id.`,
      );
    }
  }
  for (const id of metaIds) {
    if (!firstLine.has(id)) {
      report(
        'step-missing',
        undefined,
        `meta.steps has "${id}" but content.mdx has no <Step id="${id}"> block: add one (in the same position as in meta.steps).`,
      );
    }
  }
  const contentOrder = [...firstLine.keys()].filter((id) => metaIds.includes(id));
  const metaOrder = metaIds.filter((id) => firstLine.has(id));
  const at = contentOrder.findIndex((id, i) => id !== metaOrder[i]);
  if (at >= 0) {
    const id = contentOrder[at] ?? '';
    report(
      'step-order',
      firstLine.get(id),
      `<Step id="${id}"> is step ${at + 1} in content.mdx but "${metaOrder[at]}" is step ${at + 1} in meta.steps: put the blocks in the order of meta.steps (${metaIds.join(', ')}).`,
    );
  }
}

/** A step may only require actions a widget in that step, or an earlier one, reports. */
function checkRequirementsReachable(input: MdxValidationInput, seen: readonly StepSeen[], issues: LessonIssue[]): void {
  const byId = new Map(seen.map((s) => [s.id, s]));
  const available = new Set<string>();
  input.steps.forEach((step, stepIndex) => {
    for (const action of byId.get(step.id)?.actions ?? []) available.add(action);
    (step.requires ?? []).forEach((req, reqIndex) => {
      if (available.has(req.action)) return;
      const offered = [...available];
      issues.push({
        rule: 'requires-unreachable',
        file: input.metaFile,
        path: `steps[${stepIndex}].requires[${reqIndex}].action`,
        message: `Step "${step.id}" requires action "${req.action}", but no widget in this step or an earlier one reports it, so the learner could never continue. Place a widget that reports it (see "actions" in lib/lessons/widget-names.ts) or fix the id${offered.length ? ` (reported so far: ${offered.join(', ')})` : ''}.`,
      });
    });
  });
}
