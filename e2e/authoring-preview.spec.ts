/**
 * An instructor's loop, end to end, on the one dev server of the suite: a copy of the example
 * course (examples/course) outside the lab, `npm run lesson:new -- my-first-lesson` in it, then
 * `LESSONS_DIR=<copy> npm run dev`. The new lesson is served; saving meta.ts and content.mdx
 * updates the open page in place on the same step; a save that breaks a rule shows the problem
 * (file, line, what to do) in the page, and fixing it brings the lesson back.
 *
 * The dev server compiles on first request, so this spec waits longer than the others.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

const PROJECT = path.resolve(import.meta.dirname, '..');

/** A free TCP port, found before the tests are declared (baseURL must be known then). */
function freePort(): number {
  const script =
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  // A clean environment: the test runner's NODE_OPTIONS (its TypeScript loader) are not for this.
  const env = { PATH: process.env.PATH, NODE_ENV: 'test' } as const;
  const found = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env });
  const port = Number(found.stdout.trim());
  if (!Number.isInteger(port) || port <= 0) throw new Error(`no free port: ${found.stderr}`);
  return port;
}

const PORT = freePort();
const ORIGIN = `http://localhost:${PORT}`;
const course = path.join(mkdtempSync(path.join(os.tmpdir(), 'authoring-e2e-')), 'my-course');
const lessonDir = path.join(course, 'my-first-lesson');
let server: ChildProcess | undefined;
let serverLog = '';

test.use({ baseURL: ORIGIN });
test.describe.configure({ mode: 'serial', timeout: 360_000 });

test.beforeAll(async () => {
  test.setTimeout(360_000);
  cpSync(path.join(PROJECT, 'examples/course'), course, { recursive: true });
  const env = { ...process.env, LESSONS_DIR: course, NEXT_TELEMETRY_DISABLED: '1' };
  const scaffold = spawnSync('npm', ['run', '-s', 'lesson:new', '--', 'my-first-lesson'], {
    cwd: PROJECT,
    env,
    encoding: 'utf8',
  });
  expect(scaffold.status, scaffold.stderr).toBe(0);
  // Its own process group, so afterAll ends the dev server and its watcher together.
  server = spawn('npm', ['run', 'dev', '--', '-p', String(PORT)], { cwd: PROJECT, env, detached: true });
  server.stdout?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  await expect
    .poll(
      async () => {
        if (server?.exitCode !== null) throw new Error(`npm run dev exited:\n${serverLog}`);
        return /Ready in/.test(serverLog);
      },
      { timeout: 120_000, intervals: [500] },
    )
    .toBe(true);
});

test.afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  rmSync(path.dirname(course), { recursive: true, force: true });
});

/** Rewrites a file of the new lesson, as an editor's save does. */
function edit(file: string, change: (text: string) => string): void {
  const full = path.join(lessonDir, file);
  const before = readFileSync(full, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${file} changes it`).not.toBe(before);
  writeFileSync(full, after);
}

test('a scaffolded lesson of an external course is served, and saving it updates the open page on the same step', async ({
  page,
}) => {
  await page.goto('/learn/my-first-lesson', { timeout: 300_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'My first lesson' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Make a key pair' })).toBeVisible();

  // The scaffold's gate: Next unlocks once the real widget has made Alice's key pair.
  await page.getByRole('button', { name: "Generate Alice's key pair" }).click({ timeout: 120_000 });
  await page.getByRole('button', { name: /^Next/ }).click();
  await expect(page).toHaveURL(/#check$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Check your understanding' })).toBeVisible();
  // Marks this document: a full reload would lose it.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  edit('meta.ts', (t) => t.replace("title: 'Check your understanding'", "title: 'What did you learn?'"));
  await expect(page.getByRole('heading', { level: 2, name: 'What did you learn?' })).toBeVisible({ timeout: 60_000 });

  edit('content.mdx', (t) => t.replace('<Quiz id=', 'A sentence saved a moment ago.\n\n<Quiz id='));
  await expect(page.getByText('A sentence saved a moment ago.')).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveURL(/#check$/);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // A save that breaks a rule: the problem, where it is and what to do, in the page.
  edit('content.mdx', (t) =>
    t.replace('A sentence saved a moment ago.', '<Callot kind="note">\n\nA typo.\n\n</Callot>'),
  );
  const problems = page.getByRole('region', { name: /Lesson “my-first-lesson” has 1 problem to fix/ });
  await expect(problems).toBeVisible({ timeout: 60_000 });
  await expect(problems).toContainText(
    /my-course\/my-first-lesson\/content\.mdx:\d+: Unknown element <Callot>: did you mean <Callout>\?/,
  );

  edit('content.mdx', (t) =>
    t.replace('<Callot kind="note">', '<Callout kind="note">').replace('</Callot>', '</Callout>'),
  );
  await expect(page.getByText('A typo.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'What did you learn?' })).toBeVisible();
  await expect(page).toHaveURL(/#check$/);
});
