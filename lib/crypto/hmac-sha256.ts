/**
 * HMAC-SHA256 (RFC 2104 with SHA-256, FIPS 180-4 §6.2) for the protocol's hot paths: a chain step,
 * an HKDF, a header MAC, tens of thousands of times per world. The same function as
 * `hmac(sha256, key, message)` from @noble/hashes (hmac-sha256.test.ts compares them on RFC 4231's
 * vectors and on random inputs), written so the keyed part can be reused: HMAC's key only enters
 * through the two blocks K ⊕ ipad and K ⊕ opad, so their compressed states ({@link HmacSha256Key})
 * are computed once per key, and each MAC then costs the message blocks plus one outer block, with
 * no hash objects allocated.
 * @module
 */

/** FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
/** FIPS 180-4 §5.3.3: the initial hash value. */
const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const BLOCK = 64;

// Scratch space, reused by every call (all functions here are synchronous and non-reentrant).
const W = new Int32Array(64);
const TAIL = new Uint8Array(2 * BLOCK);
const STATE = new Int32Array(8);

/** FIPS 180-4 §6.2.2: folds the 64-byte block at `bytes[offset]` into `state`. */
function compress(state: Int32Array, bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++, offset += 4) {
    W[i] = (bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (s1 + W[i - 7]! + s0 + W[i - 16]!) | 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const sigma1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + sigma1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const sigma0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (sigma0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/**
 * SHA-256 of (one already-absorbed 64-byte block ‖ parts...), starting from `start`, the state
 * after that block. Pads per FIPS 180-4 §5.1.1 and writes the 32-byte digest to `out`.
 */
function finishFrom(start: Int32Array, parts: readonly Uint8Array[], out: Uint8Array): Uint8Array {
  STATE.set(start);
  let total = BLOCK;
  let pending = 0; // bytes of TAIL waiting for a full block
  for (const part of parts) {
    const length = part.length;
    total += length;
    let i = 0;
    // Whole blocks straight from the part when nothing is pending; everything else via TAIL.
    if (pending === 0) for (; i + BLOCK <= length; i += BLOCK) compress(STATE, part, i);
    for (; i < length; i++) {
      TAIL[pending++] = part[i]!;
      if (pending === BLOCK) {
        compress(STATE, TAIL, 0);
        pending = 0;
      }
    }
  }
  TAIL[pending] = 0x80;
  const end = pending + 9 <= BLOCK ? BLOCK : 2 * BLOCK;
  TAIL.fill(0, pending + 1, end - 8);
  const bits = total * 8;
  // 64-bit big-endian bit length; messages here are far below 2^53 bits.
  const high = Math.floor(bits / 2 ** 32);
  TAIL[end - 8] = high >>> 24;
  TAIL[end - 7] = high >>> 16;
  TAIL[end - 6] = high >>> 8;
  TAIL[end - 5] = high;
  TAIL[end - 4] = bits >>> 24;
  TAIL[end - 3] = bits >>> 16;
  TAIL[end - 2] = bits >>> 8;
  TAIL[end - 1] = bits;
  compress(STATE, TAIL, 0);
  if (end === 2 * BLOCK) compress(STATE, TAIL, BLOCK);
  for (let i = 0; i < 8; i++) {
    const v = STATE[i]!;
    out[4 * i] = v >>> 24;
    out[4 * i + 1] = v >>> 16;
    out[4 * i + 2] = v >>> 8;
    out[4 * i + 3] = v;
  }
  return out;
}

/** An HMAC-SHA256 key, prepared: the SHA-256 states after K ⊕ ipad and after K ⊕ opad (RFC 2104 §2). */
export interface HmacSha256Key {
  readonly inner: Int32Array;
  readonly outer: Int32Array;
}

/** Prepares `key` (any length; longer than 64 bytes it is hashed first, RFC 2104 §2). */
export function hmacSha256Key(key: Uint8Array): HmacSha256Key {
  let k = key;
  if (key.length > BLOCK) {
    // SHA-256(key): the first block compressed from the IV, the rest (and the padding) by finishFrom.
    const first = IV.slice();
    compress(first, key, 0);
    k = finishFrom(first, [key.subarray(BLOCK)], new Uint8Array(32));
  }
  const inner = IV.slice();
  const outer = IV.slice();
  const pad = new Uint8Array(BLOCK);
  for (let i = 0; i < BLOCK; i++) pad[i] = 0x36 ^ (k[i] ?? 0);
  compress(inner, pad, 0);
  for (let i = 0; i < BLOCK; i++) pad[i] = 0x5c ^ (k[i] ?? 0);
  compress(outer, pad, 0);
  return { inner, outer };
}

/** HMAC-SHA256(key, parts[0] ‖ parts[1] ‖ ...) under a prepared key: 32 new bytes. */
export function hmacSha256With(key: HmacSha256Key, ...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(32);
  finishFrom(key.inner, parts, out);
  return finishFrom(key.outer, [out], out);
}

/** HMAC-SHA256(key, message) in one call. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return hmacSha256With(hmacSha256Key(key), message);
}
