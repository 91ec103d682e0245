/**
 * The widget gallery for authors (/authoring), on the production build: every built widget of the
 * vocabulary is there and live, a widget's action is marked once its example reports it, a
 * snippet copies, and the page is axe clean. The list comes from lib/lessons/widget-names.ts, so a
 * widget added there without reaching the page fails here.
 */
import AxeBuilder from '@axe-core/playwright';
import { galleryEntries } from '../lib/lessons/widget-gallery';
import { widgetSpecs } from '../lib/lessons/widget-names';
import { expect, test } from './fixtures';

const { entries } = galleryEntries(widgetSpecs);

test('the gallery shows every widget live, marks reported actions, copies snippets, and is axe clean', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/authoring');
  await expect(page.getByRole('heading', { level: 1, name: 'Widget gallery' })).toBeVisible();
  for (const entry of entries) {
    await expect(page.getByRole('heading', { level: 2, name: `<${entry.name}>` })).toBeVisible();
    await expect(page.getByRole('group', { name: `${entry.name}, live` })).toBeVisible();
  }

  const keyPair = page.getByRole('region', { name: '<KeyPair>' });
  await expect(keyPair.getByText('reported')).toHaveCount(0);
  await keyPair.getByRole('button', { name: "Generate Alice's key pair" }).click();
  await expect(keyPair.getByRole('listitem').filter({ hasText: 'keypair:alice' })).toContainText('reported');

  await keyPair.getByRole('button', { name: 'Copy KeyPair snippet' }).click();
  await expect(keyPair.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('<KeyPair actor="alice" />');

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});
