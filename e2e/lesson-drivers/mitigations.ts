/**
 * Drivers for lessons/mitigations: the steal-the-key theft against each escrow design, run in the
 * design lab worker; each step checks the counts the decryption produced and the forgery's fate.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { tabTo, type LessonDrivers } from '../lesson-driver';
import { press } from './crypto-steps';

async function steal(page: Page, panel: Locator, design: string): Promise<Locator> {
  await press(page, panel, 'Steal, then decrypt everything');
  const report = panel.getByTestId(`mitigation-${design}`);
  await expect(report).toBeVisible();
  return report;
}

export const drivers: LessonDrivers = {
  'the-worst-case': async ({ page, panel }) => {
    const r = await steal(page, panel, 'none');
    await expect(r).toContainText('36 of 36');
    await expect(r.getByText('accepted', { exact: true })).toBeVisible();
  },
  rotation: async ({ page, panel }) => {
    const r = await steal(page, panel, 'rotation');
    await expect(r).toContainText('12 of 36');
    await expect(r).toContainText('day 3 and day 4');
  },
  'per-user': async ({ page, panel }) => {
    const r = await steal(page, panel, 'per-user');
    await expect(r).toContainText('24 of 36');
    await expect(r.getByRole('row', { name: /Alice and Carol/ })).toContainText('0 of 12');
  },
  'decryption-only': async ({ page, panel }) => {
    const r = await steal(page, panel, 'decryption-only');
    await expect(r).toContainText('36 of 36');
    await expect(r.getByText('refused', { exact: true })).toBeVisible();
  },
  threshold: async ({ page, panel }) => {
    let r = await steal(page, panel, 'threshold');
    await expect(r).toContainText('0 of 36');
    // A radio group is one tab stop: reach the checked radio, then move with the arrow key.
    await tabTo(page, panel.getByRole('radio', { name: 'The thief robs one agency' }));
    await page.keyboard.press('ArrowDown');
    await expect(panel.getByRole('radio', { name: 'The thief robs two agencies' })).toBeChecked();
    await press(page, panel, 'Steal, then decrypt everything');
    r = panel.getByTestId('mitigation-threshold');
    await expect(r).toContainText('36 of 36');
  },
  'public-log': async ({ page, panel }) => {
    const r = await steal(page, panel, 'public-log');
    await expect(r).toContainText('The public log holds 38 entries; 36 cite no warrant. Its hash chain verifies.');
  },
  'what-remains': async ({ page, panel }) => {
    await press(page, panel, 'Run the theft against every design');
    await expect(panel.getByTestId('chart-public-log')).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByTestId('chart-none')).toContainText('36 of 36 opened; forgery accepted');
    await expect(panel.getByTestId('chart-threshold')).toContainText('0 of 36 opened; forgery refused');
    await expect(panel.getByTestId('chart-decryption-only')).toContainText('36 of 36 opened; forgery refused');
  },
};
