/**
 * Playwright fixtures for the sandbox specs: a network guard that fails the test on any request that
 * leaves the app's origin (the offline-first rule), counting requests made by workers too. It only
 * observes (request interception would slow every request and skew the timings the specs measure);
 * on these machines there is no network to reach anyway.
 */
import { test as base, expect } from '@playwright/test';

/** Whether a URL stays on this machine: the app's origin (any localhost port), data: or blob:. */
function isLocalUrl(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const { protocol, hostname } = new URL(url);
    return (
      (protocol === 'http:' || protocol === 'https:' || protocol === 'ws:') &&
      ['localhost', '127.0.0.1', '[::1]'].includes(hostname)
    );
  } catch {
    return false;
  }
}

/**
 * The fixtures. `offOriginRequests` lists requests to other origins that the browser's own CSP did
 * not refuse; any fails the test. A request the page's or the sandbox worker's CSP refused never left
 * the browser (Chromium reports it as failed with reason `csp`); it is listed in `cspBlockedRequests`
 * and annotated, since that refusal is the containment working.
 */
export const test = base.extend<{ offOriginRequests: string[]; cspBlockedRequests: string[] }>({
  cspBlockedRequests: [
    async ({}, use) => {
      await use([]);
    },
    { auto: true },
  ],
  offOriginRequests: [
    async ({ context, cspBlockedRequests }, use, testInfo) => {
      const seen = new Set<import('@playwright/test').Request>();
      context.on('request', (request) => {
        if (!isLocalUrl(request.url())) seen.add(request);
      });
      context.on('requestfailed', (request) => {
        if (!isLocalUrl(request.url()) && /^(csp|net::ERR_BLOCKED_BY_CSP)$/.test(request.failure()?.errorText ?? '')) {
          cspBlockedRequests.push(request.url());
          seen.delete(request);
        }
      });
      const offOrigin: string[] = [];
      await use(offOrigin);
      offOrigin.push(...[...seen].map((r) => r.url()));
      if (cspBlockedRequests.length > 0) {
        testInfo.annotations.push({ type: 'blocked by CSP', description: cspBlockedRequests.join(', ') });
      }
      expect(offOrigin, 'requests that left the app origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
