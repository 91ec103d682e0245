/**
 * A quiet main thread on a phone (issue 11): with Chromium's CPU throttled 4x (DevTools' "mid-tier
 * mobile"), loading `/` or any lesson may block the main thread for at most 150 ms in total,
 * counted as Lighthouse's total blocking time: every long task's time beyond its first 50 ms,
 * from navigation until the page has settled (hydrated, its deferred demos loaded, and no long
 * task for a second).
 *
 * Every load is a first visit: a fresh browser context per load, so no HTTP cache and no V8 code
 * cache from an earlier page (a page loaded after another one reuses the compiled framework, and
 * blocked 0 ms where the same page cold blocked 180-300 ms). What a visitor's browser does have
 * warm is its font system: a fresh headless renderer spends hundreds of ms in fontconfig on its
 * first layout, so each context first renders the app's own font stacks on a same-origin page
 * that loads no script. The machine is noisy (two cores shared by the browser, its background
 * compiler and the server), so a route holds the budget when the median of five cold loads does:
 * loading stops as soon as three agree (a single slow load does not fail a route; a route that is
 * slow half the time does).
 *
 * Each load's figure and longest task go to the console and the test's annotations.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { tracks } from '../lessons/index';
import { courseOrder } from '../lib/lessons/course';
import { expect, guardContext, OFFLINE_MESSAGE, test } from './fixtures';

const BUDGET_MS = 150;
const CPU_SLOWDOWN = 4;
/** The page has settled when no long task has started for this long. */
const QUIET_MS = 1000;
const LOADS = 5;
const MAJORITY = Math.ceil(LOADS / 2);
/** After a context closes, its renderer process is still exiting: let it go before the next load. */
const BETWEEN_LOADS_MS = 250;

const routes = ['/', ...courseOrder(tracks).map((slug) => `/learn/${slug}`)];

/** The app's font stacks, read from its style sheet so the warm-up renders what the pages use. */
function fontStacks(): string[] {
  const css = readFileSync(new URL('../app/globals.css', import.meta.url), 'utf8');
  const stacks = ['--font-sans', '--font-mono'].map((name) => new RegExp(`${name}:\\s*([^;]+);`).exec(css)?.[1]);
  if (stacks.some((stack) => !stack)) throw new Error('app/globals.css no longer defines --font-sans and --font-mono');
  return stacks.map((stack) => stack!.replace(/\s+/g, ' ').replace(/"/g, "'"));
}

const [sans, mono] = fontStacks();
const WARM_UP_PAGE = `<!doctype html><html lang="en"><body style="font-family: ${sans}">
<h1>Warm <b>up</b> <i>fonts</i> · … → ✓ ✗ — “quotes”</h1>
<p style="font-family: ${mono}">0a1b2c3d <b>e4f5</b></p></body></html>`;

interface Load {
  blocking: number;
  longest: number;
}

/** Total blocking time of the current document so far, its longest task and when its last ended. */
async function blockingSoFar(page: Page): Promise<Load & { last: number }> {
  return page.evaluate(() => {
    const tasks = window.__longTasks ?? [];
    return {
      blocking: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      longest: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
      last: tasks.reduce((end, t) => Math.max(end, t.start + t.duration), 0),
    };
  });
}

/** Waits until no long task has started for QUIET_MS (the idle-time work included). */
async function settle(page: Page): Promise<void> {
  for (;;) {
    const { last } = await blockingSoFar(page);
    const now = await page.evaluate(() => performance.now());
    if (now - last >= QUIET_MS) return;
    await page.waitForTimeout(QUIET_MS - (now - last));
  }
}

/** Waits for what the route defers past hydration to have arrived and run. */
async function loaded(page: Page, route: string): Promise<void> {
  if (route === '/') {
    await expect(page.getByTestId('glance-on')).toBeVisible();
    await expect(page.getByText('Loading the lab…', { exact: true })).toHaveCount(0);
  } else {
    await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  }
}

/** One first visit to `route` in a fresh context, throttled. */
async function coldLoad(browser: Browser, baseURL: string, route: string): Promise<Load> {
  const context = await browser.newContext({ baseURL });
  const foreign = await guardContext(context, new URL(baseURL).origin);
  await context.route('**/__font-warm-up', (request) =>
    request.fulfill({ contentType: 'text/html; charset=utf-8', body: WARM_UP_PAGE }),
  );
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto('/__font-warm-up');
    await page.goto(route);
    await loaded(page, route);
    await settle(page);
    const { blocking, longest } = await blockingSoFar(page);
    expect(foreign, OFFLINE_MESSAGE).toEqual([]);
    return { blocking, longest };
  } finally {
    await context.close();
    await new Promise((resolve) => setTimeout(resolve, BETWEEN_LOADS_MS));
  }
}

test('a first visit to / or any lesson blocks a 4x-throttled main thread for at most 150 ms', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(30_000 + routes.length * LOADS * 12_000);
  const results: { route: string; loads: Load[]; within: number }[] = [];
  for (const route of routes) {
    const loads: Load[] = [];
    const within = () => loads.filter((load) => load.blocking <= BUDGET_MS).length;
    // The median of five: stop as soon as three loads agree on either side of the budget.
    while (within() < MAJORITY && loads.length - within() < MAJORITY)
      loads.push(await coldLoad(browser, baseURL!, route));
    results.push({ route, loads, within: within() });
  }
  const report = results
    .map(
      (r) =>
        `${r.route}: ${r.loads.map((l) => `${l.blocking.toFixed(0)} ms (longest ${l.longest.toFixed(0)})`).join(', ')}`,
    )
    .join('; ');
  test.info().annotations.push({ type: 'main-thread', description: report });
  console.log(`total blocking time of first visits at ${CPU_SLOWDOWN}x CPU slowdown: ${report}`);
  for (const r of results)
    expect(r.within, `${r.route}: cold loads within ${BUDGET_MS} ms (of ${r.loads.length})`).toBeGreaterThanOrEqual(
      MAJORITY,
    );
});
