/**
 * The ChaCha20-Poly1305 AEAD construction (RFC 8439 §2.8) composed from noble's ChaCha20 stream
 * and its one-shot Poly1305, for the protocol's hot path: every message body and every escrow
 * wrap is one of these, a few dozen bytes long, so per-call set-up (noble's cipher objects, the
 * incremental MAC with its padding updates) cost more than the cipher itself. The one-time key is
 * written into one reused buffer and the MAC input is built in one allocation. Same bytes as
 * noble's `chacha20poly1305` (chacha20-poly1305.test.ts; the Wycheproof suite runs through
 * aead.ts onto this). Inputs are checked by the caller (aead.ts).
 * @module
 */
import { poly1305 } from '@noble/ciphers/_poly1305.js';
import { chacha20 } from '@noble/ciphers/chacha.js';

const TAG_BYTES = 16;
const ZEROS32 = new Uint8Array(32);
const EMPTY = new Uint8Array(0);
// The Poly1305 one-time key, rewritten by every call (everything here is synchronous; poly1305
// reads the key into its own state before returning).
const ONE_TIME_KEY = new Uint8Array(32);

/** §2.8: Poly1305 over aad ‖ pad16 ‖ ciphertext ‖ pad16 ‖ len(aad) u64le ‖ len(ciphertext) u64le, keyed by block 0 (§2.6). */
function tagOf(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  chacha20(key, nonce, ZEROS32, ONE_TIME_KEY, 0);
  const aadPadded = Math.ceil(aad.length / 16) * 16;
  const ctPadded = Math.ceil(ciphertext.length / 16) * 16;
  const macData = new Uint8Array(aadPadded + ctPadded + 16); // zero padding comes free
  macData.set(aad, 0);
  macData.set(ciphertext, aadPadded);
  // The two lengths as u64 little-endian; messages here are far below 2^32 bytes, but the high
  // words are written anyway.
  writeU64le(macData, aadPadded + ctPadded, aad.length);
  writeU64le(macData, aadPadded + ctPadded + 8, ciphertext.length);
  return poly1305(macData, ONE_TIME_KEY);
}

/** `value` (below 2^53) as 8 little-endian bytes at `bytes[offset]`. */
function writeU64le(bytes: Uint8Array, offset: number, value: number): void {
  const high = Math.floor(value / 2 ** 32);
  for (let i = 0; i < 4; i++) {
    bytes[offset + i] = value >>> (8 * i);
    bytes[offset + 4 + i] = high >>> (8 * i);
  }
}

/** Encrypts (keystream from block 1, §2.8) and appends the tag: ciphertext ‖ tag. */
export function chacha20Poly1305Seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array = EMPTY): Uint8Array {
  const out = new Uint8Array(plaintext.length + TAG_BYTES);
  const ciphertext = out.subarray(0, plaintext.length);
  if (plaintext.length > 0) chacha20(key, nonce, plaintext, ciphertext, 1);
  out.set(tagOf(key, nonce, aad, ciphertext), plaintext.length);
  return out;
}

/** Checks the tag in constant time, then decrypts; `null` when the tag does not verify. */
export function chacha20Poly1305Open(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array = EMPTY): Uint8Array | null {
  if (sealed.length < TAG_BYTES) return null;
  const ciphertext = sealed.subarray(0, sealed.length - TAG_BYTES);
  const expected = tagOf(key, nonce, aad, ciphertext);
  let diff = 0;
  for (let i = 0; i < TAG_BYTES; i++) diff |= expected[i]! ^ sealed[ciphertext.length + i]!;
  if (diff !== 0) return null; // the tag is checked before anything is decrypted (§2.8)
  const plaintext = new Uint8Array(ciphertext.length);
  if (ciphertext.length > 0) chacha20(key, nonce, ciphertext, plaintext, 1);
  return plaintext;
}
