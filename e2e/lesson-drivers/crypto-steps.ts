/**
 * Keyboard-only actions on the crypto widgets, shared by the drivers of the lessons that use them.
 * Each reads the real values back from the page and checks them.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { tabTo } from '../lesson-driver';

/** Tab to a button inside `scope` and press Enter, as a keyboard user would. */
export async function press(page: Page, scope: Locator, name: string | RegExp): Promise<void> {
  const button = scope.getByRole('button', { name, exact: typeof name === 'string' });
  await tabTo(page, button);
  await page.keyboard.press('Enter');
}

/** The hex shown in a byte view (found by its test id inside `scope`), without spaces. */
export async function shownHex(scope: Locator, testId: string): Promise<string> {
  return (await scope.getByTestId(testId).locator('pre').innerText()).replace(/\s/g, '');
}

export async function generateKeyPair(page: Page, panel: Locator, actor: 'alice' | 'bob'): Promise<string> {
  const name = actor === 'alice' ? 'Alice' : 'Bob';
  await press(page, panel, `Generate ${name}'s key pair`);
  const pub = await shownHex(panel, `${actor}-public-key`);
  expect(pub).toMatch(/^[0-9a-f]{64}$/);
  return pub;
}

/** Swap and compute; checks both sides reached the same 32-byte secret. */
export async function exchange(page: Page, panel: Locator): Promise<string> {
  await press(page, panel, 'Swap public keys');
  await press(page, panel, 'Compute shared secrets');
  const alice = await shownHex(panel, 'alice-shared');
  expect(alice).toMatch(/^[0-9a-f]{64}$/);
  expect(await shownHex(panel, 'bob-shared')).toBe(alice);
  return alice;
}

/**
 * Replaces Alice's message (the box starts with a real one) by typing, sends it, has Bob decrypt,
 * and checks he reads exactly that text.
 */
export async function sendAndOpen(page: Page, panel: Locator, message: string): Promise<void> {
  const box = panel.getByRole('textbox', { name: "Alice's message to Bob" });
  await tabTo(page, box);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(message);
  await press(page, panel, 'Encrypt and send');
  await expect(panel.getByTestId('ciphertext').locator('pre')).toBeVisible();
  await press(page, panel, 'Bob decrypts');
  await expect(panel.getByTestId('bob-plaintext')).toHaveText(message);
}
