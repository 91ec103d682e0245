/**
 * The `test` every spec uses: it records every request the page and its workers make and fails the
 * test if any goes anywhere but the app's own origin (data: and blob: URLs are local).
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ offOriginRequests: string[] }>({
  offOriginRequests: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const off: string[] = [];
      context.on('request', (req) => {
        const url = req.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) off.push(url);
      });
      await context.route(
        (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
        (route) => route.abort('blockedbyclient'),
      );
      await use(off);
      expect(off, 'requests left the app origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
