/**
 * The live room with real phones (one browser context each: six connections per origin per
 * profile, platform-pitfalls.md §8). A presenter and three audience devices: they join by code,
 * send before escrow, the presenter switches escrow on, they send again, the key leaks, and the
 * projector shows exactly the escrowed messages opened and the earlier ones closed. The second
 * test runs the same flow on two `next start` instances sharing a private Redis, the audience
 * split across them; then searches everything Redis holds for the plaintexts, and drops one
 * instance under two phones to prove their streams resume without loss or duplicates.
 */
import AxeBuilder from '@axe-core/playwright';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { freeLoopbackPort, startRedisTestServer } from '../scripts/redis-test-server';
import { expect, test } from './fixtures';
import { decodeQr } from './qr-decode';

async function expectAxeClean(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

/** Creates a room on `presenter` and returns its join link, read from the QR code as a phone would. */
async function createRoom(presenter: Page): Promise<{ code: string; link: string }> {
  await presenter.goto('/room');
  await presenter.getByRole('button', { name: 'Create a room' }).click();
  const qr = presenter.getByRole('img', { name: /QR code of the join link/ });
  const link = await decodeQr(qr);
  const code = new URL(link).searchParams.get('code')!;
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(presenter.getByText(link, { exact: true })).toBeVisible();
  return { code, link };
}

async function joinAs(phone: Page, url: string, name: string, typedCode?: string) {
  await phone.goto(url);
  if (typedCode) await phone.getByLabel('Join code').fill(typedCode.toLowerCase());
  await phone.getByLabel('Display name').fill(name);
  await phone.getByRole('button', { name: 'Join' }).click();
  await expect(phone.getByText(`You are ${name}`)).toBeVisible();
}

async function send(phone: Page, to: string, text: string, free = false) {
  await phone.getByLabel('To').selectOption({ label: to });
  if (free) await phone.getByRole('textbox', { name: 'Message' }).fill(text);
  else await phone.getByRole('combobox', { name: /^Message/ }).selectOption({ label: text });
  await phone.getByRole('button', { name: 'Seal and send' }).click();
  await expect(inbox(phone).getByText(text, { exact: true }).first()).toBeVisible();
}

const inbox = (phone: Page) => phone.getByRole('list', { name: 'Messages, newest first' });
const wire = (presenter: Page) => presenter.getByRole('list', { name: 'Messages on the wire, newest first' });

async function phonePage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  return context.newPage();
}

