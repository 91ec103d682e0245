/**
 * Threshold ElGamal key encapsulation on ristretto255 (RFC 9496), so that t of n agencies can open
 * a sealed key together while the whole secret key never exists in one place: not at setup, not
 * at use.
 *
 * - Setup is a dealer-free key generation in the style of Pedersen's (joint Feldman): each agency
 *   picks its own random polynomial of degree t-1 and hands agency i its value at i; agency i's
 *   share is the sum of what it received. The joint public key is the sum of each agency's
 *   f_j(0)·G. The joint secret Σ f_j(0) is never computed. (Simplified: the Feldman commitments
 *   that let agencies catch a cheating dealer, and the complaint round, are left out.)
 * - Sealing is ElGamal KEM: R = r·G, the shared point r·P, and a 32-byte key from SHA-256 via HKDF
 *   over (shared point ‖ R ‖ P).
 * - Opening: each agency computes its partial s_i·R alone; any t partials combine by Lagrange
 *   interpolation "in the exponent" to r·P = s·R. Fewer than t give a different point, so the
 *   derived key is wrong and the AEAD it is used with refuses to open.
 *
 * Scalars are reduced from 64 random bytes (negligible bias, as RFC 9496 §4.4's hash-to-scalar).
 * @module
 */
import { ristretto255 } from '@noble/curves/ed25519.js';
import { concatBytes, utf8ToBytes } from './bytes';
import { deriveKey } from './hkdf';
import type { RandomSource } from './random';

const Point = ristretto255.Point;
const Fn = Point.Fn;

/** One agency's share of the joint secret: its index (1..n) and the 32-byte scalar s_i. */
export interface ThresholdShare {
  readonly index: number;
  readonly scalar: Uint8Array;
}

/** The outcome of key generation: the joint public key and one share per agency. */
export interface ThresholdKeyGeneration {
  readonly publicKey: Uint8Array;
  readonly threshold: number;
  readonly shares: readonly ThresholdShare[];
}

/** A sealed key's public half: the ephemeral point R (32 bytes). */
export interface ThresholdEncapsulation {
  readonly ephemeral: Uint8Array;
  readonly key: Uint8Array;
}

/** One agency's contribution to an opening: s_i·R, tagged with its index. */
export interface PartialDecryption {
  readonly index: number;
  readonly point: Uint8Array;
}

const KEY_INFO = utf8ToBytes('backdoor-lab threshold kem v1');

function randomScalar(random: RandomSource): bigint {
  const wide = random.bytes(64);
  let n = 0n;
  for (let i = wide.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(wide[i]!);
  const s = Fn.create(n);
  return s === 0n ? randomScalar(random) : s;
}

function evaluate(coefficients: readonly bigint[], x: bigint): bigint {
  let y = 0n;
  for (let i = coefficients.length - 1; i >= 0; i--) y = Fn.add(Fn.mul(y, x), coefficients[i]!);
  return y;
}

/**
 * Dealer-free t-of-n key generation among n agencies. Each agency's polynomial stays local to its
 * loop iteration; only shares and public points leave it.
 */
export function generateThresholdKey(
  agencies: number,
  threshold: number,
  random: RandomSource,
): ThresholdKeyGeneration {
  if (
    !Number.isInteger(agencies) ||
    !Number.isInteger(threshold) ||
    threshold < 1 ||
    threshold > agencies ||
    agencies > 16
  )
    throw new RangeError(`threshold key: need 1 ≤ t ≤ n ≤ 16, got ${threshold} of ${agencies}`);
  const sums = new Array<bigint>(agencies).fill(0n);
  let publicKey = Point.ZERO;
  for (let j = 0; j < agencies; j++) {
    const coefficients = Array.from({ length: threshold }, () => randomScalar(random));
    publicKey = publicKey.add(Point.BASE.multiply(coefficients[0]!));
    for (let i = 1; i <= agencies; i++) sums[i - 1] = Fn.add(sums[i - 1]!, evaluate(coefficients, BigInt(i)));
  }
  return {
    publicKey: publicKey.toBytes(),
    threshold,
    shares: sums.map((s, i) => ({ index: i + 1, scalar: Fn.toBytes(s) })),
  };
}

function kdf(shared: InstanceType<typeof Point>, ephemeral: Uint8Array, publicKey: Uint8Array): Uint8Array {
  return deriveKey(concatBytes(shared.toBytes(), ephemeral, publicKey), new Uint8Array(0), KEY_INFO, 32);
}

/** Seals a fresh 32-byte key to the joint public key (ElGamal KEM): returns R and the key. */
export function encapsulate(publicKey: Uint8Array, random: RandomSource): ThresholdEncapsulation {
  const P = Point.fromBytes(publicKey);
  const r = randomScalar(random);
  const ephemeral = Point.BASE.multiply(r).toBytes();
  return { ephemeral, key: kdf(P.multiply(r), ephemeral, publicKey) };
}

/** One agency's partial decryption s_i·R; the agency never sees anyone else's share. */
export function partialDecrypt(share: ThresholdShare, ephemeral: Uint8Array): PartialDecryption {
  const s = Fn.fromBytes(share.scalar);
  return { index: share.index, point: Point.fromBytes(ephemeral).multiply(s).toBytes() };
}

/** The Lagrange coefficient at 0 of `index` among `indices`. */
function lagrangeAtZero(index: number, indices: readonly number[]): bigint {
  let num = 1n;
  let den = 1n;
  for (const other of indices) {
    if (other === index) continue;
    num = Fn.mul(num, BigInt(other));
    den = Fn.mul(den, Fn.sub(BigInt(other), BigInt(index)));
  }
  return Fn.mul(num, Fn.inv(den));
}

/**
 * Combines partial decryptions into the key. With t or more distinct, honest partials this is the
 * key {@link encapsulate} returned; with fewer it is some other 32 bytes (detected when the AEAD
 * under it refuses to open).
 */
export function combinePartials(
  partials: readonly PartialDecryption[],
  ephemeral: Uint8Array,
  publicKey: Uint8Array,
): Uint8Array {
  const indices = partials.map((p) => p.index);
  if (new Set(indices).size !== indices.length)
    throw new RangeError('threshold combine: each agency may contribute once');
  if (partials.length === 0) throw new RangeError('threshold combine: no partial decryptions');
  let shared = Point.ZERO;
  for (const p of partials) shared = shared.add(Point.fromBytes(p.point).multiply(lagrangeAtZero(p.index, indices)));
  return kdf(shared, ephemeral, publicKey);
}
