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
function exerciseRegion(scope: Locator, exercise: ExerciseSpec): Locator {
  return scope.getByRole('region', { name: exercise.title });
}

/** The exercise's run status line. */
function runStatus(region: Locator): Locator {
  return region.getByRole('group', { name: 'Run controls' }).getByRole('status');
}

function firstLine(code: string): string {
  return code
    .split('\n')
    .find((line) => line.trim() !== '')!
    .trim();
}

function lastLine(code: string): string {
  return code.trimEnd().split('\n').pop()!.trim();
}

/**
 * Runs the starter as it is shown, before the editor exists (Tab to Run, Enter), and checks that it
 * runs and fails at least one check, as the validator proved.
 */
async function runStarterByKeyboard(page: Page, region: Locator, exercise: ExerciseSpec): Promise<void> {
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
 * path; typed key by key, its auto-closing brackets would change the code). Returns the editor's
 * textbox.
 */
async function pasteIntoEditorByKeyboard(page: Page, region: Locator, code: string): Promise<Locator> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
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
  return editor;
}

/** Runs the code in the focused editor with Ctrl+Enter; resolves with the status line once the run has finished. */
async function runFromEditor(page: Page, region: Locator): Promise<string> {
  await page.keyboard.press('Control+Enter');
  await expect(runStatus(region)).toHaveText(/^(Finished|Failed|Stopped)/, { timeout: 30_000 });
  return (await runStatus(region).textContent()) ?? '';
}

/**
 * Leaves the editor as a keyboard user does (Esc, then Tab moves the focus on instead of inserting
 * a tab), so the page's own shortcuts (Alt+Shift+→ for the next step) work again.
 */
async function leaveEditorByKeyboard(page: Page, region: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(region.getByRole('textbox', { name: /^Code editor/ })).not.toBeFocused();
}

/** Expects every check of `exercise` to be marked passed in `region`. */
async function expectAllChecksPass(region: Locator, exercise: ExerciseSpec): Promise<void> {
  await expect(runStatus(region)).toHaveText(/all checks pass\.$/);
  await expect(region.getByRole('listitem').filter({ hasText: 'passed:' })).toHaveCount(exercise.checks.length);
  await expect(region.getByRole('listitem').filter({ hasText: 'failed:' })).toHaveCount(0);
}

/** What {@link passExerciseByKeyboard} saw. */
export interface ExercisePass {
  readonly region: Locator;
  /** The status line after the solution's run, e.g. "Finished in 164 ms: all checks pass." */
  readonly status: string;
}

/**
 * The whole learner path to a pass, by keyboard: run the starter as shown (it must fail a check),
 * open the editor, paste the reference solution over the starter, run it with Ctrl+Enter, see every
 * check pass, and leave the editor. `afterStarter` may check the starter's results.
 *
 * The walk's 50 ms long-task budget covers the starter's run (the run path: worker, checks,
 * results), which happens before Monaco exists. From "Open editor" until the page is quiet again
 * after leaving the editor, the budget does not apply (lesson-driver.ts `exemptFromLongTaskBudget`):
 * that is Monaco's own work (evaluating its bundle, taking the paste, its TypeScript worker's
 * results), budgeted separately in sandbox-editor.spec.ts; the walk prints the longest task in it.
 */
export async function passExerciseByKeyboard(
  page: Page,
  panel: Locator,
  exercise: ExerciseSpec,
  afterStarter?: (region: Locator) => Promise<void>,
): Promise<ExercisePass> {
  const region = exerciseRegion(panel, exercise);
  await runStarterByKeyboard(page, region, exercise);
  await afterStarter?.(region);
  const from = await pageNow(page);
  await pasteIntoEditorByKeyboard(page, region, exercise.solution);
  const status = await runFromEditor(page, region);
  await expectAllChecksPass(region, exercise);
  await leaveEditorByKeyboard(page, region);
  await mainThreadQuiet(page, 1000);
  exemptFromLongTaskBudget(page, {
    from,
    to: await pageNow(page),
    why: 'the code editor (Monaco): loading, taking the pasted code, type-checking it',
  });
  return { region, status };
}
