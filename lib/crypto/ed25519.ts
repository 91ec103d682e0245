/**
 * Ed25519 signatures (RFC 8032 §5.1), wrapping @noble/curves. The ghost-user lesson uses them for
 * membership changes a member signs, so that a server cannot add anyone to a group on its own.
 * @module
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import type { RandomSource } from './random';

/** An Ed25519 signing key pair: a 32-byte secret seed and its 32-byte public key. */
export interface Ed25519KeyPair {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

/** A signing key pair from 32 bytes of `random` (RFC 8032 §5.1.5: the secret key is a 32-byte seed). */
export function generateSigningKeyPair(random: RandomSource): Ed25519KeyPair {
  const secretKey = random.bytes(32);
  return { secretKey, publicKey: ed25519.getPublicKey(secretKey) };
}

/** A 64-byte signature of `message` (RFC 8032 §5.1.6; deterministic). */
export function sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed25519.sign(message, secretKey);
}

/** Whether `signature` is valid for `message` under `publicKey` (RFC 8032 §5.1.7); never throws. */
export function verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}
