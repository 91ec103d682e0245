/**
 * The `test` every spec uses. It fails a test if the page (or any worker it starts) requests
 * anything outside the app's own origin, apart from data: and blob: URLs: the lab must work
 * offline, with no CDN, font or telemetry request (DESIGN.md, principle 4).
 *
 * It also installs a long-task observer in every page (`window.__longTasks`), read with
 * `longTasksBetween` to measure how long the main thread was blocked by a learner's action.
 */
import { test as base, expect, type BrowserContext, type Page, type Request } from '@playwright/test';

export { expect };

/** One main-thread task longer than 50 ms, as reported by PerformanceObserver('longtask'). */
export interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __longTasks?: LongTask[];
  }
}

function isAllowed(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * Makes `context` an offline browser for the app at `origin`: every request to another origin is
 * recorded and refused (so a leak cannot succeed while the test is failing), and every page gets
 * the long-task observer. Returns the recorded requests, for the test to assert empty.
 */
export async function guardContext(context: BrowserContext, origin: string): Promise<string[]> {
  const foreign: string[] = [];
  context.on('request', (request: Request) => {
    if (!isAllowed(request.url(), origin)) foreign.push(`${request.method()} ${request.url()}`);
  });
  await context.route(
    (url) => !isAllowed(url.href, origin),
    (route) => route.abort('blockedbyclient'),
  );
  await context.addInitScript(() => {
    window.__longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          window.__longTasks?.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // longtask is Chromium-only; elsewhere the budget check has nothing to read.
    }
  });
  return foreign;
}

/** The offline message every guarded test asserts with. */
export const OFFLINE_MESSAGE = 'requests to other origins (the lab must work offline)';

export const test = base.extend<{ offlineGuard: void }>({
  offlineGuard: [
    async ({ context, baseURL }, use) => {
      if (!baseURL) throw new Error('baseURL is not set in playwright.config.ts');
      const foreign = await guardContext(context, new URL(baseURL).origin);
      await use();
      expect(foreign, OFFLINE_MESSAGE).toEqual([]);
    },
    { auto: true },
  ],
});

/** The page's clock (performance.now()), to bracket an action. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** A span on the page's clock, e.g. one that a budget does not cover. */
export interface ClockSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * The longest long task that started within [from, to] on the page's clock (0 if none), leaving
 * out tasks that started inside one of the `except` spans.
 */
export async function longestTaskBetween(
  page: Page,
  from: number,
  to: number,
  except: readonly ClockSpan[] = [],
): Promise<number> {
  // Long tasks are reported asynchronously; give the observer a frame to deliver them.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const tasks = await page.evaluate(() => window.__longTasks ?? []);
  return tasks
    .filter(
      (t) => t.start >= from && t.start <= to && !except.some((span) => t.start >= span.from && t.start <= span.to),
    )
    .reduce((max, t) => Math.max(max, t.duration), 0);
}
