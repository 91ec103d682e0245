/**
 * Keyboard-only actions on the escrow widgets (lessons 6-8), shared by their drivers. Each reads the
 * computed values back from the page and checks them against what the lesson claims.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { tabTo } from '../lesson-driver';
import { shownHex } from './crypto-steps';

/** Tab to a switch or toggle and flip it with Space. */
export async function flip(
  page: Page,
  scope: Locator,
  role: 'switch' | 'checkbox' | 'radio',
  name: string | RegExp,
): Promise<void> {
  const control = scope.getByRole(role, { name, exact: typeof name === 'string' });
  await tabTo(page, control);
  await page.keyboard.press('Space');
}

/** Picks option `index` of a closed <select> by keyboard: Home, then ArrowDown. */
export async function chooseOption(page: Page, select: Locator, index: number): Promise<void> {
  await tabTo(page, select);
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await expect(select.locator('option').nth(index)).toBeAttached();
  const wanted = await select.locator('option').nth(index).getAttribute('value');
  await expect(select).toHaveValue(wanted ?? '');
}

/** Replaces a text field's content by keyboard. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  await expect(field).toHaveValue(text);
}

export { shownHex };
