import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { startRedisTestServer } from './redis-test-server';

function cli(port: number, ...args: string[]): string {
  return spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { encoding: 'utf8' }).stdout.trim();
}

describe('startRedisTestServer', () => {
  it('runs a private Redis on a free loopback port, survives a restart empty, and stops', async () => {
    const redis = await startRedisTestServer();
    try {
      expect(redis.port).not.toBe(6379);
      expect(cli(redis.port, 'set', 'k', 'v')).toBe('OK');
      await redis.restart();
      // No persistence: a restart loses everything, which is the failure the relay must survive.
      expect(cli(redis.port, 'get', 'k')).toBe('');
      expect(cli(redis.port, 'ping')).toBe('PONG');
    } finally {
      await redis.stop();
    }
    expect(cli(redis.port, 'ping')).not.toBe('PONG');
  });
});

describe('startRedisTestServer({ appendOnly: true })', () => {
  it('keeps what was written across a restart', async () => {
    const redis = await startRedisTestServer({ appendOnly: true });
    try {
      expect(cli(redis.port, 'set', 'k', 'v')).toBe('OK');
      await redis.restart();
      expect(cli(redis.port, 'get', 'k')).toBe('v');
    } finally {
      await redis.stop();
    }
  });
});
