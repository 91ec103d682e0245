/**
 * Proves each lessons:check rule fires, with its message and location, on a fixture that breaks
 * exactly that rule (lessons/__fixtures__/<rule>/, each a copy of ../valid, or for exercise rules
 * of ../valid-exercise, with one change), and that the valid fixtures and the real lessons/ pass.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLessonIssue, LESSON_RULES, type LessonRule } from '../lib/lessons/lesson-issue';
import { widgetSpecs, type WidgetSpec } from '../lib/lessons/widget-names';
import { checkLessonsRoot } from './lessons-check';

const FIXTURES = path.resolve(__dirname, '../lessons/__fixtures__');

interface Expected {
  rule: LessonRule;
  /** The formatted line (root `lessons`), or a fragment of it: where and what. */
  line: string | RegExp;
  /** A vocabulary other than the registered widgets. */
  vocabulary?: Readonly<Record<string, WidgetSpec>>;
}

/** The registered widgets plus one that is planned, so the rule does not depend on which real widgets are built yet. */
const withPlannedWidget: Readonly<Record<string, WidgetSpec>> = {
  ...widgetSpecs,
  FutureWidget: { description: 'A widget not built yet.', props: {}, children: false, planned: true },
};

/** fixture folder → the single issue it must produce. */
const expectations: Record<string, Expected> = {
  'mdx-syntax': {
    rule: 'mdx-syntax',
    line: /^lessons\/beta\/content\.mdx:20: MDX does not parse: .*expected corresponding closing tag for `<Callout>`/,
  },
  'mdx-esm': { rule: 'mdx-esm', line: 'lessons/alpha/content.mdx:1: import/export is not allowed in lesson content' },
  'mdx-expression': {
    rule: 'mdx-expression',
    line: 'lessons/alpha/content.mdx:5: JavaScript expression {1 + 1} is not allowed',
  },
  'unknown-element': {
    rule: 'unknown-element',
    line: 'lessons/beta/content.mdx:9: Unknown element <Callot>: did you mean <Callout>?',
  },
  'planned-widget': {
    rule: 'planned-widget',
    line: 'lessons/beta/content.mdx:13: <FutureWidget> is not available yet',
    vocabulary: withPlannedWidget,
  },
  'attribute-expression': {
    rule: 'attribute-expression',
    line: "lessons/alpha/content.mdx:15: Prop kind={'note'} on <Callout> is an expression",
  },
  'attribute-spread': {
    rule: 'attribute-spread',
    line: 'lessons/alpha/content.mdx:7: Spread props {...extra} on <Quiz> are not allowed',
  },
  'attribute-without-value': {
    rule: 'attribute-without-value',
    line: 'lessons/alpha/content.mdx:15: Prop "title" on <Callout> has no value',
  },
  'unknown-attribute': {
    rule: 'unknown-attribute',
    line: 'lessons/alpha/content.mdx:15: <Callout> has no prop "titel": did you mean "title"?',
  },
  'missing-attribute': {
    rule: 'missing-attribute',
    line: 'lessons/beta/content.mdx:9: <Callout> needs a kind="..." prop',
  },
  'attribute-value': {
    rule: 'attribute-value',
    line: 'lessons/beta/content.mdx:9: kind="danger" is not allowed on <Callout>: use one of "note", "warning", "history", "tip".',
  },
  'unexpected-children': { rule: 'unexpected-children', line: 'lessons/alpha/content.mdx:7: <Quiz> takes no content' },
  'content-outside-step': {
    rule: 'content-outside-step',
    line: 'lessons/beta/content.mdx:1: A paragraph is outside any <Step>',
  },
  'nested-step': { rule: 'nested-step', line: 'lessons/beta/content.mdx:5: <Step> inside <Step id="one">' },
  'notes-placement': {
    rule: 'notes-placement',
    line: 'lessons/beta/content.mdx:13: <Notes> must sit directly inside <Step id="two">',
  },
  'step-missing': {
    rule: 'step-missing',
    line: 'lessons/beta/content.mdx: meta.steps has "two" but content.mdx has no <Step id="two"> block',
  },
  'step-extra': { rule: 'step-extra', line: 'lessons/beta/content.mdx:7: <Step id="three"> is not in meta.steps' },
  'step-duplicate': {
    rule: 'step-duplicate',
    line: 'lessons/beta/content.mdx:7: <Step id="one"> appears twice (first on line 1)',
  },
  'step-order': {
    rule: 'step-order',
    line: 'lessons/beta/content.mdx:1: <Step id="two"> is step 1 in content.mdx but "one" is step 1 in meta.steps',
  },
  'quiz-unknown': {
    rule: 'quiz-unknown',
    line: 'lessons/alpha/content.mdx:9: <Quiz id="alpha-chek"> has no question in meta.quiz: did you mean "alpha-check"?',
  },
  'quiz-duplicate': {
    rule: 'quiz-duplicate',
    line: 'lessons/alpha/content.mdx:15: <Quiz id="alpha-check"> is placed twice (first on line 7)',
  },
  'quiz-unused': {
    rule: 'quiz-unused',
    line: 'lessons/alpha/meta.ts: quiz[0]: Question "alpha-check" is never placed in content.mdx',
  },
  'heading-depth': { rule: 'heading-depth', line: 'lessons/alpha/content.mdx:13: Heading level 2 inside a step' },
  'remote-image': {
    rule: 'remote-image',
    line: 'lessons/beta/content.mdx:3: Image "https://example.com/figure.svg" is loaded from another origin',
  },
  'requires-unreachable': {
    rule: 'requires-unreachable',
    line: 'lessons/beta/meta.ts: steps[1].requires[0].action: Step "two" requires action "keypair:bob", but no widget',
  },
  'index-load': { rule: 'index-load', line: /^lessons\/index\.ts: index\.ts could not be loaded: .*gamma\/meta/ },
  'index-shape': { rule: 'index-shape', line: 'lessons/index.ts: index.ts must export `tracks`' },
  'track-schema': {
    rule: 'track-schema',
    line: 'lessons/index.ts: tracks[1].description: track description is required',
  },
  'track-duplicate': {
    rule: 'track-duplicate',
    line: 'lessons/index.ts: tracks[1].id: Track id "first" is used twice',
  },
  'index-missing-folder': {
    rule: 'index-missing-folder',
    line: 'lessons/index.ts: tracks[1].lessons[1]: "gamma" is listed but lessons/gamma/ does not exist',
  },
  'folder-not-listed': {
    rule: 'folder-not-listed',
    line: 'lessons/index.ts: Folder lessons/gamma/ is not in any track',
  },
  'slug-listed-twice': {
    rule: 'slug-listed-twice',
    line: 'lessons/index.ts: tracks[1].lessons[1]: "alpha" is listed twice',
  },
  'index-meta-missing': {
    rule: 'index-meta-missing',
    line: 'lessons/index.ts: tracks[1].lessons[0]: "beta" is listed but its meta is not in the `lessons` export',
  },
  'meta-load': { rule: 'meta-load', line: 'lessons/beta/meta.ts: meta.ts does not export `lesson`' },
  'meta-schema-quiz-answers': {
    rule: 'meta-schema',
    line: 'lessons/alpha/meta.ts: quiz[0].choices: quiz "alpha-check" has 2 correct choices: mark exactly one',
  },
  'meta-schema-unknown-field': {
    rule: 'meta-schema',
    line: /^lessons\/beta\/meta\.ts: \(lesson\): Unrecognized key: "objective"/,
  },
  'meta-schema-duplicate-step': {
    rule: 'meta-schema',
    line: 'lessons/beta/meta.ts: steps[1].id: duplicate step id "one" (also steps[0])',
  },
  'slug-mismatch': {
    rule: 'slug-mismatch',
    line: 'lessons/beta/meta.ts: slug: slug "betta" differs from the folder name "beta"',
  },
  'prerequisite-unknown': {
    rule: 'prerequisite-unknown',
    line: 'lessons/beta/meta.ts: prerequisites[0]: Prerequisite "alfa" is not a lesson',
  },
  'prerequisite-order': {
    rule: 'prerequisite-order',
    line: 'lessons/alpha/meta.ts: prerequisites[0]: Prerequisite "beta" must come before "alpha"',
  },
  'quiz-answer-first': {
    rule: 'quiz-answer-first',
    line: 'lessons/alpha/meta.ts: quiz: The right answer is shown first in 2 of 2 questions ("alpha-check", "alpha-second")',
  },
  'quiz-answer-longest': {
    rule: 'quiz-answer-longest',
    line: 'lessons/alpha/meta.ts: quiz: The right answer is the longest in 2 of 2 questions ("alpha-check", "alpha-second")',
  },
  'content-missing': { rule: 'content-missing', line: 'lessons/beta/content.mdx: content.mdx is missing' },
  'unexpected-file': { rule: 'unexpected-file', line: 'lessons/beta/notes.txt: Unexpected file in a lesson folder' },
  'content-map-load': {
    rule: 'content-map-load',
    line: 'lessons/lesson-content.ts: lesson-content.ts must export `lessonContent`',
  },
  'content-map-missing': { rule: 'content-map-missing', line: 'lessons/lesson-content.ts: "beta" has no entry' },
  'content-map-extra': {
    rule: 'content-map-extra',
    line: 'lessons/lesson-content.ts: gamma: "gamma" is not a lesson of index.ts',
  },
  'content-map-path': {
    rule: 'content-map-path',
    line: 'lessons/lesson-content.ts: beta: The entry for "beta" must be () => import(\'./beta/content.mdx\')',
  },
  // Copies of valid-exercise (one code exercise in alpha) with one change each.
  'exercises-load': {
    rule: 'exercises-load',
    line: 'lessons/alpha/exercises.ts: exercises.ts could not be loaded: the builder of exercises[0] threw RangeError: alpha-sum needs a seed.',
  },
  'exercise-schema': {
    rule: 'exercise-schema',
    line: /^lessons\/alpha\/exercises\.ts: exercises\[0\]\.hints: exercise 'alpha-sum': .*>=1 items/,
  },
  'exercise-id-duplicate': {
    rule: 'exercise-id-duplicate',
    line: 'lessons/beta/exercises.ts: exercises[0].id: Exercise id "alpha-sum" is already used in alpha/exercises.ts',
  },
  'exercise-unknown': {
    rule: 'exercise-unknown',
    line: 'lessons/alpha/content.mdx:23: <Exercise id="alpha-sun"> has no exercise in exercises.ts: did you mean "alpha-sum"?',
  },
  'exercise-placed-twice': {
    rule: 'exercise-placed-twice',
    line: 'lessons/alpha/content.mdx:23: <Exercise id="alpha-sum"> is placed twice (first on line 21)',
  },
  'exercise-unused': {
    rule: 'exercise-unused',
    line: 'lessons/alpha/exercises.ts: exercises[0]: Exercise "alpha-sum" is never placed in content.mdx',
  },
  'exercise-step': {
    rule: 'exercise-step',
    line: `lessons/alpha/content.mdx:21: <Exercise id="alpha-sum"> is in step "try-it", but that step in meta.steps does not name it: add exercise: 'alpha-sum'`,
  },
  'exercise-check': {
    rule: 'exercise-check',
    line: "lessons/alpha/exercises.ts: exercises[0]: exercise 'alpha-sum': checks.sum: expected value 'total' is not in setup.expected",
  },
  'exercise-solution': {
    rule: 'exercise-solution',
    line: "lessons/alpha/exercises.ts: exercises[0]: exercise 'alpha-sum': solution fails check 'sum': the export `sum` is not the expected value.",
  },
  'exercise-starter': {
    rule: 'exercise-starter',
    line: "lessons/alpha/exercises.ts: exercises[0]: exercise 'alpha-sum': starter already passes every check",
  },
  'exercise-cheat': {
    rule: 'exercise-cheat',
    line: "lessons/alpha/exercises.ts: exercises[0]: exercise 'alpha-sum': cheat 'the answer as a constant' passes every check",
  },
  'exercise-map-load': {
    rule: 'exercise-map-load',
    line: 'lessons/lesson-exercises.ts: lesson-exercises.ts must export `lessonExercises`',
  },
  'exercise-map-missing': {
    rule: 'exercise-map-missing',
    line: 'lessons/lesson-exercises.ts: "alpha" has exercises.ts but no entry',
  },
  'exercise-map-extra': {
    rule: 'exercise-map-extra',
    line: 'lessons/lesson-exercises.ts: beta: "beta" has no lessons/beta/exercises.ts',
  },
  'exercise-map-path': {
    rule: 'exercise-map-path',
    line: 'lessons/lesson-exercises.ts: alpha: The entry for "alpha" must be () => import(\'./alpha/exercises\')',
  },
};

