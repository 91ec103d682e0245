/**
 * The ChaCha20-Poly1305 AEAD construction (RFC 8439 §2.8): the ChaCha20 block function (§2.3)
 * written out here, noble's one-shot Poly1305 for the tag. It is the protocol's hot path: every
 * message body and every escrow wrap is one of these, a few dozen bytes long, so per-call set-up
 * (noble's cipher objects, key copies and typed-array views per stream call, the incremental MAC
 * with its padding updates) cost more than the cipher itself. Same bytes as noble's
 * `chacha20poly1305` (chacha20-poly1305.test.ts; the Wycheproof suite runs through aead.ts onto
 * this). Inputs are checked by the caller (aead.ts).
 * @module
 */
import { poly1305 } from '@noble/ciphers/_poly1305.js';

// Scratch space (all functions here are synchronous and non-reentrant).
const INPUT = new Int32Array(16);
const KEYSTREAM = new Int32Array(16);

/** Little-endian 32-bit word at `bytes[offset]`. */
const word = (bytes: Uint8Array, offset: number) => bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24);

/** RFC 8439 §2.3: the block input, "expand 32-byte k" ‖ key ‖ counter ‖ nonce (counter set per block). */
function loadInput(key: Uint8Array, nonce: Uint8Array): void {
  INPUT[0] = 0x61707865;
  INPUT[1] = 0x3320646e;
  INPUT[2] = 0x79622d32;
  INPUT[3] = 0x6b206574;
  for (let i = 0; i < 8; i++) INPUT[4 + i] = word(key, 4 * i);
  for (let i = 0; i < 3; i++) INPUT[13 + i] = word(nonce, 4 * i);
}

/** RFC 8439 §2.3: 20 rounds (10 column + diagonal double rounds, §2.1 quarter rounds) over INPUT, plus INPUT, into KEYSTREAM. */
function block(counter: number): void {
  INPUT[12] = counter;
  let x0 = INPUT[0]!, x1 = INPUT[1]!, x2 = INPUT[2]!, x3 = INPUT[3]!, x4 = INPUT[4]!, x5 = INPUT[5]!, x6 = INPUT[6]!, x7 = INPUT[7]!;
  let x8 = INPUT[8]!, x9 = INPUT[9]!, x10 = INPUT[10]!, x11 = INPUT[11]!, x12 = INPUT[12]!, x13 = INPUT[13]!, x14 = INPUT[14]!, x15 = INPUT[15]!;
  for (let i = 0; i < 10; i++) {
    // Column round: QR(0,4,8,12) QR(1,5,9,13) QR(2,6,10,14) QR(3,7,11,15).
    x0 = (x0 + x4) | 0; x12 ^= x0; x12 = (x12 << 16) | (x12 >>> 16); x8 = (x8 + x12) | 0; x4 ^= x8; x4 = (x4 << 12) | (x4 >>> 20);
    x0 = (x0 + x4) | 0; x12 ^= x0; x12 = (x12 << 8) | (x12 >>> 24); x8 = (x8 + x12) | 0; x4 ^= x8; x4 = (x4 << 7) | (x4 >>> 25);
    x1 = (x1 + x5) | 0; x13 ^= x1; x13 = (x13 << 16) | (x13 >>> 16); x9 = (x9 + x13) | 0; x5 ^= x9; x5 = (x5 << 12) | (x5 >>> 20);
    x1 = (x1 + x5) | 0; x13 ^= x1; x13 = (x13 << 8) | (x13 >>> 24); x9 = (x9 + x13) | 0; x5 ^= x9; x5 = (x5 << 7) | (x5 >>> 25);
    x2 = (x2 + x6) | 0; x14 ^= x2; x14 = (x14 << 16) | (x14 >>> 16); x10 = (x10 + x14) | 0; x6 ^= x10; x6 = (x6 << 12) | (x6 >>> 20);
    x2 = (x2 + x6) | 0; x14 ^= x2; x14 = (x14 << 8) | (x14 >>> 24); x10 = (x10 + x14) | 0; x6 ^= x10; x6 = (x6 << 7) | (x6 >>> 25);
    x3 = (x3 + x7) | 0; x15 ^= x3; x15 = (x15 << 16) | (x15 >>> 16); x11 = (x11 + x15) | 0; x7 ^= x11; x7 = (x7 << 12) | (x7 >>> 20);
    x3 = (x3 + x7) | 0; x15 ^= x3; x15 = (x15 << 8) | (x15 >>> 24); x11 = (x11 + x15) | 0; x7 ^= x11; x7 = (x7 << 7) | (x7 >>> 25);
    // Diagonal round: QR(0,5,10,15) QR(1,6,11,12) QR(2,7,8,13) QR(3,4,9,14).
    x0 = (x0 + x5) | 0; x15 ^= x0; x15 = (x15 << 16) | (x15 >>> 16); x10 = (x10 + x15) | 0; x5 ^= x10; x5 = (x5 << 12) | (x5 >>> 20);
    x0 = (x0 + x5) | 0; x15 ^= x0; x15 = (x15 << 8) | (x15 >>> 24); x10 = (x10 + x15) | 0; x5 ^= x10; x5 = (x5 << 7) | (x5 >>> 25);
    x1 = (x1 + x6) | 0; x12 ^= x1; x12 = (x12 << 16) | (x12 >>> 16); x11 = (x11 + x12) | 0; x6 ^= x11; x6 = (x6 << 12) | (x6 >>> 20);
    x1 = (x1 + x6) | 0; x12 ^= x1; x12 = (x12 << 8) | (x12 >>> 24); x11 = (x11 + x12) | 0; x6 ^= x11; x6 = (x6 << 7) | (x6 >>> 25);
    x2 = (x2 + x7) | 0; x13 ^= x2; x13 = (x13 << 16) | (x13 >>> 16); x8 = (x8 + x13) | 0; x7 ^= x8; x7 = (x7 << 12) | (x7 >>> 20);
    x2 = (x2 + x7) | 0; x13 ^= x2; x13 = (x13 << 8) | (x13 >>> 24); x8 = (x8 + x13) | 0; x7 ^= x8; x7 = (x7 << 7) | (x7 >>> 25);
    x3 = (x3 + x4) | 0; x14 ^= x3; x14 = (x14 << 16) | (x14 >>> 16); x9 = (x9 + x14) | 0; x4 ^= x9; x4 = (x4 << 12) | (x4 >>> 20);
    x3 = (x3 + x4) | 0; x14 ^= x3; x14 = (x14 << 8) | (x14 >>> 24); x9 = (x9 + x14) | 0; x4 ^= x9; x4 = (x4 << 7) | (x4 >>> 25);
  }
  KEYSTREAM[0] = (x0 + INPUT[0]!) | 0;
  KEYSTREAM[1] = (x1 + INPUT[1]!) | 0;
  KEYSTREAM[2] = (x2 + INPUT[2]!) | 0;
  KEYSTREAM[3] = (x3 + INPUT[3]!) | 0;
  KEYSTREAM[4] = (x4 + INPUT[4]!) | 0;
  KEYSTREAM[5] = (x5 + INPUT[5]!) | 0;
  KEYSTREAM[6] = (x6 + INPUT[6]!) | 0;
  KEYSTREAM[7] = (x7 + INPUT[7]!) | 0;
  KEYSTREAM[8] = (x8 + INPUT[8]!) | 0;
  KEYSTREAM[9] = (x9 + INPUT[9]!) | 0;
  KEYSTREAM[10] = (x10 + INPUT[10]!) | 0;
  KEYSTREAM[11] = (x11 + INPUT[11]!) | 0;
  KEYSTREAM[12] = (x12 + INPUT[12]!) | 0;
  KEYSTREAM[13] = (x13 + INPUT[13]!) | 0;
  KEYSTREAM[14] = (x14 + INPUT[14]!) | 0;
  KEYSTREAM[15] = (x15 + INPUT[15]!) | 0;
}

