/**
 * Speed of our crypto wrappers (pure JS over @noble) against node:crypto (OpenSSL, native) on the
 * same inputs. Every pair is first checked to give byte-identical output, so the two columns time the
 * same computation. Numbers are ops/s, the median of several timed batches; "node ÷ ours" says how many
 * times faster the native code is (median over alternating batch pairs, see {@link measure}).
 *
 * Run: `npm run bench` (tsx scripts/bench.ts). Not a test: nothing here can fail on speed.
 * @module
 */
import { createCipheriv, createPrivateKey, createPublicKey, diffieHellman } from 'node:crypto';
import { cpus } from 'node:os';
import { seal, type AeadAlgorithm } from '../lib/crypto/aead';
import { bytesToBase64, bytesToHex, equalBytes } from '../lib/crypto/bytes';
import { seededRandom } from '../lib/crypto/random';
import { publicKeyFromSecret, sharedSecret } from '../lib/crypto/x25519';

/** How many timed batches per measurement, and roughly how long each batch runs. */
const BATCHES = 7;
const BATCH_MS = 120;

/** One operation implemented twice. */
interface BenchCase {
  readonly name: string;
  /** Bytes processed per operation, for a throughput column (0 for key agreement). */
  readonly bytes: number;
  readonly ours: () => Uint8Array;
  readonly node: () => Uint8Array;
}

// Fixed, reproducible inputs: both implementations see exactly the same bytes.
const random = seededRandom('bench');

/** base64url without padding, as JWK wants it. */
const b64url = (bytes: Uint8Array) => bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function x25519Case(): BenchCase {
  const ourSecret = random.bytes(32);
  const peerSecret = random.bytes(32);
  const peerPublic = publicKeyFromSecret(peerSecret);
  // node wants KeyObjects; importing them once, outside the timed loop, favours node slightly.
  const privateKey = createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', d: b64url(ourSecret), x: b64url(publicKeyFromSecret(ourSecret)) },
    format: 'jwk',
  });
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64url(peerPublic) }, format: 'jwk' });
  return {
    name: 'X25519 sharedSecret',
    bytes: 0,
    ours: () => sharedSecret(ourSecret, peerPublic),
    node: () => diffieHellman({ privateKey, publicKey }),
  };
}

function aeadCase(
  algorithm: Extract<AeadAlgorithm, 'chacha20-poly1305' | 'aes-256-gcm'>,
  size: number,
  label: string,
): BenchCase {
  const key = random.bytes(32);
  const nonce = random.bytes(12);
  const aad = random.bytes(16);
  const plaintext = random.bytes(size);
  return {
    name: `${label} seal ${size / 1024} KiB`,
    bytes: size,
    ours: () => seal({ algorithm, key, nonce, aad, plaintext }),
    node: () => {
      const cipher =
        algorithm === 'aes-256-gcm'
          ? createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 })
          : createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
      cipher.setAAD(aad, { plaintextLength: size });
      return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    },
  };
}

/** Keeps results observable so no engine can drop the work as dead code. */
let sink = 0;

/** How many calls of `fn` take about {@link BATCH_MS}: grow until timeable, then scale. */
function calibrate(fn: () => Uint8Array): number {
  let n = 1;
  for (;;) {
    const elapsed = timeBatch(fn, n);
    if (elapsed >= 20) return Math.max(1, Math.round((n * BATCH_MS) / elapsed));
    n *= 2;
  }
}

/** Milliseconds for `n` calls of `fn`. */
function timeBatch(fn: () => Uint8Array, n: number): number {
  const start = performance.now();
  for (let i = 0; i < n; i++) sink ^= fn()[0]!;
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** What one row of the table reports. */
interface Measurement {
  readonly ours: number;
  readonly node: number;
  readonly ratio: number;
}

/**
 * Ours and node in alternating batches, so both see the same background load on a shared machine;
 * the ratio is the median of the per-pair ratios, which is steadier than a ratio of two medians.
 */
function measure(c: BenchCase): Measurement {
  const nOurs = calibrate(c.ours);
  const nNode = calibrate(c.node);
  const ours: number[] = [];
  const node: number[] = [];
  const ratios: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const o = nOurs / (timeBatch(c.ours, nOurs) / 1000);
    const n = nNode / (timeBatch(c.node, nNode) / 1000);
    ours.push(o);
    node.push(n);
    ratios.push(n / o);
  }
  return { ours: median(ours), node: median(node), ratio: median(ratios) };
}

const formatOps = (ops: number) => Math.round(ops).toLocaleString('en-US');
const formatMBps = (ops: number, bytes: number) => (bytes ? ((ops * bytes) / 1e6).toFixed(1) : '-');

function main(): void {
  const cases = [
    x25519Case(),
    aeadCase('chacha20-poly1305', 1024, 'ChaCha20-Poly1305'),
    aeadCase('chacha20-poly1305', 65536, 'ChaCha20-Poly1305'),
    aeadCase('aes-256-gcm', 1024, 'AES-256-GCM'),
    aeadCase('aes-256-gcm', 65536, 'AES-256-GCM'),
  ];

  // Cross-check first: a speed comparison of different outputs would be meaningless. For X25519 this
  // also proves node's KeyObjects hold the same keys (the JWK import).
  for (const c of cases) {
    const ours = c.ours();
    const node = new Uint8Array(c.node());
    if (!equalBytes(ours, node)) {
      throw new Error(
        `${c.name}: outputs differ\n  ours ${bytesToHex(ours).slice(0, 64)}…\n  node ${bytesToHex(node).slice(0, 64)}…`,
      );
    }
  }

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`node ${process.version} on ${cpu} (${cpus().length} logical cores); outputs cross-checked identical.`);
  console.log(
    `ops/s = median of ${BATCHES} batches of ~${BATCH_MS} ms, ours and node alternating; node ÷ ours = median of the ` +
      'per-pair ratios. Other work on the machine adds noise.\n',
  );

  const header = ['operation', 'ours ops/s', 'node ops/s', 'ours MB/s', 'node MB/s', 'node ÷ ours'];
  const rows: string[][] = [];
  for (const c of cases) {
    const m = measure(c);
    rows.push([
      c.name,
      formatOps(m.ours),
      formatOps(m.node),
      formatMBps(m.ours, c.bytes),
      formatMBps(m.node, c.bytes),
      `${m.ratio.toFixed(1)}×`,
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ') + ' |';
  console.log(line(header));
  console.log('| ' + widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ') + ' |');
  for (const row of rows) console.log(line(row));
  if (sink === 256) console.log(); // never true; reading `sink` keeps the work observable
}

main();
