/**
 * The editor and the sandbox as a learner meets them: Monaco loads only when asked and only from the
 * app, the CSPs are on the responses, and the timings that matter are measured and printed.
 */
import os from 'node:os';
import AxeBuilder from '@axe-core/playwright';
import type { Page, Response } from '@playwright/test';
import { expect, test } from './sandbox-fixtures';
import { exerciseRegion, openCodeLabWithDraft, runStatus } from './sandbox-helpers';

/** A string only Monaco's main bundle contains (a command id; ids survive minification). */
const MONACO_MARKER = 'editor.action.toggleTabFocusMode';

/** Records every script the page loads and whether it is Monaco. */
function recordScripts(page: Page): { urls: string[]; monaco: string[]; pending: Promise<void>[] } {
  const log = { urls: [] as string[], monaco: [] as string[], pending: [] as Promise<void>[] };
  page.context().on('response', (response: Response) => {
    const request = response.request();
    if (request.resourceType() !== 'script' && !/\.js(\?|$)/.test(response.url())) return;
    log.urls.push(response.url());
    log.pending.push(
      response
        .text()
        .then((body) => {
          if (body.includes(MONACO_MARKER) || /monaco|ts\.worker|editor\.worker/i.test(response.url()))
            log.monaco.push(response.url());
        })
        .catch(() => undefined),
    );
  });
  return log;
}

