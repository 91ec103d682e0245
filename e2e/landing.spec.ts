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

test('only the landing page fetches the display face, and its heading is set in it', async ({ page }) => {
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fonts.push(new URL(request.url()).pathname);
  });
  await page.goto('/learn/keys');
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  await page.goto('/attack-lab');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(fonts, 'fonts fetched by a lesson and the attack lab').toEqual([]);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /One extra key/ })).toBeVisible();
  // The heading's first family is the app's @font-face (next/font names it), loaded from that file.
  const headingFace = () =>
    page.evaluate(() => {
      const h1 = document.querySelector('h1');
      const family = h1
        ? getComputedStyle(h1)
            .fontFamily.split(',')[0]!
            .trim()
            .replace(/^["']|["']$/g, '')
        : '';
      const face = [...document.fonts].find((f) => f.family.replace(/^["']|["']$/g, '') === family);
      return face ? face.status : `no @font-face for "${family}"`;
    });
  await expect.poll(headingFace).toBe('loaded');
  expect(fonts).toHaveLength(1);
  expect(fonts[0]).toMatch(/LeagueSpartan.*\.otf$/);
});
