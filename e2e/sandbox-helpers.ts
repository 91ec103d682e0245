/** Helpers shared by the sandbox specs. */
import type { Locator, Page } from '@playwright/test';
import { expect } from './sandbox-fixtures';

/** The draft key CodeExercise uses for the Code lab exercise. */
const CODE_LAB_DRAFT_KEY = 'backdoor-lab:draft:code-lab';

/** Opens the Code lab's checked exercise with `code` as the saved draft (the component loads it after hydration). */
export async function openCodeLabWithDraft(page: Page, code: string): Promise<void> {
  await page.goto('/code?exercise=code-lab');
  await page.evaluate(([key, value]) => window.localStorage.setItem(key!, value!), [CODE_LAB_DRAFT_KEY, code]);
  await page.reload();
  const firstLine = code
    .split('\n')
    .find((line) => line.trim().length > 0)!
    .trim();
  await expect(page.getByLabel(/read-only until you open the editor/)).toContainText(firstLine.slice(0, 40));
}

/** The Code lab exercise (a region named by its title). */
export function exerciseRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Open Bob’s message' });
}

/** The run status line. */
export function runStatus(page: Page): Locator {
  return exerciseRegion(page).getByRole('group', { name: 'Run controls' }).getByRole('status');
}

/**
 * Clicks the "What your code can use" summary and measures, inside the page, the time from the
 * pointer event to the toggle (the input's own timestamp, so main-thread blocking would show).
 * Returns that delay and the wall time Playwright saw, in ms.
 */
export async function measureClickResponse(page: Page): Promise<{ inPageMs: number; wallMs: number }> {
  await page.evaluate(() => {
    const details = document.querySelector('details')!;
    const w = window as unknown as { __clickProbe?: Promise<number> };
    w.__clickProbe = new Promise<number>((resolve) => {
      let downAt = 0;
      details.querySelector('summary')!.addEventListener('pointerdown', (e) => (downAt = e.timeStamp), { once: true });
      details.addEventListener('toggle', () => resolve(performance.now() - downAt), { once: true });
    });
  });
  const wasOpen = await page
    .locator('details')
    .first()
    .evaluate((d) => (d as HTMLDetailsElement).open);
  const started = Date.now();
  await page.getByText('What your code can use').click();
  await expect(page.locator('details').first()).toHaveJSProperty('open', !wasOpen);
  const wallMs = Date.now() - started;
  const inPageMs = await page.evaluate(() => (window as unknown as { __clickProbe: Promise<number> }).__clickProbe);
  return { inPageMs, wallMs };
}

/** Resets to the starter (accepting the confirm dialog) and runs it: the honest run after an attack. */
export async function honestRunWorks(page: Page): Promise<void> {
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset to starter' }).click();
  await expect(page.getByLabel(/read-only until you open the editor/)).toContainText(
    "import { x25519 } from '@noble/curves/ed25519.js';",
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runStatus(page)).toHaveText(/^Finished in \d+/);
  await expect(page.getByRole('log')).toContainText('Bob sent 67 bytes of ciphertext');
  await expect(page.getByRole('listitem').filter({ hasText: 'The program runs to the end' })).toContainText('passed');
}

/**
 * Measures clicks (as {@link measureClickResponse}) again and again while the run is in progress,
 * and once more after it has ended: the page's cost of receiving, checking and showing a result
 * lands at the end of a run, so a single click at the start would miss it. Returns every sample (ms).
 */
export async function clickResponsesThroughRun(page: Page, maxSamples = 25): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < maxSamples; i++) {
    samples.push((await measureClickResponse(page)).inPageMs);
    if ((await runStatus(page).innerText()) !== 'Running…') break;
  }
  samples.push((await measureClickResponse(page)).inPageMs);
  return samples;
}

/**
 * Starts watching the page's main thread for long tasks (PerformanceObserver 'longtask'); the
 * returned function gives the longest one since, in ms. A click that arrives as such a task starts
 * waits that long, whenever it comes: this catches a freeze that lands between two measured clicks.
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __sandboxLongTasks: number[] };
    w.__sandboxLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__sandboxLongTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  return async () => {
    // Long tasks are reported asynchronously; give the observer a frame to deliver them.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    return page.evaluate(() =>
      Math.max(0, ...(window as unknown as { __sandboxLongTasks: number[] }).__sandboxLongTasks),
    );
  };
}
