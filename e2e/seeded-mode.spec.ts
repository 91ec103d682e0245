/**
 * Seeded mode (issue 11): `?seed=` survives every link (the catalogue, a lesson, Next lesson, the
 * header's attack lab link) until the learner turns it off, and the bytes it gives match a fresh
 * browser opened on the same seed. And no route logs a console error or throws, with or without a
 * seed (a seeded lesson page used to log React's hydration error #418).
 */
import type { Browser, Page } from '@playwright/test';
import { tracks } from '../lessons/index';
import { courseOrder } from '../lib/lessons/course';
import { expect, test } from './fixtures';

const SEED = 'workshop';

/** Alice's public key, generated in the keys lesson's first step. */
async function alicePublicKey(page: Page): Promise<string> {
  await page.getByRole('button', { name: "Generate Alice's key pair" }).first().click();
  const hex = (await page.getByTestId('alice-public-key').first().locator('pre').innerText()).replace(/\s/g, '');
  expect(hex).toMatch(/^[0-9a-f]{64}$/);
  return hex;
}

async function freshAlicePublicKey(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  const hex = await alicePublicKey(page);
  await context.close();
  return hex;
}

async function answer(page: Page, question: RegExp, choice: string): Promise<void> {
  const form = page.getByRole('form', { name: question });
  await form.getByRole('radio', { name: choice, exact: true }).check();
  await form.getByRole('button', { name: 'Check answer' }).click();
  await expect(form.getByRole('status')).toHaveText('Correct.');
}

const seeded = (url: URL | string) => new URL(url).searchParams.get('seed');

test('the seed survives the catalogue, a lesson, Next lesson and the attack lab, and gives the same bytes as a fresh browser', async ({
  page,
  browser,
}) => {
  await page.goto(`/?seed=${SEED}`);
  const bar = page.getByRole('region', { name: 'Seeded mode' });
  await expect(bar).toContainText(SEED);

  await page.getByRole('link', { name: 'How this lab works', exact: true }).click();
  await expect(page).toHaveURL(/\/learn\/welcome\?seed=workshop$/);
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  await page.getByRole('button', { name: 'Next →' }).click();
  await answer(page, /Which keys move/, 'Alt+Shift+Right arrow');
  await page.getByRole('button', { name: 'Next →' }).click();
  await answer(
    page,
    /What does the lab keep/,
    'Your progress (steps, quiz answers, passed exercises), your exercise code and attempts, and your theme',
  );
  await page.getByRole('button', { name: 'Finish lesson' }).click();
  await page.getByRole('link', { name: /^Next lesson: / }).click();
  await expect(page).toHaveURL(/\/learn\/keys\?seed=workshop$/);
  await expect(bar).toBeVisible();
  const afterNavigation = await alicePublicKey(page);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Attack lab' }).click();
  await expect(page).toHaveURL(/\/attack-lab\?seed=workshop$/);
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue(SEED);

  // The same seed in a fresh browser gives the same bytes; no seed gives others.
  expect(await freshAlicePublicKey(browser, `/learn/keys?seed=${SEED}`)).toBe(afterNavigation);
  expect(await freshAlicePublicKey(browser, '/learn/keys')).not.toBe(afterNavigation);

  // One click turns it off, and the links stop carrying it.
  await bar.getByRole('button', { name: 'Turn off seeded mode' }).click();
  await expect(page).toHaveURL(/\/attack-lab$/);
  await expect(bar).toBeHidden();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).click();
  expect(seeded(page.url())).toBeNull();
});

const routes = ['/', '/attack-lab', '/code', ...courseOrder(tracks).map((slug) => `/learn/${slug}`)];

test('no route logs a console error or throws, seeded or not', async ({ page }) => {
  test.setTimeout(routes.length * 2 * 5_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${page.url()}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: page error: ${error.message}`));
  for (const seed of [null, SEED]) {
    for (const route of routes) {
      await page.goto(seed ? `${route}?seed=${seed}` : route);
      // Seeded: the bar appears once React has hydrated. Either way, wait until the page is idle.
      if (seed) await expect(page.getByRole('region', { name: 'Seeded mode' })).toBeVisible();
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 })));
    }
  }
  expect(problems).toEqual([]);
});
