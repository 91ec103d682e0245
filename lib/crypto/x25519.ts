/**
 * X25519 Diffie-Hellman (RFC 7748 §5, §6.1) over @noble/curves. A shared secret that is all zero
 * (the peer sent a low-order point) is refused, as RFC 7748 §6.1 allows and Signal-style protocols
 * require: such a "secret" is known to everyone.
 * @module
 */
import { x25519 } from '@noble/curves/ed25519.js';
import { assertLength } from './bytes';
import { csprng, type RandomSource } from './random';
import type { Traced } from './trace';

/** A key pair. `secretKey` stays with its owner; `publicKey` may cross the wire. */
export interface X25519KeyPair {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
  /** Whether the secret came from the CSPRNG or from demo randomness. */
  readonly randomness: RandomSource['kind'];
}

/** Raised when a public key yields no usable shared secret. The message is learner-facing. */
export class X25519Error extends Error {
  override readonly name = 'X25519Error';
}

/** Length of X25519 secret keys, public keys and shared secrets (RFC 7748 §5). */
export const X25519_KEY_BYTES = 32;

/** The base point's u-coordinate, 9 (RFC 7748 §4.1), as 32 little-endian bytes. */
const BASE_POINT_U = Uint8Array.of(9, ...new Uint8Array(31));

/**
 * X25519(sk, 9), RFC 7748 §6.1's public key, computed with the Montgomery ladder like any other
 * X25519 call. noble's getPublicKey gives the same bytes through a fixed-base table, 2-3x faster
 * per key once built, but building it takes about 100 ms of main thread (400 ms on a slow phone)
 * before the first key: a page makes a handful of keys, so the table never pays for itself there.
 * Bulk work (a generated world) asks the platform's X25519 instead (x25519-platform.ts).
 */
function publicKeyByLadder(secretKey: Uint8Array): Uint8Array {
  return x25519.scalarMult(secretKey, BASE_POINT_U);
}

/** Generates a key pair from 32 random bytes (clamping happens inside X25519, RFC 7748 §5). */
export function generateKeyPair(random: RandomSource = csprng()): X25519KeyPair {
  const secretKey = random.bytes(X25519_KEY_BYTES);
  return { secretKey, publicKey: publicKeyByLadder(secretKey), randomness: random.kind };
}

/** The public key X25519(sk, 9) for a 32-byte secret key. */
export function publicKeyFromSecret(secretKey: Uint8Array): Uint8Array {
  assertLength(secretKey, X25519_KEY_BYTES, 'X25519 secret key');
  return publicKeyByLadder(secretKey);
}

/**
 * X25519(secretKey, peerPublicKey). Throws {@link X25519Error} for a low-order or zero point,
 * whose result would be the all-zero value.
 */
export function sharedSecret(secretKey: Uint8Array, peerPublicKey: Uint8Array): Uint8Array {
  assertLength(secretKey, X25519_KEY_BYTES, 'X25519 secret key');
  assertLength(peerPublicKey, X25519_KEY_BYTES, 'X25519 public key');
  let out: Uint8Array;
  try {
    out = x25519.getSharedSecret(secretKey, peerPublicKey);
  } catch {
    throw new X25519Error(
      'X25519 refused this public key: it is a low-order point, so the "shared secret" would be all zeros and known to anyone.',
    );
  }
  if (out.every((b) => b === 0)) {
    throw new X25519Error('X25519 produced an all-zero shared secret (low-order public key); refusing to use it.');
  }
  return out;
}

/** {@link sharedSecret} with a trace of its inputs and output, for replay in the UI. */
export function sharedSecretTraced(secretKey: Uint8Array, peerPublicKey: Uint8Array): Traced<Uint8Array> {
  const result = sharedSecret(secretKey, peerPublicKey);
  return {
    result,
    trace: [
      { name: 'peer_public_key', value: peerPublicKey, from: 'received over the wire' },
      { name: 'shared_secret', value: result, from: 'X25519(own secret key, peer public key), RFC 7748 §6.1' },
    ],
  };
}

/**
 * Scalar multiplication X25519(k, u) under RFC 7748 §5's names, for the §5.2 vectors. It is the same
 * function as {@link sharedSecret}: noble v2 refuses low-order u-coordinates before running the
 * ladder (so the long-term scalar is never exercised against them), and that refusal surfaces here
 * as {@link X25519Error} too.
 */
export function scalarMult(scalar: Uint8Array, uCoordinate: Uint8Array): Uint8Array {
  assertLength(scalar, X25519_KEY_BYTES, 'X25519 scalar');
  assertLength(uCoordinate, X25519_KEY_BYTES, 'X25519 u-coordinate');
  try {
    return x25519.scalarMult(scalar, uCoordinate);
  } catch {
    throw new X25519Error(
      'X25519 refused this u-coordinate: it is a low-order point, so the result would be all zeros.',
    );
  }
}

let warmedUp = false;

/**
 * Runs the ladder once so the JavaScript engine compiles it now (a few milliseconds, once per
 * page) instead of during the learner's first key generation or exchange. There is no table to
 * build (publicKeyByLadder), so this is one short task. Call it when the page is idle.
 */
export function warmUpX25519(): void {
  if (warmedUp) return;
  warmedUp = true;
  publicKeyByLadder(new Uint8Array(32).fill(1));
}
