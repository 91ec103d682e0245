import { defineConfig, chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const PORT = Number(process.env.E2E_PORT ?? 3210);

/**
 * Headless runs use `chromium_headless_shell-<rev>`, not the `chromium-<rev>` that
 * `chromium.executablePath()` names, so both must exist before we trust Playwright's own browser.
 */
function bundledChromiumInstalled(): boolean {
  try {
    const full = chromium.executablePath();
    const rev = full.split(/[\\/]/).find((s) => /^chromium-\d+$/.test(s));
    if (!rev || !fs.existsSync(full)) return false;
    const root = full.slice(0, full.indexOf(rev));
    return fs.existsSync(path.join(root, rev.replace('chromium-', 'chromium_headless_shell-')));
  } catch {
    return false;
  }
}

/** Playwright's own Chromium, else PLAYWRIGHT_CHROMIUM_PATH, else Debian's. */
function pickChromium(): { executablePath: string | undefined; source: string } {
  if (bundledChromiumInstalled()) return { executablePath: undefined, source: 'Playwright-managed Chromium' };
  const env = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (env) {
    if (!fs.existsSync(env)) throw new Error(`PLAYWRIGHT_CHROMIUM_PATH=${env} does not exist.`);
    return { executablePath: env, source: `PLAYWRIGHT_CHROMIUM_PATH (${env})` };
  }
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(p)) return { executablePath: p, source: `system Chromium (${p})` };
  }
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one of: Playwright's own (`npx playwright install chromium`), " +
      "Debian's (`apt-get install -y chromium`), or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium binary.",
  );
}

const { executablePath, source } = pickChromium();
if (!process.env.PLAYWRIGHT_QUIET_BROWSER) {
  process.env.PLAYWRIGHT_QUIET_BROWSER = '1';
  console.log(`e2e browser: ${source}`);
}

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  // One worker on CI: the long-task and response-time budgets measure the app, not two browsers
  // and a server fighting over two cores.
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'off',
    launchOptions: {
      executablePath,
      args: executablePath
        ? [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-dev-shm-usage',
          ]
        : [],
    },
  },
  webServer: {
    command: `npx next start -p ${PORT}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  },
});
