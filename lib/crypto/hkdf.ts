/**
 * HKDF with SHA-256 (RFC 5869). Extract concentrates the entropy of an input (a DH shared secret)
 * into a pseudorandom key; Expand stretches it into as many independent keys as a protocol needs,
 * separated by `info`.
 * @module
 */
import { hmacSha256, hmacSha256Key, hmacSha256With, type HmacSha256Key } from './hmac-sha256';
import type { Traced } from './trace';

const EMPTY = new Uint8Array(0);

/**
 * HKDF-Extract(salt, ikm) → 32-byte PRK (RFC 5869 §2.2). An empty salt means 32 zero bytes (the
 * same HMAC key: HMAC pads short keys with zeros, RFC 2104 §2).
 */
export function hkdfExtract(ikm: Uint8Array, salt: Uint8Array = EMPTY): Uint8Array {
  return hmacSha256(salt, ikm);
}

/** {@link hkdfExtract} with the salt prepared once ({@link hmacSha256Key}), for a salt used many times. */
export function hkdfExtractWith(salt: HmacSha256Key, ikm: Uint8Array): Uint8Array {
  return hmacSha256With(salt, ikm);
}

/** HKDF-Expand(prk, info, length) (RFC 5869 §2.3); length at most 255 × 32 = 8160 bytes. */
export function hkdfExpand(prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 1 || length > 255 * 32) {
    throw new RangeError(`HKDF-SHA256 can produce 1 to 8160 bytes, not ${length}`);
  }
  if (!(prk instanceof Uint8Array) || !(info instanceof Uint8Array))
    throw new TypeError('HKDF-Expand: prk and info must be bytes');
  if (prk.length < 32) throw new Error('"prk" must be at least HashLen octets');
  // T(0) = empty; T(i) = HMAC(PRK, T(i-1) | info | i); OKM = the first `length` bytes of T(1) | T(2) | ...
  const key = hmacSha256Key(prk);
  const okm = new Uint8Array(Math.ceil(length / 32) * 32);
  const counter = new Uint8Array(1);
  let previous: Uint8Array = EMPTY;
  for (let i = 0; i * 32 < length; i++) {
    counter[0] = i + 1;
    previous = hmacSha256With(key, previous, info, counter);
    okm.set(previous, i * 32);
  }
  return okm.length === length ? okm : okm.slice(0, length);
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
