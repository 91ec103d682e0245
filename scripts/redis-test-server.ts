/**
 * A throwaway Redis for tests and benchmarks: Debian's `redis-server` on a free loopback port, no
 * persistence, stopped by its pid. Never a shared or default port (6379), so a developer's own Redis
 * is never touched. See shared/research/platform-pitfalls.md §8 (no systemd here; start it ourselves).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RedisTestServer {
  /** e.g. `redis://127.0.0.1:41234` */
  readonly url: string;
  readonly port: number;
  /** Its working directory (a temporary one, removed by `stop()`): where `SAVE` writes an uncompressed dump.rdb. */
  readonly dir: string;
  /** Stops the server (SIGTERM, then SIGKILL after 2 s). Idempotent. */
  stop(): Promise<void>;
  /** Stops and starts it again on the same port: what a client sees when Redis restarts. */
  restart(): Promise<void>;
}

const INSTALL_HINT = 'Install it with `apt-get install -y redis-server` (Debian/Ubuntu) and run the tests again.';

/** Throws with the exact install command when `redis-server` is not on the PATH. */
export function assertRedisServerInstalled(): void {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new Error(`redis-server was not found. ${INSTALL_HINT}`);
}

/** A port the kernel just handed out on 127.0.0.1, closed again so redis-server can take it. */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function ping(port: number): boolean {
  const result = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], { encoding: 'utf8' });
  return result.stdout.trim() === 'PONG';
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface RedisTestServerOptions {
  /**
   * Keep data across `restart()`: an append-only file fsynced on every write, in a temporary
   * directory removed by `stop()`. What a production Redis behind the live room should run with, so
   * a restart loses nothing a client was told had been stored.
   */
  readonly appendOnly?: boolean;
}

function launch(port: number, dir: string, appendOnly: boolean): ChildProcess {
  const persistence = appendOnly ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  // Uncompressed snapshots, so a test can search everything Redis holds for a string.
  const snapshot = ['--dir', dir, '--save', '', '--rdbcompression', 'no'];
  return spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', ...snapshot, ...persistence, '--loglevel', 'warning'],
    { stdio: 'ignore' },
  );
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}

/** Starts redis-server on a free loopback port and waits until it answers PING. */
export async function startRedisTestServer(options: RedisTestServerOptions = {}): Promise<RedisTestServer> {
  assertRedisServerInstalled();
  const port = await freeLoopbackPort();
  const dir = mkdtempSync(join(tmpdir(), 'redis-test-'));
  const appendOnly = options.appendOnly ?? false;
  let child = launch(port, dir, appendOnly);
  await waitFor(() => ping(port), `redis-server on port ${port}`);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async stop() {
      await terminate(child);
      rmSync(dir, { recursive: true, force: true });
    },
    async restart() {
      await terminate(child);
      child = launch(port, dir, appendOnly);
      await waitFor(() => ping(port), `redis-server to come back on port ${port}`);
    },
  };
}
