/**
 * "Share this step": the link (and its QR code, decoded by jsQR) reproduces the lesson, the step
 * and the seed in a fresh browser context, where the same action shows the same bytes; the attack
 * lab's link reproduces its world settings.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { decodeQr } from './qr-decode';

async function openShare(page: Page, button: string, linkLabel: string): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  const link = await page.getByRole('textbox', { name: linkLabel }).inputValue();
  expect(await decodeQr(page.getByRole('img', { name: `QR code of the ${linkLabel.toLowerCase()}` }))).toBe(link);
  return link;
}

const publicHex = async (page: Page) =>
  (await page.getByTestId('alice-public-key').first().locator('pre').innerText()).replace(/\s/g, '');

test('a shared lesson link reproduces seed, step and bytes in a fresh context', async ({ page, browser }) => {
  await page.goto('/learn/keys?seed=tidy-heron-7#bob-key');
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  await page.getByRole('navigation', { name: 'Lesson steps' }).getByRole('link', { name: "Alice's key pair" }).click();
  await page.getByRole('button', { name: "Generate Alice's key pair" }).click();
  const hex = await publicHex(page);
  expect(hex).toMatch(/^[0-9a-f]{64}$/);

  const link = await openShare(page, 'Share this step', 'Link to this step');
  const url = new URL(link);
  expect(url.pathname).toBe('/learn/keys');
  expect(url.searchParams.get('seed')).toBe('tidy-heron-7');
  expect(url.hash).toBe('#alice-key');

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other.locator('[data-hydrated="true"]')).toBeAttached();
    await expect(other.getByRole('heading', { level: 2, name: "Alice's key pair" })).toBeVisible();
    await expect(other.getByRole('region', { name: 'Seeded mode' }).filter({ hasText: 'tidy-heron-7' })).toBeVisible();
    await other.getByRole('button', { name: "Generate Alice's key pair" }).click();
    expect(await publicHex(other)).toBe(hex);
  } finally {
    await fresh.close();
  }
});

test('an unseeded page shares a seeded run and says so', async ({ page }) => {
  await page.goto('/learn/keys');
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  const link = await openShare(page, 'Share this step', 'Link to this step');
  expect(new URL(link).searchParams.get('seed')).toMatch(/^[a-z]+-[a-z]+-\d{1,2}$/);
  await expect(page.getByText('This page uses real randomness')).toBeVisible();
});

test('a shared attack-lab link reproduces the world settings', async ({ page, browser }) => {
  await page.goto('/attack-lab');
  await page.getByRole('textbox', { name: 'Seed' }).fill('quiet-otter-5');
  await page.getByLabel('People').fill('5');
  await page.getByLabel('Conversations').fill('6');
  await page.getByLabel('Messages').fill('40');
  await page.getByLabel('Key agreement').selectOption('static');
  await page.getByLabel('Escrow').selectOption('shamir');
  const link = await openShare(page, 'Share these settings', 'Link to this world');

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other.getByRole('textbox', { name: 'Seed' })).toHaveValue('quiet-otter-5');
    await expect(other.getByLabel('People')).toHaveValue('5');
    await expect(other.getByLabel('Conversations')).toHaveValue('6');
    await expect(other.getByLabel('Messages')).toHaveValue('40');
    await expect(other.getByLabel('Key agreement')).toHaveValue('static');
    await expect(other.getByLabel('Escrow')).toHaveValue('shamir');
  } finally {
    await fresh.close();
  }
});
