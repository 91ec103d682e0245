import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
const base = 'http://localhost:3261';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const only = process.argv[2];
const problems = [];
for (const [vw, vh] of [[1280, 900], [390, 844]]) for (const scheme of ['light', 'dark']) {
  const ctx = await browser.newContext({ viewport: { width: vw, height: vh }, colorScheme: scheme, reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  const tag = `${vw}-${scheme}`;
  const step = async (slug, id) => {
    await page.goto(`${base}/learn/${slug}#${id}`);
    await page.locator('[data-hydrated="true"]').waitFor({ state: 'attached' });
    const panel = page.locator(`section[data-step-id="${id}"]`);
    await panel.waitFor();
    return panel;
  };
  const check = async (name, panel, widget) => {
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    if (scrollWidth > clientWidth) problems.push(`${tag} ${name}: horizontal scroll ${scrollWidth} > ${clientWidth}`);
    const axe = await new AxeBuilder({ page }).analyze();
    for (const v of axe.violations) problems.push(`${tag} ${name}: axe ${v.id} (${v.impact}) ${v.nodes.slice(0,3).map((n) => n.target.join(' ')).join(', ')}`);
    await (widget ?? panel).screenshot({ path: `/tmp/shots/${name}-${tag}.png` });
  };
  const btn = (panel, name) => panel.getByRole('button', { name, exact: true }).click();
  if (!only || only === '6') {
    let p = await step('exceptional-access', 'keys');
    await btn(p, "Generate Alice's key pair"); await btn(p, "Generate Bob's key pair");
    p = await page.locator('section[data-step-id="keys"]');
    await page.evaluate(() => { location.hash = 'escrow-on'; });
    p = page.locator('section[data-step-id="escrow-on"]'); await p.waitFor();
    await p.getByRole('switch', { name: 'Escrow' }).click();
    await p.getByTestId('envelope-on').waitFor();
    await check('escrow-switch', p, p.locator('section[aria-label="Escrow switch"]'));
    await page.evaluate(() => { location.hash = 'warrant'; });
    p = page.locator('section[data-step-id="warrant"]'); await p.waitFor();
    await btn(p, "Record the day's traffic");
    await p.getByTestId('warrant-table').waitFor();
    await p.getByRole('combobox', { name: 'From' }).selectOption('0');
    await p.getByRole('combobox', { name: 'To' }).selectOption('1440');
    await p.getByRole('combobox', { name: 'Target' }).selectOption('carol');
    await btn(p, 'Execute the warrant'); await p.getByTestId('warrant-summary').waitFor();
    await btn(p, 'Try the same key on the other messages'); await p.getByTestId('beyond-summary').waitFor();
    await check('warrant', p, p.locator('section[aria-label="The authority\'s warrant console"]'));
  }
  if (!only || only === '7') {
    let p = await step('steal-the-key', 'forgery');
    await btn(p, 'Forge and deliver to Bob'); await p.getByTestId('bob-inbox').waitFor();
    await check('forge-on', p, p.locator('section[aria-label="Forge a message from Alice"]'));
    await p.getByRole('switch', { name: 'Escrow' }).click();
    await btn(p, 'Forge and deliver to Bob'); await p.getByTestId('bob-refused').waitFor();
    await check('forge-off', p, p.locator('section[aria-label="Forge a message from Alice"]'));
    await page.evaluate(() => { location.hash = 'complexity'; });
    p = page.locator('section[data-step-id="complexity"]'); await p.waitFor();
    await btn(p, 'Seal two messages'); await btn(p, "Move message 1's escrow field onto message 2");
    await p.getByTestId('swap-bound').waitFor();
    await check('binding-bound', p, p.locator('section[aria-label="Binding the escrow field"]'));
    await p.getByRole('radio', { name: /^Unbound/ }).check();
    await btn(p, 'Seal two messages'); await p.getByTestId('binding-unbound').waitFor(); await btn(p, "Move message 1's escrow field onto message 2");
    await p.getByTestId('swap-unbound').waitFor();
    await check('binding-unbound', p, p.locator('section[aria-label="Binding the escrow field"]'));
  }
  if (!only || only === '8') {
    let p = await step('split-keys', 'xor-split');
    await btn(p, 'Split the key');
    const boxes = p.getByRole('checkbox', { name: 'Stolen by the thief' });
    await boxes.nth(0).check(); await btn(p, 'Recombine and decrypt'); await p.getByTestId('thief-xor-check').waitFor();
    await check('split-xor-one', p, p.locator('section[aria-label^="Split the key in two"]'));
    await page.evaluate(() => { location.hash = 'bad-share'; });
    p = page.locator('section[data-step-id="bad-share"]'); await p.waitFor();
    await btn(p, 'Split the key');
    await p.getByRole('checkbox', { name: 'Stolen by the thief' }).nth(0).check();
    await p.getByRole('checkbox', { name: 'Stolen by the thief' }).nth(1).check();
    await btn(p, 'Recombine and decrypt'); await p.getByTestId('thief-shamir-check').waitFor();
    await btn(p, 'Corrupt a share and recombine'); await p.getByTestId('bad-share-check').waitFor();
    await btn(p, 'Use the key (warrant)'); await p.getByTestId('warrant-shamir-check').waitFor();
    await check('split-shamir', p, p.locator('section[aria-label^="Split the key k of n"]'));
  }
  const measures = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('escrow-lab:')).map((m) => `${m.name} ${m.duration.toFixed(0)}ms`));
  if (vw === 1280 && scheme === 'light') console.log(measures.join('\n'));
  await ctx.close();
}
console.log(problems.length ? problems.join('\n') : 'no problems');
await browser.close();