/** Fixtures that must pass: the plain course, and the same course with one code exercise. */
const VALID_FIXTURES = ['valid', 'valid-exercise'];

describe('lessons:check fixtures', () => {
  it('has a fixture for every rule, and an expectation for every fixture', () => {
    const fixtures = readdirSync(FIXTURES)
      .filter((name) => !VALID_FIXTURES.includes(name))
      .sort();
    expect(fixtures).toEqual(Object.keys(expectations).sort());
    const covered = new Set(Object.values(expectations).map((e) => e.rule));
    expect(LESSON_RULES.filter((rule) => !covered.has(rule))).toEqual([]);
  });

  it('passes the valid fixture', async () => {
    const { issues, lessons, exercises } = await checkLessonsRoot(path.join(FIXTURES, 'valid'));
    expect(issues.map((i) => formatLessonIssue(i))).toEqual([]);
    expect(lessons).toBe(2);
    expect(exercises).toEqual([]);
  });

  it('passes the valid fixture with an exercise, having run its solution and starter', async () => {
    const { issues, exercises } = await checkLessonsRoot(path.join(FIXTURES, 'valid-exercise'));
    expect(issues.map((i) => formatLessonIssue(i))).toEqual([]);
    expect(exercises.map((e) => `${e.file} ${e.id}`)).toEqual(['alpha/exercises.ts alpha-sum']);
  });

  it.each(Object.entries(expectations))('%s: reports exactly that problem', async (fixture, expected) => {
    const { issues } = await checkLessonsRoot(path.join(FIXTURES, fixture), { vocabulary: expected.vocabulary });
    expect(issues.map((i) => i.rule)).toEqual([expected.rule]);
    const line = formatLessonIssue(issues[0]!);
    if (typeof expected.line === 'string') expect(line.startsWith(expected.line), line).toBe(true);
    else expect(line).toMatch(expected.line);
  });
});

describe('lessons/ (the real course)', () => {
  // Runs every exercise's solution and starter in Node and type-checks both: tens of seconds on a busy machine.
  it('passes every rule, and every exercise was run', { timeout: 180_000 }, async () => {
    const root = path.resolve(__dirname, '../lessons');
    const { issues, lessons, exercises } = await checkLessonsRoot(root);
    expect(issues.map((i) => formatLessonIssue(i))).toEqual([]);
    expect(lessons).toBeGreaterThan(0);
    const withExercises = readdirSync(root).filter((slug) => existsSync(path.join(root, slug, 'exercises.ts')));
    expect(new Set(exercises.map((e) => e.file.split('/')[0]))).toEqual(new Set(withExercises));
  });
});
