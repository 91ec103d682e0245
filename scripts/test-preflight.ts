/**
 * Runs first in `npm test`: the programs the tests need beyond npm packages. `redis-server` (the
 * live room's tests start their own on a free loopback port) and a Chromium for the end-to-end tests.
 * When one is missing and this user can install packages (root with apt-get), it installs it, as
 * `.ci/run` does; otherwise it stops before any test runs and prints the exact command to run.
 * Never a silent skip: a test that needs Redis and finds none fails, it is not skipped.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface PreflightFacts {
  readonly hasRedisServer: boolean;
  readonly hasBrowser: boolean;
  readonly isRoot: boolean;
  readonly hasAptGet: boolean;
}

export type PreflightPlan =
  | { readonly action: 'ready' }
  | { readonly action: 'install'; readonly packages: readonly string[]; readonly commands: readonly string[][] }
  | { readonly action: 'stop'; readonly message: string };

/** What to do, from what is installed and what this user may do. Pure, so it is unit-tested. */
export function planPreflight(facts: PreflightFacts): PreflightPlan {
  const packages = [...(facts.hasRedisServer ? [] : ['redis-server']), ...(facts.hasBrowser ? [] : ['chromium'])];
  if (packages.length === 0) return { action: 'ready' };
  const why = packages
    .map((name) => (name === 'redis-server' ? 'redis-server (the live room tests)' : 'Chromium (the end-to-end tests)'))
    .join(' and ');
  if (facts.hasAptGet && facts.isRoot) {
    return {
      action: 'install',
      packages,
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', ...packages],
      ],
    };
  }
  const command = facts.hasAptGet
    ? `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`
    : `install ${packages.join(' and ')} with your system's package manager` +
      (facts.hasBrowser ? '' : ' (or `npx playwright install chromium` for the browser)');
  return {
    action: 'stop',
    message: `The tests need ${why}, which ${packages.length > 1 ? 'are' : 'is'} not installed. Run:\n\n  ${command}\n\nthen \`npm test\` again.`,
  };
}

/** Playwright's own headless shell, PLAYWRIGHT_CHROMIUM_PATH, or the system Chromium (playwright.config.ts's order). */
function browserInstalled(): boolean {
  const cache = process.env['PLAYWRIGHT_BROWSERS_PATH'] ?? join(homedir(), '.cache', 'ms-playwright');
  const playwrights =
    existsSync(cache) && readdirSync(cache).some((name) => name.startsWith('chromium_headless_shell-'));
  const configured = process.env['PLAYWRIGHT_CHROMIUM_PATH'];
  return (
    playwrights ||
    (configured !== undefined && existsSync(configured)) ||
    ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((path) => existsSync(path))
  );
}

const onPath = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;

function main(): void {
  const plan = planPreflight({
    hasRedisServer: onPath('redis-server'),
    hasBrowser: browserInstalled(),
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath('apt-get'),
  });
  if (plan.action === 'ready') return;
  if (plan.action === 'stop') {
    console.error(`\n${plan.message}\n`);
    process.exit(1);
  }
  console.log(`Installing ${plan.packages.join(' and ')} for the tests (as .ci/run does)`);
  for (const [program, ...args] of plan.commands) {
    const run = spawnSync(program!, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0) {
      console.error(
        `\`${[program, ...args].join(' ')}\` failed (exit ${run.status}); install ${plan.packages.join(' ')} and run \`npm test\` again.`,
      );
      process.exit(1);
    }
  }
}

if (process.argv[1]?.endsWith('test-preflight.ts')) main();
