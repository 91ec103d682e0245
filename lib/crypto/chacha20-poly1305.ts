/**
 * The ChaCha20-Poly1305 AEAD construction (RFC 8439 §2.8) composed from noble's ChaCha20 stream
 * and its one-shot Poly1305, for the protocol's hot path: every message body and every escrow
 * wrap is one of these, a few dozen bytes long, so per-call set-up (noble's cipher objects, the
 * incremental MAC with its padding updates, each ChaCha20 call's key set-up) costs more than the
 * cipher itself. So each seal or open makes one ChaCha20 call from block 0: the first 32 bytes of
 * block 0 are the Poly1305 key (§2.6), blocks 1 on encrypt (§2.8), and the MAC input is built in
 * one allocation. Same bytes as noble's `chacha20poly1305` (chacha20-poly1305.test.ts; the
 * Wycheproof suite runs through aead.ts onto this). Inputs are checked by the caller (aead.ts).
 * @module
 */
import { poly1305 } from '@noble/ciphers/_poly1305.js';
import { chacha20 } from '@noble/ciphers/chacha.js';

const TAG_BYTES = 16;
const EMPTY = new Uint8Array(0);
/** One ChaCha20 block: the stream from counter 0 is block 0 (the Poly1305 key, §2.6) ‖ the keystream from block 1 (§2.8). */
const BLOCK = 64;

/**
 * `text` XOR the ChaCha20 stream from block 1, after one block of zeros that block 0 turns into
 * the one-time key: returns that key (32 bytes) and the result, both views of one buffer.
 */
function streamFromBlockZero(
  key: Uint8Array,
  nonce: Uint8Array,
  text: Uint8Array,
): { oneTimeKey: Uint8Array; output: Uint8Array } {
  const work = new Uint8Array(BLOCK + text.length);
  work.set(text, BLOCK);
  chacha20(key, nonce, work, work, 0);
  return { oneTimeKey: work.subarray(0, 32), output: work.subarray(BLOCK) };
}

/** §2.8: Poly1305 over aad ‖ pad16 ‖ ciphertext ‖ pad16 ‖ len(aad) u64le ‖ len(ciphertext) u64le. */
function tagOf(oneTimeKey: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const aadPadded = Math.ceil(aad.length / 16) * 16;
  const ctPadded = Math.ceil(ciphertext.length / 16) * 16;
  const macData = new Uint8Array(aadPadded + ctPadded + 16); // zero padding comes free
  macData.set(aad, 0);
  macData.set(ciphertext, aadPadded);
  writeU64le(macData, aadPadded + ctPadded, aad.length);
  writeU64le(macData, aadPadded + ctPadded + 8, ciphertext.length);
  return poly1305(macData, oneTimeKey);
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
export function chacha20Poly1305Seal(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad: Uint8Array = EMPTY,
): Uint8Array {
  const { oneTimeKey, output: ciphertext } = streamFromBlockZero(key, nonce, plaintext);
  const out = new Uint8Array(plaintext.length + TAG_BYTES);
  out.set(ciphertext, 0);
  out.set(tagOf(oneTimeKey, aad, ciphertext), plaintext.length);
  return out;
}

/**
 * Checks the tag in constant time and returns the plaintext, or `null` when the tag does not
 * verify. The one ChaCha20 call also decrypts, into a private buffer that is wiped and dropped when
 * the tag fails: no unauthenticated plaintext ever leaves (§2.8).
 */
export function chacha20Poly1305Open(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad: Uint8Array = EMPTY,
): Uint8Array | null {
  if (sealed.length < TAG_BYTES) return null;
  const ciphertext = sealed.subarray(0, sealed.length - TAG_BYTES);
  const { oneTimeKey, output: plaintext } = streamFromBlockZero(key, nonce, ciphertext);
  const expected = tagOf(oneTimeKey, aad, ciphertext);
  let diff = 0;
  for (let i = 0; i < TAG_BYTES; i++) diff |= expected[i]! ^ sealed[ciphertext.length + i]!;
  if (diff !== 0) {
    plaintext.fill(0);
    return null;
  }
  return plaintext;
}
