/**
 * Every route of the lesson engine: no serious or critical axe violations (on every step of every
 * lesson, since hidden steps are not checked), and no page-level horizontal scroll at 390 px.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { lessons, tracks } from '../lessons/index';
import { courseOrder, findLesson } from '../lib/lessons/course';
import { expect, test } from './fixtures';
import { openLesson } from './lesson-walk';

async function expectNoSeriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `horizontal scroll on ${where} (${scrollWidth} > ${clientWidth})`).toBeLessThanOrEqual(
    clientWidth,
  );
}

const slugs = courseOrder(tracks);

for (const viewport of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test.describe(`${viewport.name} (${viewport.width}px)`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('home', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 2, name: 'Lessons' })).toBeVisible();
      await expect(page.getByRole('link', { name: /^(Start|Continue): / })).toBeVisible();
      await expectNoSeriousViolations(page, '/');
      await expectNoHorizontalScroll(page, '/');
    });

    test('progress banner', async ({ page }) => {
      await page.goto('/');
      await page.evaluate(() => localStorage.setItem('backdoor-lab:progress', '{not json'));
      await page.reload();
      await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
      await expectNoSeriousViolations(page, '/ with the progress banner');
      await expectNoHorizontalScroll(page, '/ with the progress banner');
    });

    for (const slug of slugs) {
      test(`lesson ${slug}, every step`, async ({ page }) => {
        const lesson = findLesson(lessons, slug)!;
        await openLesson(page, slug);
        for (const step of lesson.steps) {
          await page.evaluate((id) => {
            window.location.hash = id;
          }, step.id);
          await expect(page.getByRole('heading', { level: 2, name: step.title })).toBeVisible();
          await expectNoSeriousViolations(page, `/learn/${slug}#${step.id}`);
          await expectNoHorizontalScroll(page, `/learn/${slug}#${step.id}`);
        }
      });
    }
  });
}