test('no Monaco request on /, on lesson pages until "Open editor", and on /code only after it', async ({ page }) => {
  const scripts = recordScripts(page);
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  await Promise.all(scripts.pending);
  expect(scripts.urls.length, 'scripts seen on /').toBeGreaterThan(0);
  expect(scripts.monaco, 'Monaco scripts on /').toEqual([]);

  // A lesson without exercises loads no exercise code at all; one with an exercise shows its code
  // (and runs it) without Monaco, and keyboard focus on "Open editor" does not load it either.
  await page.goto('/learn/keys');
  await page.waitForLoadState('networkidle');
  await Promise.all(scripts.pending);
  expect(scripts.monaco, 'Monaco scripts on a lesson without exercises').toEqual([]);
  await expect(page.getByRole('button', { name: 'Open editor' })).toHaveCount(0);
  await page.goto('/learn/key-exchange#in-code');
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  const exercise = page.getByRole('region', { name: 'Compute the shared secret yourself' });
  await exercise.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(exercise.getByRole('group', { name: 'Run controls' }).getByRole('status')).toHaveText(/^Finished in/);
  await exercise.getByRole('button', { name: 'Open editor' }).focus();
  await page.waitForLoadState('networkidle');
  await Promise.all(scripts.pending);
  expect(scripts.monaco, 'Monaco scripts on a lesson with an exercise, before "Open editor"').toEqual([]);

  await page.goto('/code?exercise=code-lab');
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runStatus(page)).toHaveText(/^Finished in/);
  await Promise.all(scripts.pending);
  expect(scripts.monaco, 'Monaco scripts on /code before opening the editor').toEqual([]);

  await page.getByRole('button', { name: 'Open editor' }).click();
  await expect(page.getByRole('textbox', { name: /^Code editor/ })).toBeFocused({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await Promise.all(scripts.pending);
  expect(scripts.monaco.length, 'Monaco scripts after "Open editor"').toBeGreaterThan(0);
  test.info().annotations.push({
    type: 'monaco scripts',
    description: scripts.monaco.map((u) => new URL(u).pathname).join(', '),
  });
});

test('pages and the sandbox frame carry their CSPs', async ({ request }) => {
  for (const path of ['/', '/code']) {
    const csp = (await request.get(path)).headers()['content-security-policy'];
    expect(csp, `${path} CSP`).toBe(
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  }
  // The frame's one script is inline, allowed by its hash: no script URL, not even this origin's.
  const sandboxCsp = new RegExp(
    "^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]{43}=' 'unsafe-eval'; worker-src blob:; connect-src 'none'; img-src 'none'; " +
      "font-src 'none'; media-src 'none'; style-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-scripts$",
  );
  const response = await request.get('/sandbox/frame.html');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/html/);
  expect(response.headers()['content-security-policy'], 'sandbox CSP').toMatch(sandboxCsp);
  expect(response.headers()['x-frame-options']).toBe('SAMEORIGIN');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(await response.text()).not.toMatch(/<script[^>]*\bsrc=/);
  expect((await request.get('/sandbox/frame.js')).status(), 'no separate frame script').toBe(404);
});

/**
 * The budgets hold on an otherwise idle 2-core machine. When the machine is busier than that (other
 * test workers, other builds), they scale by the 1-minute load average per core, and the annotation
 * says so; the raw numbers are always printed.
 */
function loadFactor(): number {
  return Math.max(1, os.loadavg()[0]! / os.cpus().length);
}

/** Clicks Run and returns the time from the click's input event to the status line saying it finished, measured in the page. */
async function timedRun(page: Page): Promise<number> {
  const probe = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const region = document.querySelector('section[aria-labelledby="exercise-code-lab-title"]')!;
        const button = [...region.querySelectorAll('button')].find((b) => b.textContent === 'Run')!;
        const status = region.querySelector('[role="group"] [role="status"]')!;
        let clickedAt = 0;
        button.addEventListener('pointerdown', (e) => (clickedAt = e.timeStamp), { once: true });
        const observer = new MutationObserver(() => {
          if (clickedAt > 0 && /^Finished in/.test(status.textContent ?? '')) {
            observer.disconnect();
            resolve(performance.now() - clickedAt);
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
      }),
  );
  await exerciseRegion(page).getByRole('button', { name: 'Run', exact: true }).click();
  return probe;
}

test('timings: editor usable after navigation, and Run → result once warm', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });

  // Three navigations: the first with a cold cache (as a first visit), two with the HTTP cache warm.
  const usableMs: number[] = [];
  for (let visit = 0; visit < 3; visit++) {
    const navigationStart = Date.now();
    await page.goto('/code?exercise=code-lab');
    await page.getByRole('button', { name: 'Open editor' }).click();
    await expect(page.getByRole('textbox', { name: /^Code editor/ })).toBeFocused({ timeout: 20_000 });
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nconsole.log("typed");');
    await expect(exerciseRegion(page).locator('.view-lines')).toContainText('console.log("typed");');
    usableMs.push(Date.now() - navigationStart);
    await page.evaluate(() => localStorage.clear());
  }
  const [coldMs, ...warmMs] = usableMs;
  const editorUsableMs = Math.min(...usableMs);
  const summary = `cold cache ${coldMs} ms, warm cache ${warmMs.join(' / ')} ms`;
  test.info().annotations.push({ type: 'editor usable after navigation', description: summary });
  console.log(`editor usable (focused, typed text shown) after navigation: ${summary}`);

  // The editor follows the app's theme.
  await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
  await expect(exerciseRegion(page).locator('.monaco-editor').first()).toHaveClass(/vs-dark/);
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await expect(exerciseRegion(page).locator('.monaco-editor').first()).not.toHaveClass(/vs-dark/);
  await page.getByRole('textbox', { name: /^Code editor/ }).focus();

  // The TypeScript worker knows the allowlisted modules and the lesson context.
  await page.keyboard.type('\nconst n: number = lesson.info;');
  await expect(page.locator('.squiggly-error')).not.toHaveCount(0, { timeout: 20_000 });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(
    "import { x25519 } from '@noble/curves/ed25519.js';\nexport const pk = x25519.getPublicKey(lesson.alice.secretKey);",
  );
  await expect(page.locator('.squiggly-error')).toHaveCount(0, { timeout: 20_000 });
  await page.keyboard.type('\nx25519.getSha');
  await page.keyboard.press('Control+Space');
  await expect(page.getByRole('option', { name: /getSharedSecret/ })).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Escape');

  // Warm runs: a trivial program, timed from the click to the status line.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('export const answer = 42;');
  await timedRun(page); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.waitForTimeout(150);
    samples.push(Math.round(await timedRun(page)));
  }
  samples.sort((a, b) => a - b);
  const median = samples[2]!;
  const factor = loadFactor();
  const scaled =
    factor > 1
      ? ` (machine busy: budgets ×${factor.toFixed(2)} from load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`
      : '';
  test.info().annotations.push({
    type: 'warm Run → result',
    description: `median ${median} ms of [${samples.join(', ')}]${scaled}`,
  });
  console.log(
    `warm Run → result (click to status line, in the page): median ${median} ms, samples ${samples.join(', ')} ms${scaled}`,
  );
  expect(violations, 'CSP violations on /code with Monaco').toEqual([]);
  expect(median).toBeLessThan(300 * factor);
  expect(editorUsableMs).toBeLessThan(2500 * factor);
});

