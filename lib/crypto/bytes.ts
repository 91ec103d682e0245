/**
 * Byte encodings (hex, base64, UTF-8), constant-time comparison, and parsers for bytes typed or
 * pasted by a learner. Parsers throw {@link BytesInputError} whose message a learner can act on:
 * `expected 64 hex characters (32 bytes), got 63`, `'zz' is not hexadecimal`.
 * @module
 */
import { bytesToHex as nobleBytesToHex, concatBytes as nobleConcat } from '@noble/hashes/utils.js';

/** Input that could not be read as bytes. `message` is meant to be shown to the learner as is. */
export class BytesInputError extends Error {
  override readonly name = 'BytesInputError';
}

/** Lower-case hex of `bytes`. */
export function bytesToHex(bytes: Uint8Array): string {
  return nobleBytesToHex(bytes);
}

/**
 * Parses hex typed by a person: whitespace, `:` separators and a leading `0x` are allowed; anything
 * else that is not a hex digit is named in the error.
 */
export function hexToBytes(input: string, what = 'value'): Uint8Array {
  if (typeof input !== 'string') throw new BytesInputError(`${what}: expected a hex string`);
  let hex = input.trim().replace(/^0x/i, '').replace(/[\s:]/g, '');
  if (hex.length === 0) return new Uint8Array(0);
  const bad = hex.match(/[^0-9a-fA-F]{1,2}/);
  if (bad) throw new BytesInputError(`${what}: '${bad[0]}' is not hexadecimal (use 0-9 and a-f)`);
  if (hex.length % 2 !== 0) {
    throw new BytesInputError(`${what}: hex needs two characters per byte, got ${hex.length} characters (odd)`);
  }
  hex = hex.toLowerCase();
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Parses hex that must be exactly `length` bytes, e.g. a 32-byte X25519 key. */
export function hexToBytesOfLength(input: string, length: number, what = 'value'): Uint8Array {
  if (typeof input !== 'string') throw new BytesInputError(`${what}: expected a hex string`);
  const cleaned = input.trim().replace(/^0x/i, '').replace(/[\s:]/g, '');
  const bad = cleaned.match(/[^0-9a-fA-F]{1,2}/);
  if (bad) throw new BytesInputError(`${what}: '${bad[0]}' is not hexadecimal (use 0-9 and a-f)`);
  if (cleaned.length !== length * 2) {
    throw new BytesInputError(
      `${what}: expected ${length * 2} hex characters (${length} bytes), got ${cleaned.length}`,
    );
  }
  return hexToBytes(cleaned, what);
}

/** Checks a byte array's length with a message naming what it is. */
export function assertLength(bytes: Uint8Array, length: number, what: string): Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new BytesInputError(`${what}: expected bytes (Uint8Array)`);
  if (bytes.length !== length) {
    throw new BytesInputError(`${what}: expected ${length} bytes, got ${bytes.length}`);
  }
  return bytes;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648 §4) with padding. Written out so lib/ needs neither Buffer nor btoa. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : B64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : B64[n & 63]!;
  }
  return out;
}

/** Parses standard or URL-safe base64, padded or not; names the first bad character. */
export function base64ToBytes(input: string, what = 'value'): Uint8Array {
  if (typeof input !== 'string') throw new BytesInputError(`${what}: expected a base64 string`);
  const s = input.trim().replace(/\s/g, '').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const bad = s.match(/[^A-Za-z0-9+/]/);
  if (bad) throw new BytesInputError(`${what}: '${bad[0]}' is not a base64 character`);
  if (s.length % 4 === 1) throw new BytesInputError(`${what}: base64 length ${s.length} is impossible (truncated?)`);
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const ch of s) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

/** UTF-8 bytes of a string. */
export function utf8ToBytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes UTF-8; invalid sequences become U+FFFD (for display of arbitrary bytes as text). */
export function bytesToUtf8(bytes: Uint8Array): string {
  return lenientDecoder.decode(bytes);
}

/** Decodes UTF-8 or returns `null` when the bytes are not valid UTF-8 (e.g. random ciphertext). */
export function bytesToUtf8OrNull(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Concatenation of byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  return nobleConcat(...parts);
}

/**
 * Equality whose running time depends only on the lengths, not on where the first difference is,
 * so comparing a secret (a tag, a key) does not leak how many leading bytes matched.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/**
 * Big-endian encoding of a non-negative integer in `length` bytes (RFC 8017 §4.1 I2OSP, used by
 * RFC 9180). Throws RangeError when the value does not fit, as I2OSP's "integer too large" does.
 */
export function i2osp(value: number, length: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`i2osp: ${value} is not a non-negative integer`);
  if (!Number.isInteger(length) || length < 0)
    throw new RangeError(`i2osp: length ${length} is not a non-negative integer`);
  // 256 ** length is exact in a double for every length (a power of two), so this check needs no
  // special case; an earlier `length < 6` guard let 6-byte overflow truncate silently.
  if (value >= 256 ** length) throw new RangeError(`i2osp: ${value} does not fit in ${length} bytes`);
  const out = new Uint8Array(length);
  let n = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = n % 256;
    n = Math.floor(n / 256);
  }
  return out;
}

/**
 * XOR of two byte arrays over the shorter one's length (the nonce-reuse lesson shows
 * ct1 ^ ct2 = pt1 ^ pt2 for messages of different lengths too).
 */
export function xorBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const n = Math.min(a.length, b.length);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/**
 * Copy of `bytes` with one bit flipped (the tamper control). Bit 0 is the most significant bit of
 * byte 0, so bit indexes read left to right like the hex on screen.
 */
export function flipBit(bytes: Uint8Array, bitIndex: number): Uint8Array {
  if (!Number.isInteger(bitIndex) || bitIndex < 0 || bitIndex >= bytes.length * 8) {
    throw new RangeError(`flipBit: bit ${bitIndex} is outside ${bytes.length} bytes`);
  }
  const out = bytes.slice();
  out[bitIndex >> 3]! ^= 0x80 >> (bitIndex & 7);
  return out;
}
