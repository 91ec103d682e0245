/**
 * The printed handout: after the learner's actions, page.pdf() of the lesson holds the computed
 * hex, every step (not only the one on screen), the seed, and none of the interactive chrome.
 */
import { expect, test } from './fixtures';
import { pdfText } from './pdf-text';

test('a printed lesson holds the computed bytes and every step, without the chrome', async ({ page }) => {
  await page.goto('/learn/keys?seed=tidy-heron-7');
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  await page.getByRole('button', { name: "Generate Alice's key pair" }).click();
  const hex = (await page.getByTestId('alice-public-key').first().locator('pre').innerText()).replace(/\s/g, '');
  expect(hex).toMatch(/^[0-9a-f]{64}$/);

  await page.emulateMedia({ media: 'print' });
  const text = pdfText(await page.pdf({ format: 'A4' }));
  const compact = text.replace(/\s/g, '');

  expect(compact).toContain(hex);
  expect(compact).toContain('seedtidy-heron-7');
  for (const title of ["Bob's key pair", 'Where the randomness comes from', "Prove it's real"])
    expect(compact).toContain(title.replace(/\s/g, ''));
  for (const chrome of [
    'Next→',
    '←Back',
    'Sharethisstep',
    'Printhandout',
    'Skiptocontent',
    'Keyboard:',
    'Checkanswer',
    'GenerateanewkeypairforAlice',
    'hexbase64textbits',
  ])
    expect(compact).not.toContain(chrome);
});
