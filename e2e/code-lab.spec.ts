/**
 * The Code lab is a scratchpad (issue 11): reached from the navigation, it opens on a working
 * example that runs with nothing checked (no red failures for a free experiment); picking the
 * exercise brings its checks.
 */
import { expect, test } from './fixtures';

test('the code lab runs an example unchecked, and checks only the exercise the learner picks', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Code lab' }).click();
  await expect(page).toHaveURL(/\/code$/);
  const example = page.getByRole('region', { name: 'Scratchpad: X25519 key agreement' });
  await example.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(example.getByRole('group', { name: 'Run controls' }).getByRole('status')).toHaveText(
    /^Finished in \d+ ms\.$/,
  );
  await expect(example.getByRole('log')).toContainText('Alice public key matches: true');
  await expect(example.getByRole('heading', { name: 'Checks' })).toHaveCount(0);

  await page.getByLabel('Program').selectOption({ label: 'Open Bob’s message' });
  await expect(page).toHaveURL(/\/code\?exercise=code-lab$/);
  const exercise = page.getByRole('region', { name: 'Open Bob’s message' });
  await expect(exercise.getByRole('heading', { name: 'Checks' })).toBeVisible();
});
