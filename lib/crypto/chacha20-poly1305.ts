/**
 * The ChaCha20-Poly1305 AEAD construction (RFC 8439 §2.8) composed from noble's ChaCha20 stream
 * and its one-shot Poly1305, for the protocol's hot path: every message body and every escrow
 * wrap is one of these, a few dozen bytes long, so per-call set-up (noble's cipher objects, the
 * incremental MAC with its padding updates) cost more than the cipher itself. Same bytes as
 * noble's `chacha20poly1305` (chacha20-poly1305.test.ts; the Wycheproof suite runs through
 * aead.ts onto this). Inputs are checked by the caller (aead.ts).
 * @module
 */
import { poly1305 } from '@noble/ciphers/_poly1305.js';
import { chacha20 } from '@noble/ciphers/chacha.js';

const TAG_BYTES = 16;
const ZEROS32 = new Uint8Array(32);
const EMPTY = new Uint8Array(0);

/** §2.8: Poly1305 over aad ‖ pad16 ‖ ciphertext ‖ pad16 ‖ len(aad) u64le ‖ len(ciphertext) u64le, keyed by block 0 (§2.6). */
function tagOf(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const oneTimeKey = chacha20(key, nonce, ZEROS32, undefined, 0);
  const aadPadded = Math.ceil(aad.length / 16) * 16;
  const ctPadded = Math.ceil(ciphertext.length / 16) * 16;
  const macData = new Uint8Array(aadPadded + ctPadded + 16); // zero padding comes free
  macData.set(aad, 0);
  macData.set(ciphertext, aadPadded);
  const lengths = new DataView(macData.buffer, aadPadded + ctPadded, 16);
  lengths.setUint32(0, aad.length, true);
  lengths.setUint32(4, Math.floor(aad.length / 2 ** 32), true);
  lengths.setUint32(8, ciphertext.length, true);
  lengths.setUint32(12, Math.floor(ciphertext.length / 2 ** 32), true);
  return poly1305(macData, oneTimeKey);
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
  if (diff !== 0) return null;
  return ciphertext.length > 0 ? chacha20(key, nonce, ciphertext, new Uint8Array(ciphertext.length), 1) : new Uint8Array(0);
}
