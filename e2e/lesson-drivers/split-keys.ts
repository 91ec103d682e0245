/**
 * Drivers for lessons/split-keys: XOR and Shamir splits of a real escrow key; the thief's pieces
 * recombined, checked against the public key and tried on real traffic (below the threshold nothing
 * opens, at it everything does); a corrupted share caught by the named check.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { tabTo, type LessonDrivers } from '../lesson-driver';
import { press } from './crypto-steps';

const CHECK = 'publicKeyFromSecret(recombined secret) == escrow public key';

async function steal(page: Page, box: Locator): Promise<void> {
  await tabTo(page, box);
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
}

async function recombine(page: Page, panel: Locator, testId: string, expectOpen: boolean): Promise<void> {
  await press(page, panel, 'Recombine and decrypt');
  await expect(panel.getByTestId(`${testId}-check`)).toContainText(expectOpen ? '✓ Check passed' : '✗ Check failed');
  await expect(panel.getByTestId(`${testId}-check`)).toContainText(CHECK);
  await expect(panel.getByTestId(`${testId}-opened`)).toContainText(expectOpen ? '10 of 10' : '0 of 10');
}

export const drivers: LessonDrivers = {
  'xor-split': async ({ page, panel }) => {
    await press(page, panel, 'Split the key');
    await expect(panel.getByText('✓ KU1 ⊕ KU2 equals the key (computed here).')).toBeVisible();
    const boxes = panel.getByRole('checkbox', { name: 'Stolen by the thief' });
    await expect(boxes).toHaveCount(2);
    // Nothing stolen yet: refused with a reason.
    await press(page, panel, 'Recombine and decrypt');
    await expect(panel.getByRole('alert')).toContainText('Steal at least one component first');
    // One component: fails the check, opens nothing. Both: the key, everything opens.
    await steal(page, boxes.nth(0));
    await recombine(page, panel, 'thief-xor', false);
    await steal(page, boxes.nth(1));
    await recombine(page, panel, 'thief-xor', true);
  },
  'k-of-n': async ({ page, panel }) => {
    await press(page, panel, 'Split the key');
    const boxes = panel.getByRole('checkbox', { name: 'Stolen by the thief' });
    await expect(boxes).toHaveCount(3);
    await steal(page, boxes.nth(2));
    await recombine(page, panel, 'thief-shamir', false);
    await steal(page, boxes.nth(0));
    await recombine(page, panel, 'thief-shamir', true);
  },
  'bad-share': async ({ page, panel }) => {
    await press(page, panel, 'Corrupt a share and recombine');
    await expect(panel.getByTestId('bad-share-check')).toContainText('✗ Check failed');
    await expect(panel.getByTestId('bad-share-check')).toContainText(CHECK);
    await expect(panel.getByTestId('bad-share-opened')).toContainText('0 of 10');
  },
  'what-does-not-change': async ({ page, panel }) => {
    await press(page, panel, 'Use the key (warrant)');
    await expect(panel.getByTestId('warrant-shamir-check')).toContainText('✓ Check passed');
    await expect(panel.getByTestId('warrant-shamir-opened')).toContainText('10 of 10');
  },
};
