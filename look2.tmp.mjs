import { chromium } from '@playwright/test';
const width = Number(process.argv[2] ?? 1280);
const scheme = process.argv[3] ?? 'light';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
page.on('requestfailed', (r) => console.log('failed', r.url()));
page.on('response', (r) => { if (r.status() >= 400) console.log('status', r.status(), r.url()); });
await page.goto('http://localhost:3274/attack-lab');
await page.getByRole('button', { name: 'Generate world' }).click();
await page.getByText(/World ready/).waitFor({ timeout: 60000 });
await page.getByRole('button', { name: 'Tap the wire' }).click();
await page.getByRole('button', { name: 'Steal the escrow key' }).click();
await page.waitForTimeout(500);
await page.getByRole('button', { name: 'Decrypt everything captured' }).click();
await page.getByTestId('attack-results').waitFor({ timeout: 60000 });
await page.getByRole('button', { name: 'Forge and deliver' }).click();
await page.getByTestId('forge-verdict').waitFor();
await page.getByRole('button', { name: 'Run the three worlds' }).click();
await page.getByRole('region', { name: 'Blast radius grid' }).waitFor({ timeout: 90000 });
const sections = page.locator('main section');
const n = await sections.count();
for (let i = 0; i < n; i++) {
  const s = sections.nth(i);
  if (!(await s.isVisible())) continue;
  const box = await s.boundingBox();
  if (!box || box.height < 10) continue;
  const y0 = box.y + (await page.evaluate(() => window.scrollY));
  for (let k = 0; k * 1100 < box.height; k++) {
    await page.screenshot({ path: `/tmp/attack-shots/s${i}-${k}-${width}-${scheme}.png`, fullPage: true, clip: { x: 0, y: y0 + k * 1100, width, height: Math.min(1100, box.height - k * 1100) } });
  }
  console.log(i, Math.round(box.height), await s.getAttribute('aria-labelledby') ?? await s.getAttribute('aria-label'));
}
const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
console.log('page horizontal overflow', overflow);
await browser.close();
