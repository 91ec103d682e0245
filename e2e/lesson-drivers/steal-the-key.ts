/**
 * Drivers for lessons/steal-the-key: the thief's console (a wiretap opens nothing; the escrow key
 * opens everything; either of two governments' keys does), the three worlds, a forgery Bob accepts
 * with escrow and refuses without, and the escrow field moved between messages, bound and unbound.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { tabTo, type LessonDrivers } from '../lesson-driver';
import { press } from './crypto-steps';
import { flip } from './escrow-steps';

const FORGED = 'Change of plan: send the files to this address instead';
/** What the learner types early in the lesson, to find it again, opened, once the key is stolen. */
const MINE = 'Rehearsal moved to the old boathouse, 9 pm, bring the blue folder';

async function counts(panel: Locator): Promise<{ opened: number; captured: number }> {
  const results = panel.getByTestId('attack-results');
  await expect(results).toBeVisible();
  return {
    opened: Number(await results.getByTestId('count-opened').innerText()),
    captured: Number(await results.getByTestId('count-captured').innerText()),
  };
}

async function pickScenario(page: Page, panel: Locator): Promise<void> {
  const radio = panel.getByRole('radio', { name: /^Insider/ });
  await tabTo(page, radio);
  await page.keyboard.press('Space');
  await expect(radio).toBeChecked();
}

export const drivers: LessonDrivers = {
  'wire-and-server': async ({ page, panel }) => {
    // The learner writes their own message first; it goes through the real send path.
    const own = panel.locator('summary', { hasText: 'Your own message' });
    await tabTo(page, own);
    await page.keyboard.press('Enter');
    const box = panel.getByRole('textbox', { name: /^Your message from / });
    await tabTo(page, box);
    await page.keyboard.type(MINE);
    await press(page, panel, 'Send it through the server');
    await expect(panel.getByRole('status').filter({ hasText: MINE })).toBeVisible();

    await press(page, panel, 'Tap the wire');
    await expect(panel.getByRole('button', { name: 'Tap the wire' })).toHaveAttribute('aria-pressed', 'true');
    await press(page, panel, 'Decrypt everything captured');
    const c = await counts(panel);
    expect(c.captured).toBeGreaterThan(0);
    expect(c.opened).toBe(0);
  },
  'concentrated-target': async ({ page, panel }) => {
    await pickScenario(page, panel);
    await press(page, panel, 'Steal the escrow key');
    await expect(panel.getByRole('button', { name: 'Steal the escrow key' })).toHaveAttribute('aria-pressed', 'true');
    await press(page, panel, 'Decrypt everything captured');
    await expect(panel.getByTestId('attack-results').getByTestId('count-opened')).not.toHaveText('0');
    const c = await counts(panel);
    expect(c.opened).toBe(c.captured);
    // The message the learner typed two steps ago is among what the stolen key opened, word for word.
    const filter = panel.getByRole('searchbox', { name: 'Text contains' });
    await tabTo(page, filter);
    await page.keyboard.type(MINE);
    await expect(panel.getByTestId('my-message-row')).toContainText(MINE);
  },
  'forward-secrecy-reversed': async ({ page, panel }) => {
    await press(page, panel, 'Run the three worlds');
    // The chart: the escrow key opens every message in the escrow world, before and after; nothing elsewhere.
    const escrowBar = panel.getByTestId('chart-escrow-key-ratchet-escrow');
    await expect(escrowBar).toBeVisible({ timeout: 60_000 });
    const [, b, bt, a, at] = (await escrowBar.locator('[data-part="sentence"]').textContent())!.match(
      /(\d+) of (\d+) opened.*?(\d+) of (\d+) opened/,
    )!;
    expect([b, a]).toEqual([bt, at]);
    expect(Number(at)).toBeGreaterThan(0);
    await expect(panel.getByTestId('chart-escrow-key-ratchet')).toContainText(/(^|\D)0 of \d+ \| 0 of \d+/);
    // A stolen phone with escrow opens more than without it, and the finding names the wrap chain.
    await expect(panel.getByTestId('escrow-chain-finding')).toContainText('escrow epoch');
  },
  forgery: async ({ page, panel }) => {
    await press(page, panel, 'Forge and deliver to Bob');
    await expect(panel.getByTestId('bob-inbox')).toHaveText(FORGED);
    await expect(
      panel.getByText("✓ Tag verified: Bob's client shows it as a genuine message from Alice."),
    ).toBeVisible();
    await flip(page, panel, 'switch', 'Escrow');
    await expect(panel.getByRole('switch', { name: 'Escrow' })).toHaveAttribute('aria-checked', 'false');
    await press(page, panel, 'Forge and deliver to Bob');
    await expect(panel.getByTestId('bob-refused')).toContainText('tag-failed');
    await expect(panel.getByTestId('bob-inbox')).toHaveCount(0);
  },
  complexity: async ({ page, panel }) => {
    // Out of order: nothing sealed yet, so there is no field to move.
    await press(page, panel, "Move message 1's escrow field onto message 2");
    await expect(panel.getByRole('alert')).toContainText('Seal the two messages (bound) first');
    await press(page, panel, 'Seal two messages');
    const bound = panel.getByTestId('binding-bound');
    await expect(bound.getByTestId('message-1')).toContainText('Lunch on Friday? The usual place.');
    await expect(bound.getByTestId('message-2')).toContainText('The contract numbers are in the shared folder.');
    await press(page, panel, "Move message 1's escrow field onto message 2");
    await expect(panel.getByTestId('swap-bound').getByTestId('swap-verdict')).toContainText('Caught where it happened');
    await expect(panel.getByTestId('swap-bound').locator('li[data-stage="hpke-open"]')).toHaveAttribute(
      'data-ok',
      'false',
    );

    // Unbound: the radio group is one tab stop; the arrow key moves to and selects "Unbound".
    await tabTo(page, panel.getByRole('radio', { name: /^Bound/ }));
    await page.keyboard.press('ArrowDown');
    await expect(panel.getByRole('radio', { name: /^Unbound/ })).toBeChecked();
    await press(page, panel, 'Seal two messages');
    await expect(panel.getByTestId('binding-unbound').getByTestId('message-2')).toContainText(
      'The contract numbers are in the shared folder.',
    );
    await press(page, panel, "Move message 1's escrow field onto message 2");
    const swap = panel.getByTestId('swap-unbound');
    await expect(swap.getByTestId('swap-verdict')).toContainText('Lawful access to message 2 is lost');
    for (const [stage, ok] of [
      ['hpke-open', 'true'],
      ['unwrap', 'true'],
      ['message-tag', 'false'],
    ] as const) {
      await expect(swap.locator(`li[data-stage="${stage}"]`)).toHaveAttribute('data-ok', ok);
    }
    await expect(swap).toContainText("Carol's client accepts it");
  },
  jurisdiction: async ({ page, panel }) => {
    await press(page, panel, 'Tap the wire');
    await pickScenario(page, panel);
    await press(page, panel, "Steal the Government of Southland's key");
    await expect(panel.getByRole('button', { name: "Steal the Government of Southland's key" })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await press(page, panel, 'Decrypt everything captured');
    await expect(panel.getByTestId('attack-results').getByTestId('count-opened')).not.toHaveText('0');
    const c = await counts(panel);
    expect(c.opened).toBe(c.captured);
  },
};
