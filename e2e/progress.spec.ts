/**
 * Stored progress in the browser: unreadable data (not JSON, newer version) shows a banner, can be
 * downloaded and reset, and is never overwritten before that; version 0 is migrated; progress
 * exports to a file and imports back, and bad files get a clear message.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { openLesson } from './lesson-walk';

const KEY = 'backdoor-lab:progress';

async function store(page: import('@playwright/test').Page, raw: string) {
  await page.goto('/');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, raw] as const);
}

test('corrupt stored progress: banner, download the raw text, reset, and saving resumes', async ({ page }) => {
  await store(page, '{not json');
  await openLesson(page, 'welcome');
  const banner = page.getByRole('alert').filter({ hasText: 'Your saved progress could not be read' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('it is not valid JSON');

  // The lesson still works, and the corrupt data is not overwritten meanwhile.
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Moving around' })).toBeFocused();
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe('{not json');

  const downloading = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download stored data' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^backdoor-lab-progress-\d{4}-\d{2}-\d{2}-unreadable\.txt$/);
  expect(await readFile((await download.path())!, 'utf8')).toBe('{not json');

  await banner.getByRole('button', { name: 'Reset progress' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Progress reset.' })).toBeVisible();

  await page.getByRole('radio', { name: 'Alt+Shift+Right arrow' }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  const saved = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) ?? 'null');
  expect(saved).toEqual({
    version: 1,
    lessons: { welcome: { completedSteps: [], quiz: { 'next-step-shortcut': 0 } } },
  });

  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toHaveCount(0);
});

test('progress from a newer version: explained, kept untouched', async ({ page }) => {
  const future = '{"version":2,"lessons":{},"badges":["x"]}';
  await store(page, future);
  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: 'Your saved progress could not be read' });
  await expect(banner).toContainText('written by a newer version of Backdoor Lab (progress format 2)');
  await expect(banner.getByRole('button', { name: 'Reset progress' })).toBeVisible();
  await openLesson(page, 'welcome');
  await page.getByRole('button', { name: 'Next →' }).click();
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(future);
});

test('version 0 progress is migrated and shown', async ({ page }) => {
  await store(page, '["welcome/what-you-will-do"]');
  await page.reload();
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'How this lab works', exact: true }) });
  await expect(card.getByText('1 of 3 steps done')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Continue: How this lab works' })).toHaveAttribute(
    'href',
    '/learn/welcome#moving-around',
  );
  expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) ?? 'null')).toEqual({
    version: 1,
    lessons: { welcome: { completedSteps: ['what-you-will-do'], quiz: {} } },
  });
});

test('export progress to a file and import it into a fresh browser; bad files are refused clearly', async ({
  page,
  browser,
}) => {
  await store(
    page,
    JSON.stringify({
      version: 1,
      lessons: {
        welcome: { completedSteps: ['what-you-will-do', 'moving-around'], quiz: { 'next-step-shortcut': 0 } },
      },
    }),
  );
  await page.reload();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = (await (await downloading).path())!;
  const exported = JSON.parse(await readFile(file, 'utf8'));
  expect(exported).toMatchObject({
    format: 'backdoor-lab-progress',
    progress: { version: 1, lessons: { welcome: { completedSteps: ['what-you-will-do', 'moving-around'] } } },
  });

  const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const other = await fresh.newPage();
  await other.goto('/');
  const card = other
    .getByRole('listitem')
    .filter({ has: other.getByRole('link', { name: 'How this lab works', exact: true }) });
  await expect(card.getByText('Not started')).toBeVisible();

  const choose = async (files: Parameters<import('@playwright/test').FileChooser['setFiles']>[0]) => {
    const chooser = other.waitForEvent('filechooser');
    await other.getByRole('button', { name: 'Import progress…' }).click();
    await (await chooser).setFiles(files);
  };
  await choose({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":"world"}') });
  const importError = other.getByRole('region', { name: 'Your progress' }).getByRole('alert');
  await expect(importError).toHaveText(
    'notes.json: This JSON file is not Backdoor Lab progress (it has no progress format version). Choose the file you exported with "Export progress".',
  );
  await choose({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from('\u0089PNG') });
  await expect(importError).toContainText('photo.json: This file is not JSON');

  await choose(file);
  await expect(
    other.getByRole('status').filter({ hasText: /^Imported .*: progress in 1 lesson, merged with what you had\.$/ }),
  ).toBeVisible();
  await expect(card.getByText('2 of 3 steps done')).toBeVisible();
  await fresh.close();
});

test('a passed code exercise shows on its lesson card and on its step', async ({ page }) => {
  await store(
    page,
    JSON.stringify({
      version: 1,
      lessons: { 'key-exchange': { completedSteps: ['two-key-pairs'], quiz: {} } },
      exercises: { 'shared-secret-by-hand': { passedAt: '2026-11-20T10:00:00.000Z' } },
    }),
  );
  await page.reload();
  const card = (name: string) =>
    page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
  await expect(card('Key exchange')).toContainText('1 of 7 steps done · ✓ exercise passed');
  // A lesson with an exercise says so in its facts; one without says nothing of exercises.
  await expect(card('Encrypt')).toContainText('steps · code exercise');
  await expect(card('Encrypt').getByText('Not started', { exact: true })).toBeVisible();
  await expect(card('How this lab works')).not.toContainText('exercise');

  await openLesson(page, 'key-exchange');
  const steps = page.getByRole('navigation', { name: 'Lesson steps' });
  // The step is still locked (earlier steps are not done), and shows the pass all the same.
  await expect(steps.getByRole('listitem').filter({ hasText: 'Do it yourself, in code' })).toHaveText(
    /^6Do it yourself, in code, ✓ code exercise passed \(locked/,
  );
});