/** Byte `i` (0-63) of KEYSTREAM, serialized little-endian (§2.3). */
const keystreamByte = (i: number) => (KEYSTREAM[i >> 2]! >>> (8 * (i & 3))) & 0xff;

/** §2.4: output = input XOR the keystream from block `counter` on (after loadInput). */
function xorStream(input: Uint8Array, output: Uint8Array, counter: number): void {
  for (let pos = 0; pos < input.length; counter++) {
    block(counter);
    const take = Math.min(64, input.length - pos);
    for (let j = 0; j < take; j++) output[pos + j] = input[pos + j]! ^ keystreamByte(j);
    pos += take;
  }
}

const TAG_BYTES = 16;
const EMPTY = new Uint8Array(0);

/** §2.8: Poly1305 over aad ‖ pad16 ‖ ciphertext ‖ pad16 ‖ len(aad) u64le ‖ len(ciphertext) u64le, keyed by block 0 (§2.6). */
function tagOf(aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  block(0); // after loadInput
  const oneTimeKey = new Uint8Array(32);
  for (let i = 0; i < 32; i++) oneTimeKey[i] = keystreamByte(i);
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
  loadInput(key, nonce);
  xorStream(plaintext, ciphertext, 1);
  out.set(tagOf(aad, ciphertext), plaintext.length);
  return out;
}

/** Checks the tag in constant time, then decrypts; `null` when the tag does not verify. */
export function chacha20Poly1305Open(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: Uint8Array = EMPTY): Uint8Array | null {
  if (sealed.length < TAG_BYTES) return null;
  const ciphertext = sealed.subarray(0, sealed.length - TAG_BYTES);
  loadInput(key, nonce);
  const expected = tagOf(aad, ciphertext);
  let diff = 0;
  for (let i = 0; i < TAG_BYTES; i++) diff |= expected[i]! ^ sealed[ciphertext.length + i]!;
  if (diff !== 0) return null; // the tag is checked before anything is decrypted (§2.8)
  const plaintext = new Uint8Array(ciphertext.length);
  xorStream(ciphertext, plaintext, 1);
  return plaintext;
}
