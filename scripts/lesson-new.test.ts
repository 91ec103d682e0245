/**
 * `npm run lesson:new` and an external course (LESSONS_DIR), short of a production build: the
 * scaffold changes only its folder and tracks.ts, passes lessons:check as created (its exercise's
 * starter fails and its solution passes, run by the real validator), and the registry generated for
 * the course lists it with its content and exercises. The e2e spec authoring.spec.ts serves the
 * same kind of course from `next dev`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLessonIssue } from '../lib/lessons/lesson-issue';
import { courseLocation, generateLessonRegistry } from './generate-lesson-registry';
import { createLesson } from './lesson-new';
import { checkLessonsRoot } from './lessons-check';

const PROJECT = path.resolve(__dirname, '..');
const EXAMPLE = path.join(PROJECT, 'examples/course');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'lesson-new-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
/** A fresh copy of the example course, and a mirror folder of its own. */
function exampleCopy(): { dir: string; mirror: string } {
  const dir = path.join(scratch, `course-${++copies}`);
  cpSync(EXAMPLE, dir, { recursive: true });
  return { dir, mirror: path.join(scratch, `mirror-${copies}`) };
}

/** Every file under `dir` → a digest of its bytes. */
function snapshot(dir: string, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) for (const [k, v] of snapshot(file, `${prefix}${name}/`)) out.set(k, v);
    else out.set(`${prefix}${name}`, createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return out;
}

function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

describe('lesson:new', () => {
  it(
    'scaffolds a lesson with an exercise that passes lessons:check, changing only its folder and tracks.ts',
    { timeout: 120_000 },
    async () => {
      const { dir, mirror } = exampleCopy();
      const before = snapshot(dir);
      await createLesson(dir, { slug: 'my-first-lesson', track: 'workshop', withExercise: true });
      expect(changedFiles(before, snapshot(dir))).toEqual([
        'my-first-lesson/content.mdx',
        'my-first-lesson/exercises.ts',
        'my-first-lesson/meta.ts',
        'tracks.ts',
      ]);
      expect(readFileSync(path.join(dir, 'tracks.ts'), 'utf8')).toContain("lessons: ['two-keys', 'my-first-lesson']");

      const location = courseLocation(PROJECT, dir, mirror);
      generateLessonRegistry(location);
      const { issues, lessons, exercises } = await checkLessonsRoot(dir, { registry: location });
      expect(issues.map((i) => formatLessonIssue(i))).toEqual([]);
      expect(lessons).toBe(2);
      // The validator ran the starter (it must fail a check) and the solution (it must pass them all).
      expect(exercises.map((e) => e.id)).toEqual(['my-first-lesson-public-key']);

      // What the app builds from: the mirror holds the lesson and the registry loads it.
      const registry = readFileSync(location.registryFile, 'utf8');
      expect(registry).toContain('"my-first-lesson": () => import("./my-first-lesson/content.mdx")');
      expect(registry).toContain('"my-first-lesson": () => import("./my-first-lesson/exercises")');
      expect(readFileSync(path.join(mirror, 'my-first-lesson/meta.ts'), 'utf8')).toBe(
        readFileSync(path.join(dir, 'my-first-lesson/meta.ts'), 'utf8'),
      );
      // The new files are already in the project's format.
      const prettier = createRequire(import.meta.url).resolve('prettier/bin/prettier.cjs');
      execFileSync(process.execPath, [prettier, '--config', path.join(PROJECT, '.prettierrc.json'), '--check', dir]);
    },
  );

  it('refuses a bad slug, a taken slug and an unknown track with a message that says what to do', async () => {
    const { dir } = exampleCopy();
    await expect(createLesson(dir, { slug: 'My Lesson' })).rejects.toThrow(
      /"My Lesson" is not a valid slug: use lower-case/,
    );
    await expect(createLesson(dir, { slug: 'two-keys' })).rejects.toThrow(/"two-keys" is taken/);
    await expect(createLesson(dir, { slug: 'fresh', track: 'nope' })).rejects.toThrow(
      /There is no track "nope": use one of "workshop"/,
    );
    expect(readdirSync(dir).sort()).toEqual(['tracks.ts', 'two-keys']);
  });

  it('runs as `npm run lesson:new -- <slug>` and, without arguments, asks', { timeout: 60_000 }, () => {
    const { dir } = exampleCopy();
    const env = { ...process.env, LESSONS_DIR: dir };
    const byArgs = spawnSync('npm', ['run', '-s', 'lesson:new', '--', 'by-args'], {
      cwd: PROJECT,
      env,
      encoding: 'utf8',
    });
    expect(byArgs.status, byArgs.stderr).toBe(0);
    expect(byArgs.stdout).toContain('/learn/by-args is ready');

    const asked = spawnSync('npm', ['run', '-s', 'lesson:new'], {
      cwd: PROJECT,
      env,
      encoding: 'utf8',
      input: 'asked-lesson\nAn asked lesson\n1\ny\n',
    });
    expect(asked.status, asked.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'asked-lesson')).sort()).toEqual(['content.mdx', 'exercises.ts', 'meta.ts']);
    expect(readFileSync(path.join(dir, 'asked-lesson/meta.ts'), 'utf8')).toContain("title: 'An asked lesson'");

    const taken = spawnSync('npm', ['run', '-s', 'lesson:new', '--', 'by-args'], {
      cwd: PROJECT,
      env,
      encoding: 'utf8',
    });
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('lesson:new: "by-args" is taken');
  });
});

describe('an external course (LESSONS_DIR)', () => {
  it('is checked by `LESSONS_DIR=examples/course npm run lessons:check`, registry and all', { timeout: 60_000 }, () => {
    const { dir } = exampleCopy();
    const env = { ...process.env, LESSONS_DIR: dir };
    // Run in a copy: the mirror it writes is the project's .course/, the one `next build` reads.
    const run = spawnSync('npm', ['run', '-s', 'lessons:check'], { cwd: PROJECT, env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('lessons:check: OK, 1 lesson in');
  });
});
