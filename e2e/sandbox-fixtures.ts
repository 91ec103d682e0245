/**
 * Playwright fixtures for the sandbox specs: a network guard that fails the test on any request that
 * leaves the app's origin (the offline-first rule), counting requests made by workers too. Requests
 * to other origins are aborted, so a failing test never actually reaches the network.
 */
import { test as base, expect } from '@playwright/test';

/** Whether a URL stays on this machine: the app's origin (any localhost port), data: or blob:. */
export function isLocalUrl(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:' || protocol === 'ws:') && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
  } catch {
    return false;
  }
}

/** The fixtures: `offOriginRequests` lists what the guard saw (and the test fails if it is not empty). */
export const test = base.extend<{ offOriginRequests: string[] }>({
  offOriginRequests: [
    async ({ context }, use) => {
      const offOrigin: string[] = [];
      await context.route(
        (url) => !isLocalUrl(url.href),
        async (route) => {
          offOrigin.push(route.request().url());
          await route.abort('blockedbyclient');
        },
      );
      context.on('request', (request) => {
        if (!isLocalUrl(request.url()) && !offOrigin.includes(request.url())) offOrigin.push(request.url());
      });
      await use(offOrigin);
      expect(offOrigin, 'requests that left the app origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