test('keyboard: Tab stays in the editor until Esc (once) or Ctrl+M (for good)', async ({ page }) => {
  await page.goto('/code?exercise=code-lab');
  await page.getByRole('button', { name: 'Open editor' }).click();
  const editor = page.getByRole('textbox', { name: /^Code editor/ });
  await expect(editor).toBeFocused({ timeout: 20_000 });
  await expect(
    page.getByText('Tab inserts a tab. Press Ctrl+M (Ctrl+Shift+M on Mac) to make Tab move focus, or Esc then Tab.'),
  ).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(exerciseRegion(page).getByRole('button', { name: 'Run', exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+m');
  await page.keyboard.press('Tab');
  await expect(exerciseRegion(page).getByRole('button', { name: 'Run', exact: true })).toBeFocused();
});

test('Ctrl+Enter runs, drafts survive a reload, hints come one at a time, the solution after two failed runs (counted across reloads)', async ({
  page,
}) => {
  await openCodeLabWithDraft(page, "export const sharedSecret = 'nope';");
  const region = exerciseRegion(page);
  await expect(region.getByRole('button', { name: 'Show solution' })).toHaveCount(0);
  await region.getByRole('button', { name: 'Run', exact: true }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(runStatus(page)).toHaveText(/^Finished in/);
  await expect(region.getByRole('listitem').filter({ hasText: 'is the X25519 secret' })).toContainText(
    'should be bytes (a Uint8Array or a hex string), but it is a string',
  );
  await expect(region.getByRole('button', { name: 'Show solution' })).toHaveCount(0);
  // A syntax error is not an attempt.
  await page.evaluate(() => localStorage.setItem('backdoor-lab:draft:code-lab', 'const = ;'));
  await page.reload();
  await region.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(region.getByRole('alert')).toHaveText(/^Line 1: Syntax error/);
  await expect(region.getByRole('button', { name: 'Show solution' })).toHaveCount(0);

  await region.getByRole('button', { name: 'Show a hint (1 of 3)' }).click();
  await expect(region.getByText('Hint 1:')).toBeVisible();
  await expect(region.getByText('Hint 2:')).toHaveCount(0);
  await region.getByRole('button', { name: 'Show a hint (2 of 3)' }).click();
  await expect(region.getByText('Hint 2:')).toBeVisible();

  page.once('dialog', (dialog) => void dialog.accept());
  await region.getByRole('button', { name: 'Reset to starter' }).click();
  await region.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runStatus(page)).toHaveText(/^Finished in/);
  // The failed run before the reloads counted: this is the second, so the solution is offered.
  await expect(region.getByRole('button', { name: 'Show solution' })).toBeVisible();
  // Attempts and open hints survive a reload.
  await page.reload();
  await expect(region.getByText('Hint 2:')).toBeVisible();
  await expect(region.getByRole('button', { name: 'Show a hint (3 of 3)' })).toBeVisible();
  await region.getByRole('button', { name: 'Show solution' }).click();
  await expect(region.getByLabel('Solution of Open Bob’s message')).toContainText(
    'x25519.getSharedSecret(lesson.alice.secretKey, lesson.bob.publicKey)',
  );

  // The solution, run through the page, passes every check.
  const solution = (await region.getByLabel('Solution of Open Bob’s message').textContent())!;
  await page.evaluate((code) => localStorage.setItem('backdoor-lab:draft:code-lab', code), solution);
  await page.reload();
  await region.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runStatus(page)).toHaveText(/all checks pass/);
  await expect(region.getByRole('log')).toContainText('Bob wrote: Meet me at the library at noon. Bring the notebook.');
});

test('the exercise has no serious or critical accessibility violations, before and after opening Monaco, in both themes', async ({
  page,
}) => {
  const audit = async (when: string) => {
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      await page.waitForTimeout(200);
      const { violations } = await new AxeBuilder({ page }).include('main').analyze();
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(
        serious.map((v) => `${when}, ${theme}: ${v.id} on ${v.nodes.length} nodes (${v.nodes[0]?.target.join(' ')})`),
      ).toEqual([]);
    }
  };
  await page.goto('/code?exercise=code-lab');
  await exerciseRegion(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runStatus(page)).toHaveText(/^Finished in/);
  await exerciseRegion(page)
    .getByRole('button', { name: /Show a hint/ })
    .click();
  await audit('static view');
  await page.getByRole('button', { name: 'Open editor' }).click();
  await expect(page.getByRole('textbox', { name: /^Code editor/ })).toBeFocused({ timeout: 20_000 });
  await page.waitForTimeout(2000); // let the TypeScript worker decorate the code
  await audit('Monaco');
});
