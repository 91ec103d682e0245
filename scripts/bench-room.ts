/**
 * Benchmark (not a test) of the live room's relay under a workshop's load:
 *
 *   npm run build && npm run bench:room [-- --devices=300] [--mode=both|memory|redis] [--seconds=20] [--rate=10]
 *
 * Starts `next start` from this checkout's build (memory mode) or two instances on one private
 * Redis (redis mode; devices alternate between them for joining, streaming and sending), joins
 * `--devices` simulated devices, connects each by SSE (fetch streaming), then sends `--rate`
 * messages per second for `--seconds` (each 1 KiB of ciphertext, one wrapped key, sent from the
 * devices in turn) and times every delivery to every device. Prints delivery latency p50/p95/p99,
 * the servers' resident memory per connected device, their CPU time per delivery, and deliveries
 * per second. The load generator runs on the same cores as the servers, so latencies include its
 * own waiting for a core.
 * @module
 */
import { Agent, get } from 'node:http';
import { loadavg } from 'node:os';
import { bytesToHex, hexToBytes } from '@/lib/crypto/bytes';
import { csprng } from '@/lib/crypto/random';
import { assertProductionBuild, startNext, usage, type BenchServer } from './bench-room-servers';
import { startRedisTestServer } from './redis-test-server';

const option = (name: string, fallback: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const DEVICES = Number(option('devices', '300'));
const MODE = option('mode', 'both');
const SECONDS = Number(option('seconds', '20'));
const RATE = Number(option('rate', '10'));
if (!(DEVICES >= 2 && SECONDS > 0 && RATE > 0 && ['both', 'memory', 'redis'].includes(MODE))) {
  throw new Error('usage: bench-room [--devices=N>=2] [--mode=both|memory|redis] [--seconds=S] [--rate=R]');
}

interface Device {
  readonly origin: string;
  readonly token: string;
  readonly memberId: string;
  ready: boolean;
  stop?: () => void;
}

/** One socket per device, as phones have. */
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

const clock = () => performance.timeOrigin + performance.now();

async function post(origin: string, path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: {
      origin,
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const reply = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(reply)}`);
  return reply;
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

/** The send time and sequence number travel in the (clear) header: 4 bytes seq, 8 bytes float64 ms. */
function benchHeader(seq: number): string {
  const bytes = new Uint8Array(12);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, seq);
  view.setFloat64(4, clock());
  return bytesToHex(bytes);
}

function readHeader(data: string): { seq: number; sentAt: number } | null {
  const at = data.indexOf('"header":"');
  if (at < 0) return null;
  const view = new DataView(hexToBytes(data.slice(at + 10, at + 34)).buffer);
  return { seq: view.getUint32(0), sentAt: view.getFloat64(4) };
}

/**
 * One device's event stream over node:http (lighter than fetch's web streams, so the load generator
 * takes less of the cores it shares with the servers). Frames are split on the blank line that ends
 * each event; only message and presenter-step events are looked at.
 */
function connect(device: Device, code: string, afterId: number, onDelivery: (latencyMs: number) => void) {
  const url = `${device.origin}/api/rooms/${code}/events?token=${device.token}&lastEventId=${afterId}`;
  return new Promise<void>((resolve, reject) => {
    const request = get(url, { agent }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`events: ${response.statusCode}`));
      device.stop = () => request.destroy();
      response.setEncoding('utf8');
      let pending = '';
      response.on('data', (text: string) => {
        const arrived = clock();
        pending += text;
        let end: number;
        while ((end = pending.indexOf('\n\n')) >= 0) {
          const frame = pending.slice(0, end);
          pending = pending.slice(end + 2);
          if (frame.includes('data: {"type":"message"')) {
            const header = readHeader(frame);
            if (header) onDelivery(arrived - header.sentAt);
          } else if (frame.includes('data: {"type":"presenter-step"')) device.ready = true;
        }
      });
      response.on('error', () => undefined);
      resolve();
    });
    request.on('error', (error) => (device.stop ? undefined : reject(error)));
  });
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
}

async function measure(servers: readonly BenchServer[], label: string) {
  const origins = servers.map((server) => server.origin);
  const room = await post(origins[0]!, '/api/rooms', {});
  const code = String(room['code']);
  const presenter = String(room['presenterToken']);
  const devices: Device[] = new Array(DEVICES);
  const random = csprng();
  await pool([...Array(DEVICES).keys()], 25, async (i) => {
    const origin = origins[i % origins.length]!;
    const reply = await post(origin, `/api/rooms/${code}/join`, {
      name: `Device ${i + 1}`,
      publicKey: bytesToHex(random.bytes(32)),
    });
    const member = reply['member'] as { id: string };
    devices[i] = { origin, token: String(reply['deviceToken']), memberId: member.id, ready: false };
  });
  // Devices resume after the joins (as a reconnecting phone would), so the run measures messages,
  // not N replays of N joins.
  const { eventId } = await post(
    origins[0]!,
    `/api/rooms/${code}/control`,
    { action: 'set-free-text', on: false },
    presenter,
  );
  const sum = () =>
    servers
      .map((server) => usage(server.pid))
      .reduce((a, b) => ({ rssBytes: a.rssBytes + b.rssBytes, cpuMs: a.cpuMs + b.cpuMs }));
  const before = sum();
  const latencies = new Float64Array(DEVICES * Math.ceil(SECONDS * RATE) + DEVICES);
  let delivered = 0;
  await pool(devices, 50, (device) => connect(device, code, Number(eventId), (ms) => (latencies[delivered++] = ms)));
  await post(
    origins[0]!,
    `/api/rooms/${code}/control`,
    { action: 'presenter-step', lesson: 'bench', step: 'ready' },
    presenter,
  );
  if (!(await waitUntil(() => devices.every((device) => device.ready), 60_000)))
    throw new Error('not every device connected');
  const connected = sum();

  const total = Math.ceil(SECONDS * RATE);
  const cpuBefore = sum().cpuMs;
  const ownCpuBefore = process.cpuUsage();
  const started = clock();
  let failed = 0;
  const sends: Promise<unknown>[] = [];
  for (let seq = 0; seq < total; seq++) {
    const due = started + (seq * 1000) / RATE;
    const wait = due - clock();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sender = devices[seq % DEVICES]!;
    const message = {
      to: 'room',
      header: benchHeader(seq),
      ciphertext: bytesToHex(random.bytes(1024)),
      recipients: [{ member: devices[(seq + 1) % DEVICES]!.memberId, wrappedKey: bytesToHex(random.bytes(48)) }],
    };
    sends.push(post(sender.origin, `/api/rooms/${code}/messages`, message, sender.token).catch(() => failed++));
  }
  await Promise.all(sends);
  const expected = (total - failed) * DEVICES;
  await waitUntil(() => delivered >= expected, 30_000);
  const elapsed = (clock() - started) / 1000;
  const cpuMs = sum().cpuMs - cpuBefore;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  devices.forEach((device) => device.stop?.());

  const sorted = latencies.slice(0, delivered).sort();
  return {
    mode: label,
    devices: DEVICES,
    messages: total,
    failedSends: failed,
    delivered,
    expected,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? 0,
    kbPerDevice: (connected.rssBytes - before.rssBytes) / DEVICES / 1024,
    cpuUsPerDelivery: (cpuMs * 1000) / Math.max(1, delivered),
    deliveriesPerSecond: delivered / elapsed,
    loadGeneratorCpuUsPerDelivery: (ownCpu.user + ownCpu.system) / Math.max(1, delivered),
    loadAverage: loadavg()[0]!,
  };
}

async function runMemory() {
  const server = await startNext({});
  try {
    return await measure([server], 'in-memory, one instance');
  } finally {
    await server.stop();
  }
}

async function runRedis() {
  const redis = await startRedisTestServer();
  const servers: BenchServer[] = [];
  try {
    servers.push(await startNext({ REDIS_URL: redis.url }), await startNext({ REDIS_URL: redis.url }));
    return await measure(servers, 'Redis, two instances');
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await redis.stop();
  }
}

assertProductionBuild();
const results = [];
if (MODE !== 'redis') results.push(await runMemory());
if (MODE !== 'memory') results.push(await runRedis());
console.log(`\n${DEVICES} devices, ${RATE} messages/s for ${SECONDS} s (1 KiB ciphertext each), loopback:\n`);
console.log(
  '| mode | delivered | p50 ms | p95 ms | p99 ms | max ms | server RSS per device | server CPU per delivery | deliveries/s | load generator CPU per delivery | load average |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| ${r.mode} | ${r.delivered}/${r.expected}${r.failedSends ? ` (${r.failedSends} sends failed)` : ''} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(0)} | ${r.kbPerDevice.toFixed(1)} kB | ${r.cpuUsPerDelivery.toFixed(1)} µs | ${r.deliveriesPerSecond.toFixed(0)} | ${r.loadGeneratorCpuUsPerDelivery.toFixed(1)} µs | ${r.loadAverage.toFixed(1)} |`,
  );
}
console.log(`\nbench-room-json ${JSON.stringify(results)}`);
