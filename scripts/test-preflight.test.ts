import { describe, expect, it } from 'vitest';
import { planPreflight } from './test-preflight';

const everything = { hasRedisServer: true, hasBrowser: true, isRoot: false, hasAptGet: true };

describe('planPreflight', () => {
  it('goes ahead when redis-server and a browser are installed', () => {
    expect(planPreflight(everything)).toEqual({ action: 'ready' });
  });

  it('installs what is missing with apt-get when it runs as root', () => {
    expect(planPreflight({ ...everything, hasRedisServer: false, hasBrowser: false, isRoot: true })).toEqual({
      action: 'install',
      packages: ['redis-server', 'chromium'],
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'redis-server', 'chromium'],
      ],
    });
  });

  it('stops with the exact command when it cannot install', () => {
    const plan = planPreflight({ ...everything, hasRedisServer: false });
    expect(plan.action).toBe('stop');
    expect(plan.action === 'stop' && plan.message).toContain(
      'sudo apt-get update && sudo apt-get install -y redis-server',
    );
    expect(plan.action === 'stop' && plan.message).toContain('redis-server (the live room tests)');
  });

  it('names the package manager route when there is no apt-get', () => {
    const plan = planPreflight({ ...everything, hasBrowser: false, hasAptGet: false, isRoot: true });
    expect(plan.action === 'stop' && plan.message).toContain('npx playwright install chromium');
  });
});
