import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function hexOf(page: Page, testId: string): Promise<string> {
  const text = await page.getByTestId(testId).locator('pre').innerText();
  return text.replace(/\s/g, '');
}

test.describe('first look', () => {
  test('Alice and Bob agree on a key, Bob reads what was typed, a flipped bit is refused', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: "Generate Alice's key pair" }).click();
    await page.getByRole('button', { name: "Generate Bob's key pair" }).click();
    await page.getByRole('button', { name: 'Swap public keys' }).click();
    await page.getByRole('button', { name: 'Compute shared secrets' }).click();

    const aliceShared = await hexOf(page, 'alice-shared');
    const bobShared = await hexOf(page, 'bob-shared');
    expect(aliceShared).toMatch(/^[0-9a-f]{64}$/);
    expect(bobShared).toBe(aliceShared);
    await expect(page.getByText('The two shared secrets are equal')).toBeVisible();

    await page.getByRole('button', { name: 'Derive message key' }).click();
    expect(await hexOf(page, 'bob-message-key')).toBe(await hexOf(page, 'alice-message-key'));

    const message = 'Meet me at the old boathouse, 6pm — bring the ✉️';
    await page.getByRole('textbox', { name: "Alice's message to Bob" }).fill(message);
    await page.getByRole('button', { name: 'Encrypt and send' }).click();
    // ChaCha20 ciphertext is as long as the UTF-8 message, and is not the message.
    const ct = await hexOf(page, 'ciphertext');
    expect(ct.length / 2).toBe(new TextEncoder().encode(message).length);
    expect(ct).not.toContain(Buffer.from(message).toString('hex').slice(0, 16));

    await page.getByRole('button', { name: 'Bob decrypts' }).click();
    await expect(page.getByTestId('bob-plaintext')).toHaveText(message);

    // Eve's panel holds exactly the public keys, header, nonce and ciphertext: never a secret.
    const eve = page.getByRole('complementary', { name: "Eve's panel" });
    const captured = eve.getByRole('list', { name: 'Captured items' }).getByRole('listitem');
    await expect(captured).toHaveCount(5);
    const eveText = (await eve.innerText()).replace(/\s/g, '');
    expect(eveText).not.toContain(aliceShared);
    expect(eveText).not.toContain(await hexOf(page, 'alice-secret-key'));

    await page.getByRole('textbox', { name: 'Bit to flip' }).fill('7');
    await page.getByRole('button', { name: 'Flip the bit in transit' }).click();
    await expect(page.getByText('1 bit of what Bob receives differs')).toBeVisible();
    await page.getByRole('button', { name: 'Bob decrypts' }).click();
    await expect(page.getByTestId('bob-error')).toContainText('authentication tag does not match');
    await expect(page.getByTestId('bob-plaintext')).toHaveCount(0);
  });

  test('the same seed gives the same bytes, labelled as demo randomness', async ({ page }) => {
    const keys: string[] = [];
    for (let i = 0; i < 2; i++) {
      await page.goto('/?seed=workshop');
      await expect(page.getByRole('region', { name: 'Seeded mode' })).toContainText('seed workshop');
      await page.getByRole('button', { name: "Generate Alice's key pair" }).click();
      keys.push(await hexOf(page, 'alice-public-key'));
    }
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(keys[1]).toBe(keys[0]);
    await expect(page.getByTestId('alice-public-key').getByText('demo randomness')).toBeVisible();
  });

  test('steps out of order get a clear message, not a broken page', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Swap public keys' }).click();
    await expect(page.getByText("Generate Alice's and Bob's key pairs first.")).toBeVisible();
  });

  test('the byte views switch between hex, base64 and bits', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: "Generate Alice's key pair" }).click();
    const view = page.getByTestId('alice-public-key');
    const hex = await hexOf(page, 'alice-public-key');
    await view.getByRole('radio', { name: 'base64' }).check();
    const b64 = (await view.locator('pre').innerText()).trim();
    expect(Buffer.from(b64, 'base64').toString('hex')).toBe(hex);
    await view.getByRole('radio', { name: 'bits' }).check();
    expect((await view.locator('pre').innerText()).replace(/\s/g, '')).toHaveLength(256);
  });

  test('security headers are on every response', async ({ page }) => {
    const res = await page.goto('/');
    const h = res!.headers();
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['permissions-policy']).toContain('camera=()');
  });

  test('no serious or critical accessibility violations, in light and dark', async ({ page }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/');
      await page.getByRole('button', { name: "Generate Alice's key pair" }).click();
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });

  test('a phone-width screen has no page-level horizontal scroll', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByRole('button', { name: "Generate Alice's key pair" }).click();
    const [scrollWidth, clientWidth] = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
