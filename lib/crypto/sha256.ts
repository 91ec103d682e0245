/**
 * SHA-256 (FIPS 180-4) over the concatenation of byte strings, wrapping @noble/hashes. Used for
 * fingerprints (a group's roster) and hash chains (an append-only log).
 * @module
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from './bytes';

/** SHA-256 of `parts` concatenated: 32 bytes. */
export function sha256(...parts: Uint8Array[]): Uint8Array {
  return nobleSha256(concatBytes(...parts));
}
