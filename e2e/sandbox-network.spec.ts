/**
 * No request from learner code reaches any server, the app's own included, proven by the server's
 * request log rather than the browser's view. The page is opened through a logging proxy
 * (request-log-proxy.ts), so "the app's origin" is the proxy: hostile code tries every request
 * primitive with a unique marker in the URL, and the log must hold none of them, while a request
 * with a marker made by the page itself does appear (the log is real). Before the sandbox CSP lost
 * `'self'`, the same-origin `import()` here reached the server with its query string.
 */
import { randomUUID } from 'node:crypto';
import { startRequestLogProxy, type RequestLogProxy } from './request-log-proxy';
import { expect, test as base } from './sandbox-fixtures';
import { honestRunWorks, openCodeLabWithDraft, runStatus } from './sandbox-helpers';

const test = base.extend<{ requestLog: RequestLogProxy }>({
  requestLog: async ({}, provide, testInfo) => {
    const target = new URL(testInfo.project.use.baseURL!);
    const proxy = await startRequestLogProxy(Number(target.port), testInfo.outputPath('server-requests.log'));
    await provide(proxy);
    await proxy.close();
  },
  // Every page of these tests is served through the proxy.
  baseURL: async ({ requestLog }, provide) => provide(requestLog.origin),
});

/** Learner code that tries each way of making a request, each with its own marker; it prints what happened. */
function hostileCode(origin: string, id: string): string {
  const url = (kind: string) => `${origin}/nb9-${kind}-${id}.js?data=${kind}-secret-${id}`;
  const ws = origin.replace(/^http/, 'ws');
  const attempts: [string, string][] = [
    ['dynamic import', `(0, eval)("import('${url('import')}')")`],
    ['dynamic import of the frame', `(0, eval)("import('${origin}/sandbox/frame.html?nb9-frame-${id}')")`],
    ['fetch', `fetch('${url('fetch')}')`],
    ['fetch from the prototype', `(Object.getPrototypeOf(globalThis) as any).fetch('${url('protofetch')}')`],
    ['XMLHttpRequest', `(() => { const x = new XMLHttpRequest(); x.open('GET', '${url('xhr')}'); x.send(); })()`],
    ['importScripts', `importScripts('${url('importscripts')}')`],
    ['EventSource', `new EventSource('${url('eventsource')}')`],
    ['WebSocket', `new WebSocket('${ws}/nb9-websocket-${id}')`],
    ['image', `(() => { const image = new (globalThis as any).Image(); image.src = '${url('image')}'; })()`],
    ['image bitmap', `createImageBitmap(new Blob([], { type: 'image/png' })).then(() => fetch('${url('bitmap')}'))`],
    ['CSS font load', `new FontFace('nb9', 'url(${url('font')})').load()`],
    ['font set', `(globalThis as any).fonts.load('12px nb9', 'x')`],
    ['sendBeacon', `(navigator as any).sendBeacon('${url('beacon')}', 'secret')`],
    ['nested worker', `new Worker('${url('worker')}')`],
    [
      'nested worker from a blob',
      `new Worker(URL.createObjectURL(new Blob(["fetch('${url('blobworker')}')"], { type: 'text/javascript' })))`,
    ],
  ];
  return [
    'const settle = (p: unknown) => Promise.race([Promise.resolve(p), new Promise((r) => setTimeout(() => r("pending"), 400))]);',
    'const tries: [string, () => unknown][] = [',
    ...attempts.map(([name, code]) => `  [${JSON.stringify(name)}, () => ${code}],`),
    '];',
    'for (const [name, attempt] of tries) {',
    '  try {',
    '    const outcome = await settle(attempt());',
    '    console.log(name, "went through:", String(outcome));',
    '  } catch (error) {',
    '    console.log(name, "refused:", (error as Error).message);',
    '  }',
    '}',
    'await new Promise((r) => setTimeout(r, 300));',
    'export const done = true;',
  ].join('\n');
}

test('hostile code reaches no server, not even the app: the server log shows none of its requests', async ({
  page,
  requestLog,
}, testInfo) => {
  const id = randomUUID().slice(0, 8);
  await openCodeLabWithDraft(page, hostileCode(requestLog.origin, id));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runStatus(page)).toHaveText(/^Finished in/, { timeout: 15_000 });
  await expect(page.getByRole('log')).toContainText('nested worker from a blob');
  testInfo.annotations.push({ type: 'what each attempt saw', description: await page.getByRole('log').innerText() });

  // Positive control: the page itself requests a marked URL, and it shows up in the log.
  const controlStatus = await page.evaluate(
    async (u) => (await fetch(u)).status,
    `${requestLog.origin}/nb9-control-${id}`,
  );
  expect(controlStatus).toBe(404);
  await expect
    .poll(() => requestLog.lines().some((line) => line.includes(`/nb9-control-${id}`)), {
      message: 'the control request is in the server log',
    })
    .toBe(true);
  expect(requestLog.lines(), 'the page and the sandbox frame came through the proxy').toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^GET \/code/),
      expect.stringMatching(/^GET \/sandbox\/frame\.html/),
    ]),
  );

  // Give stragglers (a beacon, a font) time to arrive, then: no marker but the control's.
  await page.waitForTimeout(1000);
  const leaked = requestLog.lines().filter((line) => line.includes(id) && !line.includes(`/nb9-control-${id}`));
  expect(leaked, 'requests from learner code in the server log').toEqual([]);
  await honestRunWorks(page);
});
