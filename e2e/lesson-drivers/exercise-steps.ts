/**
 * Keyboard-only actions on a lesson's code exercise (the `<Exercise>` widget), shared by the drivers
 * of the lessons that have one. The exercise data (starter, solution, checks) is read from the
 * lesson's own exercises.ts, so the walk runs exactly what the validator ran.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { pageNow } from '../fixtures';
import { exemptFromLongTaskBudget, tabTo } from '../lesson-driver';
import type { ExerciseSpec } from '../../lib/sandbox/exercise-spec';

/** The exercise's region (a section named by its title) inside `scope`. */
export function exerciseRegion(scope: Locator, exercise: ExerciseSpec): Locator {
  return scope.getByRole('region', { name: exercise.title });
}

/** The exercise's run status line. */
export function runStatus(region: Locator): Locator {
  return region.getByRole('group', { name: 'Run controls' }).getByRole('status');
}

function firstLine(code: string): string {
  return code.split('\n').find((line) => line.trim() !== '')!.trim();
}

function lastLine(code: string): string {
  return code.trimEnd().split('\n').pop()!.trim();
}

/**
 * Runs the starter as it is shown, before the editor exists (Tab to Run, Enter), and checks that it
 * runs and fails at least one check, as the validator proved.
 */
export async function runStarterByKeyboard(page: Page, region: Locator, exercise: ExerciseSpec): Promise<void> {
  await expect(region.getByLabel(/read-only until you open the editor/)).toContainText(firstLine(exercise.starter));
  await tabTo(page, region.getByRole('button', { name: 'Run', exact: true }));
  await page.keyboard.press('Enter');
  await expect(runStatus(region)).toHaveText(/^Finished in .*\.$/, { timeout: 30_000 });
  await expect(runStatus(region)).not.toHaveText(/all checks pass/);
  await expect(region.getByRole('listitem').filter({ hasText: 'failed:' }).first()).toBeVisible();
}

/** Resolves once the page has run no long task for `quietMs` (at most `maxMs`). */
async function mainThreadQuiet(page: Page, quietMs = 500, maxMs = 10_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < maxMs) {
    const idleFor = await page.evaluate(() => {
      const last = (window.__longTasks ?? []).reduce((end, t) => Math.max(end, t.start + t.duration), 0);
      return performance.now() - last;
    });
    if (idleFor >= quietMs) return;
    await page.waitForTimeout(100);
  }
}

/**
 * Opens the editor by keyboard (Tab to "Open editor", Enter) and replaces its code with `code` as a
 * learner pastes it: Ctrl+A, Delete, Ctrl+V (through the clipboard, so the editor takes its paste
 * path; typed key by key, its auto-closing brackets would change the code). Loading and starting
 * Monaco is left out of the walk's long-task budget (see lesson-driver.ts), up to the moment the
 * editor has taken the code and gone quiet. Returns the editor's textbox.
 */
export async function pasteIntoEditorByKeyboard(page: Page, region: Locator, code: string): Promise<Locator> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const from = await pageNow(page);
  await tabTo(page, region.getByRole('button', { name: 'Open editor' }));
  await page.keyboard.press('Enter');
  const editor = region.getByRole('textbox', { name: /^Code editor/ });
  await expect(editor).toBeFocused({ timeout: 30_000 });
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+V');
  // The editor scrolls to the cursor, at the end; it renders only the lines in view.
  await expect(region.locator('.view-lines')).toContainText(lastLine(code).slice(0, 30));
  await mainThreadQuiet(page);
  exemptFromLongTaskBudget(page, { from, to: await pageNow(page), why: 'loading the code editor (Monaco) and its first edits' });
  return editor;
}

/** Runs the code in the focused editor with Ctrl+Enter; resolves with the status line once the run has finished. */
export async function runFromEditor(page: Page, region: Locator): Promise<string> {
  await page.keyboard.press('Control+Enter');
  await expect(runStatus(region)).toHaveText(/^(Finished|Failed|Stopped)/, { timeout: 30_000 });
  return (await runStatus(region).textContent()) ?? '';
}

/**
 * Leaves the editor as a keyboard user does (Esc, then Tab moves the focus on instead of inserting
 * a tab), so the page's own shortcuts (Alt+Shift+→ for the next step) work again.
 */
export async function leaveEditorByKeyboard(page: Page, region: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(region.getByRole('textbox', { name: /^Code editor/ })).not.toBeFocused();
}

/** Expects every check of `exercise` to be marked passed in `region`. */
export async function expectAllChecksPass(region: Locator, exercise: ExerciseSpec): Promise<void> {
  await expect(runStatus(region)).toHaveText(/all checks pass\.$/);
  await expect(region.getByRole('listitem').filter({ hasText: 'passed:' })).toHaveCount(exercise.checks.length);
  await expect(region.getByRole('listitem').filter({ hasText: 'failed:' })).toHaveCount(0);
}

/**
 * The whole learner path to a pass, by keyboard: open the editor, paste the reference solution over
 * the starter, run it with Ctrl+Enter, see every check pass, and leave the editor.
 */
export async function passExerciseByKeyboard(page: Page, panel: Locator, exercise: ExerciseSpec): Promise<Locator> {
  const region = exerciseRegion(panel, exercise);
  await pasteIntoEditorByKeyboard(page, region, exercise.solution);
  await runFromEditor(page, region);
  await expectAllChecksPass(region, exercise);
  await leaveEditorByKeyboard(page, region);
  return region;
}
