/**
 * Proves each lessons:check rule fires, with its message and location, on one valid course
 * (scripts/__fixtures__/lessons/valid/: two lessons, one code exercise) broken by exactly one small
 * edit, written here next to the line it must produce. Edits are made to the loaded tree in memory;
 * the few rules about loading a file (a module that does not import, a throwing builder, a stale
 * registry) edit a copy on disk. Then the real course passes.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLessonIssue, LESSON_RULES, type LessonIssue, type LessonRule } from '../lib/lessons/lesson-issue';
import type { LessonFolderInput, LessonsTreeInput } from '../lib/lessons/lessons-tree-input';
import { validateExercisesInNode } from '../lib/lessons/validate-exercises';
import { validateLessons } from '../lib/lessons/validate-lessons';
import { widgetSpecs } from '../lib/lessons/widget-names';
import type { WidgetSpec } from '../lib/lessons/widget-spec';
import { courseLocation, generateLessonRegistry, type CourseLocation } from './generate-lesson-registry';
import { cachedValidator, checkLessonsRoot, loadLessonsTree } from './lessons-check';

const BASE = path.resolve(__dirname, '__fixtures__/lessons/valid');

/* eslint-disable @typescript-eslint/no-explicit-any -- edits reach into unchecked module exports */
type Edit = (tree: LessonsTreeInput) => LessonsTreeInput;

interface Expected {
  rule: LessonRule;
  /** The formatted line (root `lessons`), or a fragment of it: where and what. */
  line: string | RegExp;
  /** The one change to the valid course, in memory. */
  edit?: Edit;
  /** The one change to a copy of the valid course on disk (for loader rules). */
  disk?: (dir: string) => void;
  /** A vocabulary other than the registered widgets. */
  vocabulary?: Readonly<Record<string, WidgetSpec>>;
}

function mapFolder(tree: LessonsTreeInput, slug: string, change: (f: LessonFolderInput) => LessonFolderInput) {
  const found = tree.folders.some((f) => f.slug === slug);
  if (!found) throw new Error(`no folder ${slug}`);
  return { ...tree, folders: tree.folders.map((f) => (f.slug === slug ? change(f) : f)) };
}

/** Replaces `from` (which must occur) with `to` in a lesson's content.mdx. */
const replace =
  (slug: string, from: string, to: string): Edit =>
  (tree) =>
    mapFolder(tree, slug, (f) => {
      if (!f.content?.includes(from)) throw new Error(`${slug}/content.mdx has no ${from}`);
      return { ...f, content: f.content.replace(from, to) };
    });

/** Inserts lines after line `after` (1-based; 0 = at the top) of a lesson's content.mdx. */
const insert =
  (slug: string, after: number, ...lines: string[]): Edit =>
  (tree) =>
    mapFolder(tree, slug, (f) => {
      const all = (f.content ?? '').split('\n');
      all.splice(after, 0, ...lines);
      return { ...f, content: all.join('\n') };
    });

const setContent =
  (slug: string, content: string): Edit =>
  (tree) =>
    mapFolder(tree, slug, (f) => ({ ...f, content }));

/** Changes a copy of a lesson's meta.ts export. */
const meta =
  (slug: string, change: (m: any) => void): Edit =>
  (tree) =>
    mapFolder(tree, slug, (f) => {
      const copy = structuredClone(f.meta);
      change(copy);
      return { ...f, meta: copy };
    });

/** Adds a second single-choice question to alpha, placed after the first (two make a pattern). */
const secondQuestion =
  (choices: readonly { text: string; correct: boolean; explanation: string }[], question: string): Edit =>
  (tree) =>
    insert(
      'alpha',
      6,
      '',
      '<Quiz id="alpha-second" />',
    )(meta('alpha', (m) => m.quiz.push({ id: 'alpha-second', question, choices }))(tree));

/** Changes a copy of alpha's one exercise (as its builder returned it). */
const exercise =
  (change: (e: any) => void): Edit =>
  (tree) =>
    mapFolder(tree, 'alpha', (f) => {
      const copy = structuredClone(f.exercises) as any[];
      change(copy[0]);
      return { ...f, exercises: copy };
    });

const tracks =
  (change: (t: any) => any): Edit =>
  (tree) => {
    const copy = structuredClone(tree.tracks);
    return { ...tree, tracks: change(copy) ?? copy };
  };