/** The whole flow; `phoneBases` decides which app instance each phone talks to. */
async function runRoom(presenter: Page, browser: Browser, phoneBases: readonly string[]) {
  const { code } = await createRoom(presenter);
  const [ada, bo, cy] = await Promise.all(phoneBases.map((base) => phonePage(browser, base)));
  await joinAs(ada!, `/room/join?code=${code}`, 'Ada');
  await joinAs(bo!, `/room/join?code=${code}`, 'Bo');
  await joinAs(cy!, '/room/join', 'Cy', code);
  await expect(presenter.getByRole('button', { name: 'Remove Cy' })).toBeVisible();

  // Before escrow: a message to the room and a direct one.
  await send(ada!, 'Everyone in the room', 'Hi everyone!');
  await expect(inbox(bo!).getByText('Hi everyone!', { exact: true })).toBeVisible();
  await expect(inbox(cy!).getByText('Hi everyone!', { exact: true })).toBeVisible();
  await send(bo!, 'Cy', 'Lunch at 1?');
  await expect(inbox(cy!).getByText('Lunch at 1?', { exact: true })).toBeVisible();
  await expect(inbox(ada!).getByText('Lunch at 1?')).toHaveCount(0);

  // Escrow on, free text on, then two more messages.
  await presenter.getByRole('button', { name: 'Escrow on' }).click();
  await presenter.getByRole('checkbox', { name: /Allow free text/ }).check();
  for (const phone of [ada!, cy!]) await expect(phone.getByText(/Escrow is on/)).toBeVisible();
  await expect(cy!.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await send(cy!, 'Everyone in the room', 'The meeting place is the old mill', true);
  await expect(ada!.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await send(ada!, 'Bo', 'This is just between us.', true);
  await expect(inbox(bo!).getByText('This is just between us.', { exact: true })).toBeVisible();
  await expect(wire(presenter).getByRole('listitem')).toHaveCount(4);
  // The projector sees ciphertext only until the leak.
  await expect(wire(presenter).getByText('The meeting place is the old mill')).toHaveCount(0);

  await presenter.getByRole('button', { name: 'Leak the key' }).click();
  const opened = wire(presenter)
    .getByRole('listitem')
    .filter({ hasText: /opened/ });
  await expect(opened).toHaveCount(2);
  await expect(opened.filter({ hasText: 'The meeting place is the old mill' })).toHaveCount(1);
  await expect(opened.filter({ hasText: 'This is just between us.' })).toHaveCount(1);
  const closed = wire(presenter).getByRole('listitem').filter({ hasText: 'closed: sent before escrow was on' });
  await expect(closed).toHaveCount(2);
  await expect(closed.filter({ hasText: 'Hi everyone!' })).toHaveCount(0);
  await expect(presenter.getByText('Opened with the leaked key').locator('xpath=following-sibling::dd')).toHaveText(
    '2',
  );
  for (const phone of [ada!, bo!, cy!]) await expect(phone.getByText('The escrow key has leaked')).toBeVisible();
  return { ada: ada!, bo: bo!, cy: cy! };
}

test('a presenter and three phones: messages, escrow, the leak opens exactly the escrowed messages', async ({
  page,
  browser,
  baseURL,
}) => {
  const { ada } = await runRoom(page, browser, [baseURL!, baseURL!, baseURL!]);
  await expectAxeClean(page, '/room (live)');
  await expectAxeClean(ada, '/room/join (in the room)');

  await page.getByRole('button', { name: 'Close the room' }).click();
  await expect(ada.getByText(/This room has been closed by the presenter/)).toBeVisible();
  await ada.context().close();
});

test.describe('two app instances on one Redis', () => {
  test.setTimeout(90_000);
  const servers: ChildProcess[] = [];
  let redis: Awaited<ReturnType<typeof startRedisTestServer>> | null = null;

  test.afterAll(async () => {
    for (const s of servers) s.kill('SIGKILL');
    await redis?.stop();
  });

  /** Which child process serves which base URL. */
  const serverAt = new Map<string, ChildProcess>();

  async function startInstance(redisUrl: string, port?: number): Promise<string> {
    port ??= await freeLoopbackPort();
    const child = spawn('node_modules/.bin/next', ['start', '-p', String(port)], {
      env: { ...process.env, REDIS_URL: redisUrl, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    });
    servers.push(child);
    const base = `http://127.0.0.1:${port}`;
    serverAt.set(base, child);
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/room/join`)).ok) return base;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`next start on ${port} did not come up`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  test('the same room served by two instances, the audience split across them', async ({ browser }) => {
    const store = await startRedisTestServer();
    redis = store;
    const [a, b] = await Promise.all([startInstance(store.url), startInstance(store.url)]);
    const presenterContext = await browser.newContext({ baseURL: a, viewport: { width: 1280, height: 900 } });
    const presenter = await presenterContext.newPage();
    const phones = await runRoom(presenter, browser, [a, b, b]);

    // Everything Redis holds, dumped uncompressed: the names are there (so the search is real), the
    // texts the phones sealed are not.
    const cli = (...args: string[]) =>
      spawnSync('redis-cli', ['-p', String(store.port), ...args], { encoding: 'utf8' }).stdout.trim();
    expect(cli('SAVE')).toBe('OK');
    const dump = readFileSync(path.join(store.dir, 'dump.rdb')).toString('latin1');
    expect(dump).toContain('Ada');
    for (const text of ['Hi everyone!', 'Lunch at 1?', 'The meeting place is the old mill', 'This is just between us.'])
      expect(dump, `Redis holds the plaintext "${text}"`).not.toContain(text);

    // Bo's stream drops (his instance dies); a message sent meanwhile through the other instance
    // reaches him exactly once when his instance is back and his phone resumes from its last event.
    const bPort = Number(new URL(b).port);
    const bServer = serverAt.get(b)!;
    const exited = new Promise((resolve) => bServer.once('exit', resolve));
    // SIGKILL: a crashed instance (a graceful stop would wait for the open event streams to end).
    bServer.kill('SIGKILL');
    await exited;
    await phones.ada.getByLabel('To').selectOption({ label: 'Everyone in the room' });
    await phones.ada.getByRole('textbox', { name: 'Message' }).fill('Sent while Bo was away');
    await phones.ada.getByRole('button', { name: 'Seal and send' }).click();
    await startInstance(store.url, bPort);
    await expect(inbox(phones.bo).getByText('Sent while Bo was away', { exact: true })).toHaveCount(1, {
      timeout: 30_000,
    });
    await expect(inbox(phones.bo).getByText('Hi everyone!', { exact: true })).toHaveCount(1);

    for (const p of Object.values(phones)) await p.context().close();
    await presenterContext.close();
  });
});
