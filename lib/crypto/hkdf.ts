/**
 * HKDF with SHA-256 (RFC 5869). Extract concentrates the entropy of an input (a DH shared secret)
 * into a pseudorandom key; Expand stretches it into as many independent keys as a protocol needs,
 * separated by `info`.
 * @module
 */
import { extract, expand } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { Traced } from './trace';

const EMPTY = new Uint8Array(0);

/** HKDF-Extract(salt, ikm) → 32-byte PRK (RFC 5869 §2.2). An empty salt means 32 zero bytes. */
export function hkdfExtract(ikm: Uint8Array, salt: Uint8Array = EMPTY): Uint8Array {
  return extract(sha256, ikm, salt);
}

/** HKDF-Expand(prk, info, length) (RFC 5869 §2.3); length at most 255 × 32 = 8160 bytes. */
export function hkdfExpand(prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 1 || length > 255 * 32) {
    throw new RangeError(`HKDF-SHA256 can produce 1 to 8160 bytes, not ${length}`);
  }
  return expand(sha256, prk, info, length);
}

/** Extract then Expand, with both steps in the trace (`prk`, `okm`). */
export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Traced<Uint8Array> {
  const prk = hkdfExtract(ikm, salt);
  const okm = hkdfExpand(prk, info, length);
  return {
    result: okm,
    trace: [
      { name: 'prk', value: prk, from: 'HKDF-Extract(salt, ikm) = HMAC-SHA256(salt, ikm), RFC 5869 §2.2' },
      { name: 'okm', value: okm, from: `HKDF-Expand(prk, info, ${length}), RFC 5869 §2.3` },
    ],
  };
}

/** Convenience: just the output key material. */
export function deriveKey(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length = 32): Uint8Array {
  return hkdfSha256(ikm, salt, info, length).result;
}