const all =
  (...edits: Edit[]): Edit =>
  (tree) =>
    edits.reduce((t, e) => e(t), tree);

/** A lesson folder beside the others, a copy of beta under another name. */
const addFolder =
  (slug: string): Edit =>
  (tree) => {
    const beta = tree.folders.find((f) => f.slug === 'beta')!;
    const copy = structuredClone(beta.meta) as any;
    copy.slug = slug;
    copy.prerequisites = [];
    return { ...tree, folders: [...tree.folders, { ...beta, slug, meta: copy }] };
  };

/** The registered widgets plus one that is planned, so the rule does not depend on which real widgets are built yet. */
const withPlannedWidget: Readonly<Record<string, WidgetSpec>> = {
  ...widgetSpecs,
  FutureWidget: { description: 'A widget not built yet.', props: {}, children: false, planned: true },
};

/** case → the single issue it must produce. */
const expectations: Record<string, Expected> = {
  'mdx-syntax': {
    rule: 'mdx-syntax',
    edit: insert('beta', 10, 'Never closed.', '', '', '<Callout kind="tip">', ''),
    line: /^lessons\/beta\/content\.mdx:20: MDX does not parse: .*expected corresponding closing tag for `<Callout>`/,
  },
  'mdx-esm': {
    rule: 'mdx-esm',
    edit: insert('alpha', 0, "import { KeyPair } from '../widgets'", ''),
    line: 'lessons/alpha/content.mdx:1: import/export is not allowed in lesson content',
  },
  'mdx-expression': {
    rule: 'mdx-expression',
    edit: replace('alpha', 'Some prose with <kbd>', 'Some prose with {1 + 1} and <kbd>'),
    line: 'lessons/alpha/content.mdx:5: JavaScript expression {1 + 1} is not allowed',
  },
  'unknown-element': {
    rule: 'unknown-element',
    edit: all(
      replace('beta', '<Callout kind="tip">', '<Callot kind="tip">'),
      replace('beta', '</Callout>', '</Callot>'),
    ),
    line: 'lessons/beta/content.mdx:9: Unknown element <Callot>: did you mean <Callout>?',
  },
  'planned-widget': {
    rule: 'planned-widget',
    edit: insert('beta', 12, '<FutureWidget />', ''),
    line: 'lessons/beta/content.mdx:13: <FutureWidget> is not available yet',
    vocabulary: withPlannedWidget,
  },
  'attribute-expression': {
    rule: 'attribute-expression',
    edit: replace('alpha', '<Callout kind="note"', "<Callout kind={'note'}"),
    line: "lessons/alpha/content.mdx:15: Prop kind={'note'} on <Callout> is an expression",
  },
  'attribute-spread': {
    rule: 'attribute-spread',
    edit: replace('alpha', '<Quiz id="alpha-check" />', '<Quiz id="alpha-check" {...extra} />'),
    line: 'lessons/alpha/content.mdx:7: Spread props {...extra} on <Quiz> are not allowed',
  },
  'attribute-without-value': {
    rule: 'attribute-without-value',
    edit: replace('alpha', 'title="Heads up">', 'title>'),
    line: 'lessons/alpha/content.mdx:15: Prop "title" on <Callout> has no value',
  },
  'unknown-attribute': {
    rule: 'unknown-attribute',
    edit: replace('alpha', 'title="Heads up"', 'titel="Heads up"'),
    line: 'lessons/alpha/content.mdx:15: <Callout> has no prop "titel": did you mean "title"?',
  },
  'missing-attribute': {
    rule: 'missing-attribute',
    edit: replace('beta', '<Callout kind="tip">', '<Callout>'),
    line: 'lessons/beta/content.mdx:9: <Callout> needs a kind="..." prop',
  },
  'attribute-value': {
    rule: 'attribute-value',
    edit: replace('beta', 'kind="tip"', 'kind="danger"'),
    line: 'lessons/beta/content.mdx:9: kind="danger" is not allowed on <Callout>: use one of "note", "warning", "history", "tip".',
  },
  'unexpected-children': {
    rule: 'unexpected-children',
    edit: replace('alpha', '<Quiz id="alpha-check" />', '<Quiz id="alpha-check">Pick one.</Quiz>'),
    line: 'lessons/alpha/content.mdx:7: <Quiz> takes no content',
  },
  'content-outside-step': {
    rule: 'content-outside-step',
    edit: insert('beta', 0, 'An introduction before the first step.', ''),
    line: 'lessons/beta/content.mdx:1: A paragraph is outside any <Step>',
  },
  'nested-step': {
    rule: 'nested-step',
    edit: setContent('beta', '<Step id="one">\n\nFirst step.\n\n<Step id="two">\n\nSecond.\n\n</Step>\n\n</Step>\n'),
    line: 'lessons/beta/content.mdx:5: <Step> inside <Step id="one">',
  },
  'notes-placement': {
    rule: 'notes-placement',
    edit: replace('beta', 'Second step.\n', 'Second step.\n\n<Notes>\n\nAsk the room what a tip is.\n\n</Notes>\n'),
    line: 'lessons/beta/content.mdx:13: <Notes> must sit directly inside <Step id="two">',
  },
  'quiz-answer-first': {
    rule: 'quiz-answer-first',
    edit: secondQuestion(
      [
        { text: 'Red', correct: false, explanation: 'It is tan.' },
        { text: 'Tan', correct: true, explanation: 'It is tan.' },
        { text: 'Jet', correct: false, explanation: 'It is tan.' },
      ],
      'Which colour is this?',
    ),
    line: 'lessons/alpha/meta.ts: quiz: The right answer is shown first in 2 of 2 questions ("alpha-check", "alpha-second")',
  },
  'quiz-answer-longest': {
    rule: 'quiz-answer-longest',
    edit: secondQuestion(
      [
        { text: 'No', correct: false, explanation: 'It opens with the key.' },
        { text: 'Never', correct: false, explanation: 'It opens with the key.' },
        { text: 'Only with the key', correct: true, explanation: 'It opens with the key.' },
      ],
      'When does it open?',
    ),
    line: 'lessons/alpha/meta.ts: quiz: The right answer is the longest in 2 of 2 questions ("alpha-check", "alpha-second")',
  },
  'step-missing': {
    rule: 'step-missing',
    edit: setContent('beta', '<Step id="one">\n\nFirst step.\n\n</Step>\n'),
    line: 'lessons/beta/content.mdx: meta.steps has "two" but content.mdx has no <Step id="two"> block',
  },
  'step-extra': {
    rule: 'step-extra',
    edit: insert('beta', 6, '<Step id="three">', '', 'An extra step.', '', '</Step>', ''),
    line: 'lessons/beta/content.mdx:7: <Step id="three"> is not in meta.steps',
  },
  'step-duplicate': {
    rule: 'step-duplicate',
    edit: insert('beta', 6, '<Step id="one">', '', 'Again.', '', '</Step>', ''),
    line: 'lessons/beta/content.mdx:7: <Step id="one"> appears twice (first on line 1)',
  },
  'step-order': {
    rule: 'step-order',
    edit: setContent('beta', '<Step id="two">\n\nSecond.\n\n</Step>\n\n<Step id="one">\n\nFirst.\n\n</Step>\n'),
    line: 'lessons/beta/content.mdx:1: <Step id="two"> is step 1 in content.mdx but "one" is step 1 in meta.steps',
  },
  'quiz-unknown': {
    rule: 'quiz-unknown',
    edit: insert('alpha', 8, '<Quiz id="alpha-chek" />', ''),
    line: 'lessons/alpha/content.mdx:9: <Quiz id="alpha-chek"> has no question in meta.quiz: did you mean "alpha-check"?',
  },
  'quiz-duplicate': {
    rule: 'quiz-duplicate',
    edit: insert('alpha', 14, '<Quiz id="alpha-check" />', ''),
    line: 'lessons/alpha/content.mdx:15: <Quiz id="alpha-check"> is placed twice (first on line 7)',
  },
  'quiz-unused': {
    rule: 'quiz-unused',
    edit: all(
      replace('alpha', '<Quiz id="alpha-check" />\n\n', ''),
      meta('alpha', (m) => delete m.steps[1].requires),
    ),
    line: 'lessons/alpha/meta.ts: quiz[0]: Question "alpha-check" is never placed in content.mdx',
  },
  'heading-depth': {
    rule: 'heading-depth',
    edit: replace('alpha', '### A sub-heading', '## A sub-heading'),
    line: 'lessons/alpha/content.mdx:13: Heading level 2 inside a step',
  },
  'remote-image': {
    rule: 'remote-image',
    edit: replace('beta', '/lessons/beta/figure.svg', 'https://example.com/figure.svg'),
    line: 'lessons/beta/content.mdx:3: Image "https://example.com/figure.svg" is loaded from another origin',
  },
  'requires-unreachable': {
    rule: 'requires-unreachable',
    edit: meta('beta', (m) => (m.steps[1].requires = [{ action: 'keypair:bob', hint: "Generate Bob's key pair." }])),
    line: 'lessons/beta/meta.ts: steps[1].requires[0].action: Step "two" requires action "keypair:bob", but no widget',
  },
  'tracks-load': {
    rule: 'tracks-load',
    disk: (dir) => writeFileSync(path.join(dir, 'tracks.ts'), "export { tracks } from './gamma/tracks';\n"),
    line: /^lessons\/tracks\.ts: tracks\.ts could not be loaded: .*gamma\/tracks/,
  },
  'tracks-shape': {
    rule: 'tracks-shape',
    edit: tracks((t) => ({ first: t[0] })),
    line: 'lessons/tracks.ts: tracks.ts must export `tracks`: an array',
  },
  'track-schema': {
    rule: 'track-schema',
    edit: tracks((t) => void delete t[1].description),
    line: 'lessons/tracks.ts: tracks[1].description: track description is required',
  },
  'track-duplicate': {
    rule: 'track-duplicate',
    edit: tracks((t) => void (t[1].id = 'first')),
    line: 'lessons/tracks.ts: tracks[1].id: Track id "first" is used twice',
  },
  'track-missing-folder': {
    rule: 'track-missing-folder',
    edit: tracks((t) => void t[1].lessons.push('gamma')),
    line: 'lessons/tracks.ts: tracks[1].lessons[1]: "gamma" is listed but the folder gamma/ does not exist',
  },
  'folder-not-listed': {
    rule: 'folder-not-listed',
    edit: addFolder('gamma'),
    line: "lessons/tracks.ts: Folder gamma/ is not in any track: add 'gamma' to a track's lessons in tracks.ts",
  },
  'slug-listed-twice': {
    rule: 'slug-listed-twice',
    edit: tracks((t) => void t[1].lessons.push('alpha')),
    line: 'lessons/tracks.ts: tracks[1].lessons[1]: "alpha" is listed twice',
  },
  'registry-stale': {
    rule: 'registry-stale',
    disk: (dir) => writeFileSync(path.join(dir, 'index.ts'), '// edited by hand\n'),
    line: 'lessons/index.ts: The generated lesson registry does not match the lesson folders: run `npm run lessons:registry`',
  },
  'meta-load': {
    rule: 'meta-load',
    disk: (dir) => writeFileSync(path.join(dir, 'beta/meta.ts'), 'export const lessonMeta = {};\n'),
    line: 'lessons/beta/meta.ts: meta.ts does not export `lesson`',
  },
  'meta-schema-quiz-answers': {
    rule: 'meta-schema',
    edit: meta('alpha', (m) => (m.quiz[0].choices[1].correct = true)),
    line: 'lessons/alpha/meta.ts: quiz[0].choices: quiz "alpha-check" has 2 correct choices: mark exactly one',
  },
  'meta-schema-unknown-field': {
    rule: 'meta-schema',
    edit: meta('beta', (m) => (m.objective = ['Come after alpha'])),
    line: /^lessons\/beta\/meta\.ts: \(lesson\): Unrecognized key: "objective"/,
  },
  'meta-schema-duplicate-step': {
    rule: 'meta-schema',
    edit: all(
      meta('beta', (m) => (m.steps[1].id = 'one')),
      replace('beta', '<Step id="two">', '<Step id="one">'),
    ),
    line: 'lessons/beta/meta.ts: steps[1].id: duplicate step id "one" (also steps[0])',
  },
  'slug-mismatch': {
    rule: 'slug-mismatch',
    edit: meta('beta', (m) => (m.slug = 'betta')),
    line: 'lessons/beta/meta.ts: slug: slug "betta" differs from the folder name "beta"',
  },
  'prerequisite-unknown': {
    rule: 'prerequisite-unknown',
    edit: meta('beta', (m) => (m.prerequisites = ['alfa'])),
    line: 'lessons/beta/meta.ts: prerequisites[0]: Prerequisite "alfa" is not a lesson',
  },
  'prerequisite-order': {
    rule: 'prerequisite-order',
    edit: meta('alpha', (m) => (m.prerequisites = ['beta'])),
    line: 'lessons/alpha/meta.ts: prerequisites[0]: Prerequisite "beta" must come before "alpha"',
  },
  'content-missing': {
    rule: 'content-missing',
    edit: (tree) =>
      mapFolder(tree, 'beta', (f) => ({ ...f, content: undefined, files: f.files.filter((n) => n !== 'content.mdx') })),
    line: 'lessons/beta/content.mdx: content.mdx is missing',
  },
  'unexpected-file': {
    rule: 'unexpected-file',
    edit: (tree) => mapFolder(tree, 'beta', (f) => ({ ...f, files: [...f.files, 'notes.txt'] })),
    line: 'lessons/beta/notes.txt: Unexpected file in a lesson folder',
  },
  'exercises-load': {
    rule: 'exercises-load',
    disk: (dir) =>
      writeFileSync(
        path.join(dir, 'alpha/exercises.ts'),
        "export const exercises = [() => {\n  throw new RangeError('alpha-sum needs a seed');\n}];\n",
      ),
    line: 'lessons/alpha/exercises.ts: exercises.ts could not be loaded: the builder of exercises[0] threw RangeError: alpha-sum needs a seed.',
  },
  'exercise-schema': {
    rule: 'exercise-schema',
    edit: exercise((e) => (e.hints = [])),
    line: /^lessons\/alpha\/exercises\.ts: exercises\[0\]\.hints: exercise 'alpha-sum': .*>=1 items/,
  },
  'exercise-id-duplicate': {
    rule: 'exercise-id-duplicate',
    edit: (tree) => {
      const alpha = tree.folders.find((f) => f.slug === 'alpha')!;
      const placed = all(
        insert('beta', 14, '<Exercise id="alpha-sum" />', ''),
        meta('beta', (m) => (m.steps[1].exercise = 'alpha-sum')),
      )(tree);
      return mapFolder(placed, 'beta', (f) => ({
        ...f,
        files: [...f.files, 'exercises.ts'],
        exercises: alpha.exercises,
      }));
    },
    line: 'lessons/beta/exercises.ts: exercises[0].id: Exercise id "alpha-sum" is already used in alpha/exercises.ts',
  },
  'exercise-unknown': {
    rule: 'exercise-unknown',
    edit: insert('alpha', 22, '<Exercise id="alpha-sun" />', ''),
    line: 'lessons/alpha/content.mdx:23: <Exercise id="alpha-sun"> has no exercise in exercises.ts: did you mean "alpha-sum"?',
  },
  'exercise-placed-twice': {
    rule: 'exercise-placed-twice',
    edit: insert('alpha', 22, '<Exercise id="alpha-sum" />', ''),
    line: 'lessons/alpha/content.mdx:23: <Exercise id="alpha-sum"> is placed twice (first on line 21)',
  },
  'exercise-unused': {
    rule: 'exercise-unused',
    edit: replace('alpha', '<Exercise id="alpha-sum" />\n\n', ''),
    line: 'lessons/alpha/exercises.ts: exercises[0]: Exercise "alpha-sum" is never placed in content.mdx',
  },
  'exercise-step': {
    rule: 'exercise-step',
    edit: meta('alpha', (m) => delete m.steps[1].exercise),
    line: `lessons/alpha/content.mdx:21: <Exercise id="alpha-sum"> is in step "try-it", but that step in meta.steps does not name it: add exercise: 'alpha-sum'`,
  },
  'exercise-check': {
    rule: 'exercise-check',
    edit: exercise((e) => (e.checks[1].expected = 'total')),
    line: "lessons/alpha/exercises.ts: exercises[0]: exercise 'alpha-sum': checks.sum: expected value 'total' is not in setup.expected",
  },
  'exercise-solution': {
    rule: 'exercise-solution',
    edit: exercise((e) => (e.solution = 'export const sum = lesson.a - lesson.b;\n')),
    line: "lessons/alpha/exercises.ts: exercises[0]: exercise 'alpha-sum': solution fails check 'sum': the export `sum` is not the expected value.",
  },
  'exercise-starter': {
    rule: 'exercise-starter',
    edit: exercise((e) => (e.starter = 'export const sum = 5;\n')),
    line: "lessons/alpha/exercises.ts: exercises[0]: exercise 'alpha-sum': starter already passes every check",
  },
  'exercise-cheat': {
    rule: 'exercise-cheat',
    // The answer space of `sum` is one number: a constant passes, and the rule must say so.
    edit: exercise((e) => e.cheats.push({ name: 'the answer as a constant', source: 'export const sum = 5;\n' })),
    line: "lessons/alpha/exercises.ts: exercises[0]: exercise 'alpha-sum': cheat 'the answer as a constant' passes every check",
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The valid course copied to a temporary folder, with its registry generated. */
function diskCopy(): { dir: string; location: CourseLocation } {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'lessons-check-')), 'lessons');
  cpSync(BASE, dir, { recursive: true });
  const location: CourseLocation = {
    sourceDir: dir,
    compiledDir: dir,
    registryFile: path.join(dir, 'index.ts'),
    source: { dir, label: 'lessons' },
    external: false,
  };
  generateLessonRegistry(location);
  return { dir, location };
}

