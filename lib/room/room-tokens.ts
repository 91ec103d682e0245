/**
 * Secrets and ids of the live room. Tokens are 128 random bits (unguessable: 2^128 tries), base64url
 * so they travel in a header or a query string unescaped. The relay keeps only their SHA-256, so its
 * stored state (memory or Redis) cannot be replayed as a token, and compares digests in constant time.
 * Join codes are short on purpose (read off a projector); the join rate limit, not their length,
 * stops them being walked.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, equalBytes, hexToBytes, utf8ToBytes } from '../crypto/bytes';
import { csprng } from '../crypto/random';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from './room-protocol';

const random = csprng();
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Unpadded base64url (RFC 4648 §5). 16 bytes give 22 characters, the contract's id length. */
function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64URL[(n >> 18) & 63]! + B64URL[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) out += B64URL[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) out += B64URL[n & 63]!;
  }
  return out;
}

/** A presenter or device token: 16 CSPRNG bytes, base64url. */
export function newToken(): string {
  return base64url(random.bytes(16));
}

/** A member or message id: 16 CSPRNG bytes, base64url (22 characters, `idSchema`). */
export function newId(): string {
  return base64url(random.bytes(16));
}

/** What the relay stores instead of a token: SHA-256 of its text, hex. */
export function hashToken(token: string): string {
  return bytesToHex(sha256(utf8ToBytes(token)));
}

/** Constant-time check of a presented token against a stored digest. */
export function tokenMatches(token: string, storedHash: string): boolean {
  return equalBytes(hexToBytes(hashToken(token)), hexToBytes(storedHash));
}

/**
 * A join code: JOIN_CODE_LENGTH characters drawn uniformly from the 31-letter alphabet. Rejection
 * sampling (bytes ≥ 248 are redrawn) keeps every letter equally likely: 248 = 8 × 31.
 */
export function newJoinCode(): string {
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of random.bytes(JOIN_CODE_LENGTH * 2)) {
      if (byte >= 248 || code.length === JOIN_CODE_LENGTH) continue;
      code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length]!;
    }
  }
  return code;
}
