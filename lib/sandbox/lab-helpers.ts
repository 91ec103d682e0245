/**
 * The `backdoor-lab` module that learner code imports: byte helpers and the app's own HPKE and AEAD
 * wrappers, so an exercise can open an escrow-wrapped key without re-implementing RFC 9180. Types
 * here are plain (Uint8Array, string, objects of those) because Monaco shows this module's
 * declarations to learners; scripts/build-sandbox-types.ts emits them from this file.
 * @module
 */
import { open as aeadOpenCore, seal as aeadSealCore, type AeadAlgorithm } from '../crypto/aead';
import {
  bytesToHex as bytesToHexCore,
  bytesToUtf8 as bytesToUtf8Core,
  concatBytes as concatBytesCore,
  equalBytes as equalBytesCore,
  hexToBytes as hexToBytesCore,
  i2osp as i2ospCore,
  utf8ToBytes as utf8ToBytesCore,
  xorBytes as xorBytesCore,
} from '../crypto/bytes';
import { openBase, sealBase } from '../crypto/hpke';
import { sharedSecret } from '../crypto/x25519';
import { deriveKey } from '../crypto/hkdf';

/** Lower-case hex of `bytes`. */
export function bytesToHex(bytes: Uint8Array): string {
  return bytesToHexCore(bytes);
}

/** Bytes from hex; spaces, `:` and a leading `0x` are allowed. Throws on anything else. */
export function hexToBytes(hex: string): Uint8Array {
  return hexToBytesCore(hex);
}

/** UTF-8 bytes of `text`. */
export function utf8ToBytes(text: string): Uint8Array {
  return utf8ToBytesCore(text);
}

/** The text that UTF-8 `bytes` encode. Throws if they are not valid UTF-8. */
export function bytesToUtf8(bytes: Uint8Array): string {
  return bytesToUtf8Core(bytes);
}

/** `a ‖ b ‖ …` */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  return concatBytesCore(...parts);
}

/** Whether `a` and `b` hold the same bytes (constant time for equal lengths). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return equalBytesCore(a, b);
}

/**
 * `value` as `length` big-endian bytes (I2OSP, RFC 8017 §4.1, as RFC 9180 uses it), e.g. a message
 * counter as a 12-byte nonce: `i2osp(7, 12)`. Throws if the value does not fit.
 */
export function i2osp(value: number, length: number): Uint8Array {
  return i2ospCore(value, length);
}

/** `a XOR b`; both must have the same length. */
export function xorBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  return xorBytesCore(a, b);
}

/** X25519(secretKey, peerPublicKey) (RFC 7748 §6.1). Throws on a low-order public key. */
export function x25519SharedSecret(secretKey: Uint8Array, peerPublicKey: Uint8Array): Uint8Array {
  return sharedSecret(secretKey, peerPublicKey);
}

/** HKDF-SHA256 (RFC 5869): a `length`-byte key from input keying material, salt and info. */
export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length = 32): Uint8Array {
  return deriveKey(ikm, salt, info, length);
}

/** An AEAD this module can seal and open with. */
export type AeadName = 'chacha20-poly1305' | 'xchacha20-poly1305' | 'aes-256-gcm';

/** What {@link aeadOpen} needs. `sealed` is ciphertext ‖ 16-byte tag. */
export interface AeadOpenInput {
  algorithm: AeadName;
  key: Uint8Array;
  nonce: Uint8Array;
  sealed: Uint8Array;
  aad?: Uint8Array;
}

/** Verifies and decrypts; throws if the tag does not verify (wrong key, nonce, aad, or tampering). */
export function aeadOpen(input: AeadOpenInput): Uint8Array {
  return aeadOpenCore({ ...input, algorithm: input.algorithm satisfies AeadAlgorithm });
}

/** What {@link aeadSeal} needs. */
export interface AeadSealInput {
  algorithm: AeadName;
  key: Uint8Array;
  nonce: Uint8Array;
  plaintext: Uint8Array;
  aad?: Uint8Array;
}

/** Encrypts and authenticates; returns ciphertext ‖ tag. */
export function aeadSeal(input: AeadSealInput): Uint8Array {
  return aeadSealCore({ ...input, algorithm: input.algorithm satisfies AeadAlgorithm });
}

/** An HPKE single-shot message: the encapsulated key and the ciphertext (RFC 9180 §6.1). */
export interface HpkeMessage {
  enc: Uint8Array;
  ciphertext: Uint8Array;
}

/**
 * HPKE base-mode Open (RFC 9180 §6.1), suite DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 /
 * ChaCha20-Poly1305: what the escrow authority, or whoever holds its secret key, runs.
 */
export function hpkeOpen(
  message: HpkeMessage,
  recipientSecretKey: Uint8Array,
  info: Uint8Array,
  aad: Uint8Array,
): Uint8Array {
  return openBase(message, recipientSecretKey, info, aad);
}

/** HPKE base-mode Seal (RFC 9180 §6.1) to `recipientPublicKey`, with a fresh ephemeral key. */
export function hpkeSeal(
  recipientPublicKey: Uint8Array,
  info: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
): HpkeMessage {
  const { enc, ciphertext } = sealBase(recipientPublicKey, info, aad, plaintext).result;
  return { enc, ciphertext };
}
