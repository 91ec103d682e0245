/**
 * Benchmark: the cost of escrow to the honest world versus its value to a thief.
 *
 *   npx tsx scripts/bench-escrow.ts [messages=10000] [seed=bench]
 *
 * Generates the same ratchet world (same seed, same schedule) without and with escrow, then has a
 * thief with the stolen escrow key decrypt the full wire capture. Prints wall-clock times (Node,
 * this machine), per-message costs, how many HPKE opens the thief needed, and the ratio of the
 * thief's decryption time to the world's sealing time.
 * @module
 */
import { captureFor, lootFor } from '@/lib/protocol/capability';
import { decryptCapture } from '@/lib/protocol/decrypt-capture';
import { generateWorld } from '@/lib/protocol/world';

const messages = Number(process.argv[2] ?? 10_000);
const seed = process.argv[3] ?? 'bench';
if (!Number.isInteger(messages) || messages < 20) throw new Error(`messages must be an integer >= 20, got ${process.argv[2]}`);

/** Wall-clock and CPU time of `run` (CPU matters on a shared machine, where wall time includes waiting). */
async function timed<T>(run: () => T | Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}
const fmt = (x: { wallMs: number; cpuMs: number }) => `${x.wallMs.toFixed(0)} ms wall, ${x.cpuMs.toFixed(0)} ms CPU`;
const perMessage = (x: { cpuMs: number }) => `${((x.cpuMs / messages) * 1000).toFixed(0)} µs CPU/message`;
const size = { seed, people: 8, conversations: 20, messages };

console.log(`bench-escrow: ${messages} messages, 8 people, 20 conversations, ratchet mode, seed '${seed}'`);

const plain = await timed(() => generateWorld({ ...size, mode: 'ratchet' }));
console.log(`world generation, no escrow:  ${fmt(plain)}  (${perMessage(plain)}: seal, relay, open, DH ratchet steps)`);

const escrowed = await timed(() => generateWorld({ ...size, mode: 'ratchet', escrow: { variant: 'single' } }));
const world = escrowed.value;
const epochs = new Set(world.relay.records.map((r) => `${r.envelope.header.conversationId}|${r.envelope.header.sender}|${r.envelope.header.escrow?.epoch}`));
console.log(`world generation, escrow on:  ${fmt(escrowed)}  (escrow adds ${(escrowed.cpuMs - plain.cpuMs).toFixed(0)} ms CPU: ${epochs.size} HPKE seals + ${messages} key wraps)`);
if (plain.value.schedule.length !== world.schedule.length) throw new Error('the two worlds should share a schedule');

const capabilities = [{ kind: 'tap-wire' as const }, { kind: 'steal-escrow-key' as const, scenario: 'breach' as const }];
const capture = captureFor(world, capabilities);
const { loot } = await lootFor(world, capabilities);
const thief = await timed(() => decryptCapture(capture, loot));
const report = thief.value;
if (report.counts.opened !== messages) throw new Error(`thief opened ${report.counts.opened} of ${messages}`);
console.log(`thief decrypts the capture:   ${fmt(thief)}  (${perMessage(thief)}; ${epochs.size} HPKE opens, then chain + unwrap + open per message)`);
console.log(`opened: ${report.counts.opened}/${messages}, tag failures: ${report.counts.tagFailed}`);
console.log(`ratio thief decryption / world generation with escrow (CPU): ${(thief.cpuMs / escrowed.cpuMs).toFixed(3)}`);
console.log(`target: ${messages} messages in <= 1 s in a browser; here (Node, CPU time): ${thief.cpuMs <= 1000 ? 'within' : 'OVER'} budget`);