/** validate-lessons.ts, then every well-formed exercise run, as lessons:check does. */
async function check(tree: LessonsTreeInput, vocabulary?: Readonly<Record<string, WidgetSpec>>) {
  const runs = await validateExercisesInNode(tree.folders, cachedValidator);
  return [...validateLessons({ ...tree, vocabulary }), ...runs.issues];
}

const lines = (issues: readonly LessonIssue[]) => issues.map((i) => formatLessonIssue(i));

describe('lessons:check', () => {
  let base: LessonsTreeInput;
  const temporary: string[] = [];
  beforeAll(async () => {
    base = await loadLessonsTree(BASE);
  });
  afterAll(() => {
    for (const dir of temporary) rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('has a case for every rule, each with exactly one change', () => {
    const covered = new Set(Object.values(expectations).map((e) => e.rule));
    expect(LESSON_RULES.filter((rule) => !covered.has(rule))).toEqual([]);
    for (const [name, e] of Object.entries(expectations)) expect(!e.edit !== !e.disk, name).toBe(true);
  });

  it('keeps one fixture on disk: the valid course', () => {
    expect(readdirSync(path.dirname(BASE))).toEqual(['valid']);
  });

  it('passes the valid course read from disk (registry included), having run its exercise', async () => {
    const { dir, location } = diskCopy();
    temporary.push(dir);
    const { issues, lessons, exercises } = await checkLessonsRoot(dir, { registry: location });
    expect(lines(issues)).toEqual([]);
    expect(lessons).toBe(2);
    expect(exercises.map((e) => `${e.file} ${e.id}`)).toEqual(['alpha/exercises.ts alpha-sum']);
  });

  it.each(Object.entries(expectations))('%s: reports exactly that problem', async (_name, expected) => {
    let issues: LessonIssue[];
    if (expected.edit) {
      issues = await check(expected.edit(base), expected.vocabulary);
    } else {
      const { dir, location } = diskCopy();
      temporary.push(dir);
      expected.disk!(dir);
      issues = (await checkLessonsRoot(dir, { registry: location, vocabulary: expected.vocabulary })).issues;
    }
    expect(issues.map((i) => i.rule)).toEqual([expected.rule]);
    const line = formatLessonIssue(issues[0]!);
    if (typeof expected.line === 'string') expect(line.startsWith(expected.line), line).toBe(true);
    else expect(line).toMatch(expected.line);
  });
});

describe('lessons/ (the real course)', () => {
  // Runs every exercise's solution and starter in Node and type-checks both: tens of seconds on a busy machine.
  it('passes every rule (its registry up to date), and every exercise was run', { timeout: 180_000 }, async () => {
    const location = courseLocation(path.resolve(__dirname, '..'), undefined);
    generateLessonRegistry(location);
    const root = location.sourceDir;
    const { issues, lessons, exercises } = await checkLessonsRoot(root, { registry: location });
    expect(lines(issues)).toEqual([]);
    expect(lessons).toBeGreaterThan(0);
    const withExercises = readdirSync(root).filter((slug) => existsSync(path.join(root, slug, 'exercises.ts')));
    expect(new Set(exercises.map((e) => e.file.split('/')[0]))).toEqual(new Set(withExercises));
  });
});
