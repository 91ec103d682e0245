/**
 * Benchmark, in Chromium: a 10,000-message world (8 people, 20 conversations, Double Ratchet with
 * escrow) is generated in the world worker; the thief taps the wire, steals the escrow key and
 * decrypts everything. The times are measured inside the worker (performance.now()) and read from
 * the page: generation (every message sealed, relayed and opened once, i.e. the cost of encrypting
 * the world) and the thief's decryption. Both, and their ratio, go to the test's annotations and
 * the console.
 *
 * Targets (issue 14): decryption of the 10,000 messages in at most 500 ms once the key is stolen
 * (best of three runs; the first includes the JIT warming up), generation in at most 3 s. On the
 * shared 2-core development VM timings swing with the load, so by default the assertions are
 * sanity bounds (5 s decryption, 60 s generation). Set ATTACK_PERF_BUDGET_MS to enforce a
 * decryption budget (500 on a quiet machine: the target); generation is then held to
 * ATTACK_GEN_BUDGET_MS, default the 3 s target. Every run, and whether each target was met, is
 * reported either way.
 */
import { expect, test } from './fixtures';

const MESSAGES = 10_000;
const TARGET_DECRYPT_MS = 500;
const TARGET_GENERATE_MS = 3000;
const enforcing = process.env.ATTACK_PERF_BUDGET_MS !== undefined;
const DECRYPT_BUDGET_MS = Number(process.env.ATTACK_PERF_BUDGET_MS ?? 5000);
const GENERATE_BUDGET_MS = Number(process.env.ATTACK_GEN_BUDGET_MS ?? (enforcing ? TARGET_GENERATE_MS : 60_000));
const met = (ms: number, target: number) => `target ${target} ms: ${ms <= target ? 'met' : 'NOT met'}`;

test('10,000 escrowed messages: the thief decrypts them all within the budget, measured in the worker', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/attack-lab');
  await page.getByLabel('Messages', { exact: true }).fill(String(MESSAGES));
  await page.getByLabel('Key agreement', { exact: true }).selectOption('ratchet');
  await page.getByLabel('Escrow', { exact: true }).selectOption('single');
  await page.getByRole('button', { name: 'Generate world' }).click();
  await expect(page.getByText(/^World ready: /)).toBeVisible({ timeout: 150_000 });
  await expect(page.getByText(/^World ready: /)).toContainText(`${MESSAGES} messages (${MESSAGES} escrowed)`);

  const thief = page.getByRole('region', { name: "The thief's console" });
  for (const name of ['Tap the wire', 'Steal the escrow key']) {
    await thief.getByRole('button', { name, exact: true }).click();
    await expect(thief.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(thief.getByText(/X25519 secret key/).first()).toBeVisible();

  const runs: number[] = [];
  let generateMs = 0;
  for (let i = 0; i < 3; i++) {
    await thief.getByRole('button', { name: 'Decrypt everything captured' }).click();
    const timing = thief.getByTestId('decrypt-timing');
    await expect(thief.getByRole('button', { name: 'Cancel' })).toBeHidden({ timeout: 60_000 });
    await expect(timing).toBeVisible();
    await expect(thief.getByTestId('count-opened')).toHaveText(String(MESSAGES));
    await expect(thief.getByTestId('count-tag-failed')).toHaveText('0');
    runs.push(Number(await timing.getAttribute('data-decrypt-ms')));
    generateMs = Number(await timing.getAttribute('data-generate-ms'));
  }
  const best = Math.min(...runs);
  const summary =
    `generation (encryption) ${generateMs.toFixed(0)} ms (${met(generateMs, TARGET_GENERATE_MS)}); decryption runs ${runs.map((r) => r.toFixed(0)).join(', ')} ms; ` +
    `best ${best.toFixed(0)} ms (${met(best, TARGET_DECRYPT_MS)}); ratio decryption/encryption ${(runs[0]! / generateMs).toFixed(3)} (first run), ${(best / generateMs).toFixed(3)} (best)`;
  test.info().annotations.push({ type: 'attack-perf', description: summary });
  console.log(`attack-perf (${MESSAGES} messages, Chromium, worker): ${summary}`);

  expect(generateMs).toBeGreaterThan(0);
  expect(generateMs, `generation budget ${GENERATE_BUDGET_MS} ms`).toBeLessThanOrEqual(GENERATE_BUDGET_MS);
  expect(best, `decryption budget ${DECRYPT_BUDGET_MS} ms`).toBeLessThanOrEqual(DECRYPT_BUDGET_MS);
});
