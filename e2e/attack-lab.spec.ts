/**
 * The attack lab end to end: a seeded world generated in the worker, capabilities from the deck,
 * real decryption with progress and cancel, forgery, and the page staying responsive meanwhile.
 * Expected numbers come from the page's own god view and the worker's raw report, never from
 * constants: the test checks that the screen shows what the decryption decided.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, longestTaskBetween, pageNow, test } from './fixtures';

interface WorldSettings {
  readonly messages?: number;
  readonly mode?: 'ratchet' | 'static';
  readonly escrow?: 'off' | 'single' | 'xor-2-of-2' | 'shamir' | 'two-governments';
}

/** Fills the settings and generates; resolves with the message count the god view reports. */
async function generate(page: Page, settings: WorldSettings = {}): Promise<number> {
  if (settings.messages !== undefined)
    await page.getByLabel('Messages', { exact: true }).fill(String(settings.messages));
  if (settings.mode) await page.getByLabel('Key agreement', { exact: true }).selectOption(settings.mode);
  if (settings.escrow) await page.getByLabel('Escrow', { exact: true }).selectOption(settings.escrow);
  await page.getByRole('button', { name: 'Generate world' }).click();
  const ready = page.getByText(/^World ready: /);
  await expect(ready).toBeVisible({ timeout: 120_000 });
  const text = (await ready.textContent()) ?? '';
  return Number(/(\d+) messages/.exec(text)![1]);
}

function consoleRegion(page: Page): Locator {
  return page.getByRole('region', { name: "The thief's console" });
}

