/** Drivers for lessons/keys: real key pairs, and the RFC 7748 self-test run live. */
import { expect } from '@playwright/test';
import type { LessonDrivers } from '../lesson-driver';
import { generateKeyPair, press } from './crypto-steps';

export const drivers: LessonDrivers = {
  'alice-key': async ({ page, panel }) => {
    await generateKeyPair(page, panel, 'alice');
  },
  'bob-key': async ({ page, panel }) => {
    const bob = await generateKeyPair(page, panel, 'bob');
    // Two independent CSPRNG draws: Alice's public key (on the previous step) differs.
    const alice = (await page.getByTestId('alice-public-key').first().locator('pre').innerText()).replace(/\s/g, '');
    expect(alice).not.toBe(bob);
  },
  'self-test': async ({ page, panel }) => {
    await press(page, panel, 'Run the RFC 7748 test vector');
    await expect(panel.getByText('All four values match the RFC.')).toBeVisible();
    await expect(
      panel.getByText(/4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742/).first(),
    ).toBeVisible();
  },
};
