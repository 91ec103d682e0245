/**
 * The servers `npm run bench:room` measures: `next start` from this checkout's production build,
 * on free loopback ports, with the room's per-address limits lifted (every simulated device shares
 * 127.0.0.1), and their resident memory and CPU time read from /proc (the process and its children).
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { freeLoopbackPort } from './redis-test-server';

export interface BenchServer {
  readonly origin: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export function assertProductionBuild(): void {
  if (!existsSync('.next/BUILD_ID')) {
    console.error('No production build here: run `npm run build` first, then `npm run bench:room` again.');
    process.exit(1);
  }
}

async function waitUntilServing(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${origin}/api/rooms`, { method: 'GET' });
      await response.body?.cancel();
      return; // 405 is an answer: the server is up.
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`next start did not answer at ${origin} within 60 s`);
}

export async function startNext(env: Record<string, string>): Promise<BenchServer> {
  const port = await freeLoopbackPort();
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        ROOM_JOINS_PER_MINUTE: '1000000',
        ROOM_CREATES_PER_MINUTE: '1000',
        ROOM_SENDS_PER_10S: '1000',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilServing(origin, child);
  return {
    origin,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The pid and every descendant (next start may run its server in a child). */
function processTree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

/** Resident memory (bytes) and CPU time (ms) of a server and its children. */
export function usage(pid: number): { rssBytes: number; cpuMs: number } {
  let rssBytes = 0;
  let ticks = 0;
  for (const each of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${each}/status`, 'utf8');
      rssBytes += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const stat = readFileSync(`/proc/${each}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (proc(5))
    } catch {
      // The process ended while we looked.
    }
  }
  return { rssBytes, cpuMs: ticks * 10 }; // USER_HZ is 100 on Linux
}
