import { expect, test } from './fixtures';

test('the landing page shows one message sealed with escrow off and on, computed, and links both labs', async ({
  page,
}) => {
  await page.goto('/');
  const off = page.getByTestId('glance-off');
  const on = page.getByTestId('glance-on');
  await expect(on).toBeVisible({ timeout: 30_000 });
  // Computed by the real client: the escrowed envelope is bigger, the ciphertext the same, and
  // only with escrow on does the authority open it (found by trying).
  const size = async (el: typeof on) => Number((await el.getByText(/· \d+ bytes/).innerText()).replace(/\D/g, ''));
  expect(await size(on)).toBeGreaterThan((await size(off)) + 4 + 32 + 48 + 48);
  const hex = async (el: typeof on) =>
    el.getByText('ciphertext', { exact: true }).locator('..').locator('code').innerText();
  expect(await hex(on)).toBe(await hex(off));
  await expect(off.getByRole('listitem').filter({ hasText: 'Escrow authority' })).toContainText('cannot');
  await expect(on.getByRole('listitem').filter({ hasText: 'Escrow authority' })).toContainText('opens it');
  await expect(on.getByRole('listitem').filter({ hasText: 'Server' })).toContainText('cannot');

  // Live: a shorter message, fresh keys; the envelope shrinks by the difference and the bytes change.
  const before = { size: await size(off), hex: await hex(off) };
  await page.getByRole('textbox', { name: "Alice's message", exact: true }).fill('See you at 6');
  await page.getByRole('button', { name: 'Seal it again' }).click();
  await expect.poll(() => size(off)).toBe(before.size - 'the library at '.length);
  expect(await hex(off)).not.toBe(before.hex);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Attack lab' })).toHaveAttribute('href', '/attack-lab');
  await expect(nav.getByRole('link', { name: 'Code lab' })).toHaveAttribute('href', '/code');
  // The display face is the app's own file (the offline fixture fails any other origin), and it loaded.
  const families = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family);
  });
  expect(families.some((f) => /displayFont/i.test(f))).toBe(true);
});
