/**
 * Presenting a lesson: the presenter window and the audience window (the projector) in one browser
 * context, moved from either, by keyboard; blanking, reset with confirmation, presenter powers
 * (gating skipped, missing actions listed); speaker notes only in the presenter window, never in
 * any learner page's HTML; axe on both windows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const LESSONS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'lessons');

/** From each <Notes> block of a lesson, its longest run of plain words: no escaping changes it. */
function noteFragments(slug: string): string[] {
  const source = readFileSync(path.join(LESSONS, slug, 'content.mdx'), 'utf8');
  return [...source.matchAll(/<Notes>([\s\S]*?)<\/Notes>/g)].map(([, body]) =>
    (body!.replace(/\s+/g, ' ').match(/[A-Za-z ,]{20,}/g) ?? []).sort((a, b) => b.length - a.length)[0]!.trim(),
  );
}

const describe = (violations: { id: string; nodes: { target: unknown[] }[] }[]) =>
  violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/**
 * The presentation's own markup: no violation of any impact. The lesson's steps inside the audience
 * window are the learner's page, held to the house rule (no serious or critical violation) as in
 * a11y.spec.ts.
 */
async function axeClean(page: Page, { holdsLesson }: { holdsLesson: boolean }): Promise<void> {
  if (!holdsLesson) {
    expect(describe((await new AxeBuilder({ page }).analyze()).violations)).toEqual([]);
    return;
  }
  expect(describe((await new AxeBuilder({ page }).exclude('section[data-step-id]').analyze()).violations)).toEqual([]);
  const all = await new AxeBuilder({ page }).include('section[data-step-id]').analyze();
  expect(describe(all.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))).toEqual([]);
}

test('no learner page holds a speaker note in its HTML; the presenter page does', async ({ request }) => {
  const slugs = readdirSync(LESSONS).filter((name) => {
    try {
      return readFileSync(path.join(LESSONS, name, 'content.mdx'), 'utf8').includes('<Notes>');
    } catch {
      return false;
    }
  });
  expect(slugs.length).toBeGreaterThanOrEqual(9);
  for (const slug of slugs) {
    const fragments = noteFragments(slug);
    const [learner, audience, presenter] = await Promise.all(
      [`/learn/${slug}`, `/learn/${slug}/audience`, `/learn/${slug}/present`].map(async (url) => {
        const response = await request.get(url);
        expect(response.status(), url).toBe(200);
        return response.text();
      }),
    );
    for (const fragment of fragments) {
      expect(learner, `/learn/${slug}`).not.toContain(fragment);
      expect(audience, `/learn/${slug}/audience`).not.toContain(fragment);
      expect(presenter, `/learn/${slug}/present`).toContain(fragment);
    }
  }
});

test('presenter and audience windows move together, by keyboard, with notes only in the presenter', async ({
  page,
  context,
}) => {
  const presenter = page;
  await presenter.goto('/learn/keys/present?seed=amber-otter-42');
  await expect(presenter.getByRole('heading', { level: 1, name: 'Presenting: Keys' })).toBeVisible();
  const notes = presenter.getByRole('region', { name: 'Speaker notes' });
  await expect(notes).toContainText('A key pair is two values that belong together');
  // Presenter power: the step's gating is listed, not enforced.
  await expect(presenter.getByRole('status')).toContainText("Generate Alice's key pair first.");

  const opened = context.waitForEvent('page');
  // Keyboard only: focus a control and press Enter, as with Tab.
  await presenter.getByRole('button', { name: 'Open the audience window' }).focus();
  await presenter.keyboard.press('Enter');
  const audience = await opened;
  await expect(audience.locator('[data-hydrated="true"]')).toBeAttached();
  await expect(audience.getByRole('heading', { level: 2, name: "Alice's key pair" })).toBeVisible();
  await expect(audience.getByText('amber-otter-42').filter({ visible: true }).first()).toBeVisible();
  await expect(audience.getByText('A key pair is two values')).toHaveCount(0);

  const presenterAt = (title: string) =>
    expect(presenter.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
  const audienceAt = (title: string) =>
    expect(audience.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();

  // Next from the presenter's keyboard, without generating the key: the presenter decides.
  await presenter.bringToFront();
  await presenter.keyboard.press('ArrowRight');
  await presenterAt("Bob's key pair");
  await audienceAt("Bob's key pair");
  await expect(notes).toContainText('Bob makes his own pair on his own device');

  // A clicker's PageDown on the projector moves the presenter too.
  await audience.bringToFront();
  await audience.keyboard.press('PageDown');
  await audienceAt('Public and secret');
  await presenterAt('Public and secret');

  // Jump from the presenter's step list, then Home from the projector.
  await presenter
    .getByRole('navigation', { name: 'Jump to a step' })
    .getByRole('button', { name: "Prove it's real" })
    .focus();
  await presenter.keyboard.press('Enter');
  await audienceAt("Prove it's real");
  await audience.keyboard.press('Home');
  await presenterAt("Alice's key pair");

  // B blanks the projector from either window, and restores it.
  const blank = audience.getByRole('region', { name: 'Blank screen' });
  await presenter.keyboard.press('b');
  await expect(blank).toBeVisible();
  await expect(presenter.getByRole('button', { name: 'Blank the projector' })).toHaveAttribute('aria-pressed', 'true');
  await audience.keyboard.press('b');
  await expect(blank).toHaveCount(0);
  await expect(presenter.getByRole('button', { name: 'Blank the projector' })).toHaveAttribute('aria-pressed', 'false');

  // + and - size the projector's type.
  const stage = audience.locator('[data-presentation="audience"] [style*="zoom"]');
  await expect(stage).toHaveCSS('zoom', '1.3');
  await audience.keyboard.press('+');
  await expect(stage).toHaveCSS('zoom', '1.4');
  await audience.keyboard.press('-');
  await expect(stage).toHaveCSS('zoom', '1.3');

  // N hides and shows the notes drawer.
  await presenter.keyboard.press('n');
  await expect(notes).toBeHidden();
  await presenter.keyboard.press('n');
  await expect(notes).toBeVisible();

  await axeClean(presenter, { holdsLesson: false });
  await axeClean(audience, { holdsLesson: true });

  // The room generates a key; the presenter's list of missing actions follows.
  const aliceKeyBytes = audience.getByTestId('alice-public-key').first().locator('pre');
  await audience.getByRole('button', { name: "Generate Alice's key pair" }).click();
  await expect(aliceKeyBytes).toBeVisible();
  await expect(presenter.getByRole('status')).not.toContainText("Generate Alice's key pair first.");

  // R asks first: cancelling keeps everything.
  await presenter.keyboard.press('r');
  const dialog = presenter.getByRole('dialog', { name: 'Reset the lesson?' });
  await expect(dialog).toBeVisible();
  await presenter.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(aliceKeyBytes).toBeVisible();

  // Confirming starts the lesson's worlds again, on the same seed.
  await presenter.keyboard.press('r');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await presenter.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Reset the lesson' })).toBeFocused();
  await presenter.keyboard.press('Enter');
  await expect(audience.getByRole('button', { name: "Generate Alice's key pair" })).toBeVisible();
  await expect(audience.locator('[data-hydrated="true"]')).toBeAttached();
  await expect(aliceKeyBytes).toHaveCount(0);
  await expect(presenter.getByRole('status')).toContainText("Generate Alice's key pair first.");

  // Closing the presenter leaves the projector usable on its own.
  await presenter.close();
  await audience.keyboard.press('ArrowRight');
  await audienceAt("Bob's key pair");
});
