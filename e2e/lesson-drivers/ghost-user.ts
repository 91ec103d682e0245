/**
 * Drivers for lessons/ghost-user: the server adds a silent ghost to a client-fan-out group (it
 * reads; no notice; the safety number changes), signed membership refuses the server's addition,
 * and a thief's ghost reads as the authority's did. Computed in the design lab worker.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { LessonDrivers } from '../lesson-driver';
import { press } from './crypto-steps';
import { flip } from './escrow-steps';

const ADD = 'Add the ghost silently, then send';

async function ghostRow(scene: Locator): Promise<Locator> {
  return scene
    .getByRole('list', { name: "Who decrypted Alice's message" })
    .getByRole('listitem')
    .filter({ hasText: '(ghost)' });
}

async function run(page: Page, panel: Locator, testId: string): Promise<Locator> {
  await press(page, panel, ADD);
  const scene = panel.getByTestId(testId);
  await expect(scene).toBeVisible();
  return scene;
}

export const drivers: LessonDrivers = {
  'the-ghost': async ({ page, panel }) => {
    const scene = await run(page, panel, 'ghost-authority-unsigned');
    await expect(await ghostRow(scene)).toContainText('Plan for Friday');
    await expect(scene).toContainText('Join notices shown in the apps: none');
    await expect(scene.getByText('changed', { exact: true })).toBeVisible();
  },
  'signed-membership': async ({ page, panel }) => {
    await flip(page, panel, 'checkbox', /Signed membership/);
    const scene = await run(page, panel, 'ghost-authority-signed');
    await expect(scene.getByText('refused', { exact: true })).toBeVisible();
    await expect(await ghostRow(scene)).toContainText('nothing');
    await expect(scene).toContainText('did not change');
  },
  stolen: async ({ page, panel }) => {
    const scene = await run(page, panel, 'ghost-thief-unsigned');
    await expect(await ghostRow(scene)).toContainText('Plan for Friday');
  },
};
