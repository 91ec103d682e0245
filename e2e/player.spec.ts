/**
 * Lesson player behaviour beyond the straight walk: deep links land on their step and show what
 * earlier gating still needs; going back and forth keeps what was done in a step; the step list
 * and Back navigate; the Next shortcut leaves text fields alone.
 */
import { expect, test } from './fixtures';
import { openLesson } from './lesson-walk';

test('a deep link lands on its step and shows the gating of earlier steps', async ({ page }) => {
  await openLesson(page, 'welcome', 'your-progress');
  await expect(page.getByRole('heading', { level: 2, name: 'Your progress stays in this browser' })).toBeVisible();
  await expect(page.locator('section[data-step-id]:visible')).toHaveCount(1);
  const stepNav = page.getByRole('navigation', { name: 'Lesson steps' });
  await expect(stepNav.getByText('Step 3 of 3')).toBeVisible();
  await expect(stepNav.getByRole('link', { name: 'Your progress stays in this browser' })).toHaveAttribute(
    'aria-current',
    'step',
  );

  const hint = page.getByRole('status').filter({ hasText: 'Earlier steps need you first' });
  await expect(hint).toContainText('Step 2, Moving around: Answer the question about the shortcut first.');
  await expect(page.getByRole('button', { name: 'Finish lesson' })).toHaveAttribute('aria-disabled', 'true');

  await hint.getByRole('link', { name: 'Step 2, Moving around' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Moving around' })).toBeFocused();
  expect(new URL(page.url()).hash).toBe('#moving-around');
});

test('going back and forward keeps what was done in a step', async ({ page }) => {
  await openLesson(page, 'welcome', 'moving-around');
  await page.getByRole('radio', { name: 'Tab', exact: true }).check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByRole('form', { name: /Which keys move/ }).getByRole('status')).toHaveText(/^Not quite/);

  await page.getByRole('button', { name: '← Back' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'What you will do here' })).toBeFocused();
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect(page.getByRole('heading', { level: 2, name: 'Moving around' })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Tab', exact: true })).toBeChecked();
  await expect(page.getByRole('form', { name: /Which keys move/ }).getByRole('status')).toHaveText(/^Not quite/);

  await page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect(page.getByRole('heading', { level: 2, name: 'What you will do here' })).toBeFocused();
});

test('the step shortcut does nothing while typing in a text field', async ({ page }) => {
  await openLesson(page, 'welcome');
  // Lessons will hold text fields (hex inputs, the code editor): the shortcut must leave them alone.
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.setAttribute('aria-label', 'Scratch field');
    document.querySelector('section[data-step-id="what-you-will-do"]')?.append(input);
  });
  await page.getByRole('textbox', { name: 'Scratch field' }).focus();
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect(page.getByRole('heading', { level: 2, name: 'What you will do here' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Scratch field' })).toBeFocused();
  await page.getByRole('heading', { level: 2, name: 'What you will do here' }).focus();
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect(page.getByRole('heading', { level: 2, name: 'Moving around' })).toBeFocused();
});

test('an unknown lesson is a 404', async ({ page }) => {
  const response = await page.goto('/learn/no-such-lesson');
  expect(response?.status()).toBe(404);
});
