/**
 * The authoring guide (lessons/README.md) gives commands; each one is run by a test. This names
 * that test for every command in the guide's `sh` blocks, so a new command in the guide fails here
 * until a test runs it (and a test that stops running one is easy to find).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** command → the test that runs it. */
const RUN_BY: Record<string, string> = {
  'npm run lesson:new -- my-first-lesson':
    'e2e/authoring-preview.spec.ts (in a copy of examples/course) and scripts/lesson-new.test.ts (`-- by-args`)',
  'npm run lesson:new': 'scripts/lesson-new.test.ts (answers piped to the questions)',
  'npm run dev': 'e2e/authoring-preview.spec.ts (LESSONS_DIR=<a copy of examples/course> npm run dev)',
  'npm run lessons:check': 'CI: npm test runs it on lessons/; scripts/lessons-check.test.ts runs the same check',
  'LESSONS_DIR=examples/course npm run lessons:check': 'scripts/lesson-new.test.ts (on a copy of examples/course)',
  'LESSONS_DIR=../my-course npm run dev': 'e2e/authoring-preview.spec.ts',
  'LESSONS_DIR=../my-course npm run build':
    'scripts/lesson-new.test.ts (the registry and mirror next build compiles, and lessons:check); not a full build in CI',
};

function guideCommands(): string[] {
  const guide = readFileSync(path.resolve(__dirname, '../lessons/README.md'), 'utf8');
  return [...guide.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]!
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
}

describe('the authoring guide', () => {
  it('gives only commands that a test runs', () => {
    const commands = guideCommands();
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((c) => !Object.hasOwn(RUN_BY, c))).toEqual([]);
  });

  it('links the widget gallery, which the learner navigation does not', () => {
    const guide = readFileSync(path.resolve(__dirname, '../lessons/README.md'), 'utf8');
    expect(guide).toContain('[widget gallery](http://localhost:3000/authoring)');
    const header = readFileSync(path.resolve(__dirname, '../app/_components/SiteHeader.tsx'), 'utf8');
    expect(header).not.toContain('/authoring');
  });
});