async function press(thief: Locator, name: string) {
  const button = thief.getByRole('button', { name, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

/** Decrypts and resolves with the on-screen counts and the worker's raw report. */
async function decryptAll(page: Page) {
  const thief = consoleRegion(page);
  await thief.getByRole('button', { name: 'Decrypt everything captured' }).click();
  const results = thief.getByTestId('attack-results');
  await expect(results).toBeVisible({ timeout: 120_000 });
  await expect(thief.getByRole('button', { name: 'Cancel' })).toBeHidden({ timeout: 120_000 });
  const read = async (id: string) => Number(await thief.getByTestId(id).textContent());
  const screen = {
    opened: await read('count-opened'),
    tagFailed: await read('count-tag-failed'),
    noKey: await read('count-no-key'),
    captured: await read('count-captured'),
  };
  const report = JSON.parse((await thief.getByTestId('worker-report').textContent()) ?? '{}') as {
    counts: { opened: number; tagFailed: number; noKey: number; outsideWarrant: number };
    captured: number;
    decided: number;
    cancelled: boolean;
  };
  return { screen, report };
}

test.describe('attack lab', () => {
  test("the stolen escrow key opens every message, the learner's own included; the screen shows what the worker decided", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto('/attack-lab');
    const total = await generate(page);
    const thief = consoleRegion(page);

    // The learner's own message goes in through the real send path before the attack.
    const mine = `Meet me at the old boathouse, ${Date.now()}`;
    await thief.getByLabel('From', { exact: true }).selectOption('alice');
    const to = thief.getByLabel('To', { exact: true });
    const recipient = await to.locator('option').first().getAttribute('value');
    await to.selectOption(recipient!);
    await thief.getByLabel(/^Your message from Alice to /).fill(mine);
    await thief.getByRole('button', { name: 'Send it through the server' }).click();
    await expect(thief.getByRole('status').filter({ hasText: mine })).toBeVisible();
    await expect(page.getByText(/^World ready: /)).toBeVisible();

    await press(thief, 'Tap the wire');
    await press(thief, 'Steal the escrow key');
    await expect(thief.getByText(/X25519 secret key/).first()).toBeVisible();
    const { screen, report } = await decryptAll(page);

    expect(report.cancelled).toBe(false);
    expect(screen).toEqual({
      opened: report.counts.opened,
      tagFailed: report.counts.tagFailed,
      noKey: report.counts.noKey,
      captured: report.captured,
    });
    expect(screen.captured).toBe(total + 1);
    expect(screen.opened).toBe(total + 1);
    await expect(thief.getByTestId('my-message-opened')).toHaveText(`Your message opened: “${mine}”`);
    // The list is filterable: the learner's own text finds exactly their message, marked as theirs.
    await thief.getByLabel('Text contains', { exact: true }).fill(mine);
    await expect(thief.getByTestId('my-message-row')).toContainText(mine);
    await expect(thief.getByText(/^1 of \d+ envelopes$/)).toBeVisible();
    // Unfiltered, the list holds one row per decided envelope.
    await thief.getByLabel('Text contains', { exact: true }).fill('');
    await thief.getByLabel('Outcome', { exact: true }).selectOption('');
    await expect(thief.getByText(`${report.decided} of ${report.decided} envelopes`)).toBeVisible();

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });

  test('with escrow off there is no escrow key: the theft yields nothing and nothing opens', async ({ page }) => {
    await page.goto('/attack-lab');
    const total = await generate(page, { escrow: 'off' });
    const thief = consoleRegion(page);
    await press(thief, 'Tap the wire');
    await press(thief, 'Steal the escrow key');
    await expect(thief.getByTestId('loot-note')).toHaveText(/escrow is off: there is no escrow key to steal/);
    const { screen, report } = await decryptAll(page);
    expect(screen.opened).toBe(0);
    expect(screen.noKey).toBe(total);
    expect(report.counts.noKey).toBe(total);
  });

  test('a phone stolen mid-way opens fewer messages in ratchet mode than in static mode', async ({ page }) => {
    await page.goto('/attack-lab');
    const opened: Record<string, number> = {};
    for (const mode of ['static', 'ratchet'] as const) {
      await generate(page, { mode, escrow: 'off' });
      const thief = consoleRegion(page);
      await thief.getByLabel('Whose', { exact: true }).selectOption('bob');
      await thief.getByLabel('Day', { exact: true }).selectOption('15');
      await press(thief, 'Tap the wire');
      await press(thief, "Steal Bob's phone");
      const { screen, report } = await decryptAll(page);
      expect(screen.opened).toBe(report.counts.opened);
      opened[mode] = screen.opened;
    }
    expect(opened.static).toBeGreaterThan(0);
    expect(opened.ratchet).toBeLessThan(opened.static!);
  });

  test('a forgery with the stolen escrow key is accepted; with escrow off the same attempt is refused', async ({
    page,
  }) => {
    await page.goto('/attack-lab');
    await generate(page);
    const forge = page.getByRole('region', { name: '3. Forge a message' });
    const text = 'Change of plan: send the files to this address instead';
    await forge.getByLabel('New text', { exact: true }).fill(text);
    await forge.getByRole('button', { name: 'Forge and deliver' }).click();
    await expect(forge.getByTestId('forge-verdict')).toHaveText(
      new RegExp(`accepted it as genuine from .*: “${text}”`),
    );
    await expect(forge.getByText('Message key recovered from the escrow field')).toBeVisible();

    await generate(page, { escrow: 'off' });
    await forge.getByLabel('New text', { exact: true }).fill(text);
    await forge.getByRole('button', { name: 'Forge and deliver' }).click();
    await expect(forge.getByTestId('forge-verdict')).toHaveText(/refused it \(the tag failed\)/);
    await expect(forge.getByText(/^No message key: this envelope carries no escrow field/)).toBeVisible();
    await forge.getByText('seal under a key of its own').click();
    await forge.getByRole('button', { name: 'Forge and deliver' }).click();
    await expect(forge.getByText(/the new text sealed under a random key/)).toBeVisible();
    await expect(forge.getByTestId('forge-verdict')).toHaveText(/refused it \(the tag failed\)/);
  });

  test('decryption runs off the main thread: clicks answer within 200 ms, and Cancel stops it', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/attack-lab');
    // Enough messages that decryption lasts a while; a phone plus the server plus the escrow key
    // makes every envelope try several keys.
    await generate(page, { messages: 4000 });
    const thief = consoleRegion(page);
    await press(thief, 'Take over the server');
    await press(thief, 'Steal the escrow key');
    await press(thief, "Steal Bob's phone");

    // Run 1: click elsewhere on the page while the worker decrypts, and time the answer in the page.
    const from = await pageNow(page);
    await thief.getByRole('button', { name: 'Decrypt everything captured' }).click();
    await expect(thief.getByRole('progressbar', { name: 'Decryption progress' })).toBeVisible();
    // Three clicks on the deck's radio buttons (each re-renders the deck), timed in the page from
    // the click to the next frame.
    const answers: number[] = [];
    for (const story of ['Breach', 'Phishing', 'Insider']) {
      answers.push(
        await page.evaluate(async (label) => {
          const radio = [...document.querySelectorAll('label')]
            .find((l) => l.textContent?.startsWith(label))!
            .querySelector('input')!;
          const t0 = performance.now();
          radio.click();
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          return radio.checked ? performance.now() - t0 : Number.POSITIVE_INFINITY;
        }, story),
      );
    }
    // The measurements cover only the time the worker was still decrypting (rendering the
    // finished results afterwards is ordinary page work, not what this test is about).
    const to = await pageNow(page);
    const stillRunning = await thief.getByRole('button', { name: 'Cancel' }).isVisible();
    expect(stillRunning, 'the clicks should land while the worker is still decrypting').toBe(true);
    const longest = await longestTaskBetween(page, from, to);
    const median = [...answers].sort((x, y) => x - y)[1]!;
    const note = `clicks answered in ${answers.map((x) => x.toFixed(0)).join(', ')} ms (median ${median.toFixed(0)}); longest main-thread task while decrypting ${longest.toFixed(0)} ms`;
    test.info().annotations.push({ type: 'clicks during decryption', description: note });
    console.log(`attack-lab ${note}`);
    // The budget is 200 ms per answer; on a shared VM one unlucky sample can stall behind other
    // processes, so the median must meet it and every answer must stay far below what decrypting
    // these 4,000 envelopes on the main thread would block for (seconds).
    expect(median).toBeLessThan(200);
    expect(Math.max(...answers)).toBeLessThan(1000);
    expect(longest).toBeLessThan(1000);
    await expect(thief.getByTestId('attack-results')).toBeVisible({ timeout: 120_000 });

    // Run 2: cancel it; the page says where it stopped and the worker's report agrees.
    await press(thief, 'Tap the wire');
    await thief.getByRole('button', { name: 'Decrypt everything captured' }).click();
    const progress = thief.getByRole('progressbar', { name: 'Decryption progress' });
    await expect(progress).toBeVisible();
    await thief.getByRole('button', { name: 'Cancel' }).click();
    await expect(thief.getByText(/^Cancelled after \d+ of \d+ envelopes\.$/)).toBeVisible({ timeout: 60_000 });
    const report = JSON.parse((await thief.getByTestId('worker-report').textContent()) ?? '{}') as {
      cancelled: boolean;
      decided: number;
      captured: number;
    };
    expect(report.cancelled).toBe(true);
    expect(report.decided).toBeLessThan(report.captured);
    await expect(thief.getByText(`Cancelled after ${report.decided} of ${report.captured} envelopes.`)).toBeVisible();
  });
});

test.describe('attack lab on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('every part fits the width (tables scroll in their box) and axe finds nothing serious', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/attack-lab');
    await generate(page);
    const thief = consoleRegion(page);
    await press(thief, 'Tap the wire');
    await press(thief, 'Steal the escrow key');
    await decryptAll(page);
    const forge = page.getByRole('region', { name: '3. Forge a message' });
    await forge.getByRole('button', { name: 'Forge and deliver' }).click();
    await expect(forge.getByTestId('forge-verdict')).toBeVisible();
    await page.getByRole('button', { name: 'Run the three worlds' }).click();
    // The chart: the escrow world's escrow-key bar is full; the no-escrow worlds' are empty.
    await expect(page.getByTestId('chart-escrow-key-ratchet-escrow')).toContainText(/(\d+) of \1 \| (\d+) of \2/, {
      timeout: 90_000,
    });
    await expect(page.getByTestId('chart-escrow-key-ratchet')).toContainText(/(^|\D)0 of \d+ \| 0 of \d+/);
    // Every bar's numbers are the decryption counts in the table behind "Every number".
    await page.getByText('Every number: users, conversations and forgeries').click();
    const grid = page.getByRole('region', { name: 'Blast radius grid' });
    for (const row of ['wire', 'server', 'phone', 'escrow-key'])
      for (const world of ['static', 'ratchet', 'ratchet-escrow']) {
        const cell = await grid.getByTestId(`row-${row}`).getByTestId(`cell-${world}`).innerText();
        const [, before, after] = cell.match(/before .+?: (\d+\/\d+)\s+after: (\d+\/\d+)/)!;
        const bar = page.getByTestId(`chart-${row}-${world}`);
        await expect(bar.locator('[data-part="before"]')).toHaveText(before!.replace('/', ' of '));
        await expect(bar.locator('[data-part="after"]')).toHaveText(after!.replace('/', ' of '));
      }

    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
});
