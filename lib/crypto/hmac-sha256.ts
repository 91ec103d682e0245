/**
 * HMAC-SHA256 (RFC 2104 with SHA-256) keyed once, MACed many times, on @noble/hashes: a chain
 * step, an HKDF, a header MAC run tens of thousands of times per world, often several MACs under
 * one key. HMAC's key only enters through the two blocks K ⊕ ipad and K ⊕ opad (RFC 2104 §2);
 * noble's keyed HMAC object has absorbed both, so {@link hmacSha256Key} builds it once and each
 * MAC copies its state into one reused instance (`_cloneInto`) instead of re-absorbing the key.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

/** An HMAC-SHA256 key, prepared: noble's HMAC after K ⊕ ipad and K ⊕ opad (RFC 2104 §2). Never finished. */
export type HmacSha256Key = ReturnType<typeof hmac.create>;

// The instance each MAC runs in (everything here is synchronous, so one is enough). `_cloneInto`
// overwrites its whole state, finished and destroyed flags included, with a prepared key's.
const scratch = hmac.create(sha256, new Uint8Array(0));

/** Prepares `key` (any length; longer than 64 bytes it is hashed first, RFC 2104 §2). */
export function hmacSha256Key(key: Uint8Array): HmacSha256Key {
  return hmac.create(sha256, key);
}

/** HMAC-SHA256(key, parts[0] ‖ parts[1] ‖ ...) under a prepared key: 32 new bytes. */
export function hmacSha256With(key: HmacSha256Key, ...parts: Uint8Array[]): Uint8Array {
  const mac = key._cloneInto(scratch);
  for (const part of parts) mac.update(part);
  const out = new Uint8Array(32);
  mac.digestInto(out);
  return out;
}

/** HMAC-SHA256(key, message) in one call. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return hmac(sha256, key, message);
}
