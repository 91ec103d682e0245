/**
 * Splitting a secret key between several custodians, as escrow schemes do so that no single agency
 * holds the whole key:
 *
 * - 2-of-2 XOR: half A is random, half B = secret XOR A. Either half alone is a uniformly random
 *   string and says nothing about the secret; both together give it back. This is how the Clipper
 *   chip's unit key was escrowed (KU = KU1 XOR KU2, one half at NIST, one at the Treasury).
 * - k-of-n Shamir over GF(2^8) (A. Shamir, "How to share a secret", CACM 22(11), 1979), through
 *   `shamir-secret-sharing` (Cure53- and Zellic-audited). Any k shares rebuild the secret; k - 1
 *   reveal nothing.
 *
 * Neither scheme detects a bad piece: a corrupted half or share silently recombines to a *wrong*
 * secret. For X25519 keys the check is cheap and exact: the recombined secret must produce the
 * published public key. {@link recoverX25519SecretFromShares} and {@link recoverX25519SecretFromXor}
 * run it and raise {@link SecretShareCheckError} naming the check.
 * @module
 */
import { combine, split } from 'shamir-secret-sharing';
import { assertLength, bytesToHex, equalBytes, xorBytes } from './bytes';
import { csprng, type RandomSource } from './random';
import { publicKeyFromSecret } from './x25519';

/** The two halves of a 2-of-2 XOR split. Both are needed; each alone is uniformly random. */
export type XorHalves = readonly [Uint8Array, Uint8Array];

/**
 * Splits `secret` into two halves whose XOR is `secret`. Half A comes from `random` (so a seeded
 * world splits reproducibly); half B = secret XOR A.
 */
export function splitXor(secret: Uint8Array, random: RandomSource = csprng()): XorHalves {
  if (!(secret instanceof Uint8Array) || secret.length === 0) {
    throw new RangeError('splitXor: the secret must be a non-empty Uint8Array');
  }
  const halfA = random.bytes(secret.length);
  return [halfA, xorBytes(secret, halfA)];
}

/** Recombines a 2-of-2 XOR split: halfA XOR halfB. The halves must have equal length. */
export function combineXor(halfA: Uint8Array, halfB: Uint8Array): Uint8Array {
  if (halfA.length !== halfB.length) {
    throw new RangeError(`combineXor: halves differ in length (${halfA.length} and ${halfB.length} bytes)`);
  }
  return xorBytes(halfA, halfB);
}

/**
 * Splits `secret` into `shares` Shamir shares, any `threshold` of which rebuild it. Each share is
 * the secret's length plus one byte (the x-coordinate, last). The polynomial coefficients come
 * from the platform CSPRNG inside the library, so shares differ from run to run even in a seeded
 * world; the secret they rebuild does not.
 */
export async function splitShamir(secret: Uint8Array, shares: number, threshold: number): Promise<Uint8Array[]> {
  if (
    !Number.isInteger(shares) ||
    !Number.isInteger(threshold) ||
    threshold < 2 ||
    shares < threshold ||
    shares > 255
  ) {
    throw new RangeError(`splitShamir: need integers 2 <= threshold <= shares <= 255, got ${threshold}-of-${shares}`);
  }
  return split(secret, shares, threshold);
}

/**
 * Lagrange-interpolates the secret from `shares`. Does NOT check the result: with a corrupted
 * share, or fewer shares than the threshold, it returns a wrong secret without complaint.
 */
export async function combineShamir(shares: readonly Uint8Array[]): Promise<Uint8Array> {
  return combine([...shares]);
}

/** The integrity check every recombination must pass, named so the UI can show which one failed. */
export const RECOMBINED_KEY_CHECK = 'publicKeyFromSecret(recombined secret) == escrow public key' as const;

/** A recombined key failed {@link RECOMBINED_KEY_CHECK}, or the pieces could not be combined at all. */
export class SecretShareCheckError extends Error {
  override readonly name = 'SecretShareCheckError';
  /** Which check failed: always {@link RECOMBINED_KEY_CHECK} or 'shares could not be combined'. */
  readonly check: typeof RECOMBINED_KEY_CHECK | 'shares could not be combined';
  constructor(check: SecretShareCheckError['check'], message: string) {
    super(message);
    this.check = check;
  }
}

function checkRecombined(secret: Uint8Array, expectedPublicKey: Uint8Array, how: string): Uint8Array {
  assertLength(expectedPublicKey, 32, 'escrow public key');
  if (secret.length !== 32) {
    throw new SecretShareCheckError(
      RECOMBINED_KEY_CHECK,
      `${how} gave ${secret.length} bytes, not a 32-byte X25519 secret key; check failed: ${RECOMBINED_KEY_CHECK}`,
    );
  }
  const derived = publicKeyFromSecret(secret);
  if (!equalBytes(derived, expectedPublicKey)) {
    throw new SecretShareCheckError(
      RECOMBINED_KEY_CHECK,
      `${how} gave a key whose public key is ${bytesToHex(derived).slice(0, 16)}…, not the escrow public key ` +
        `${bytesToHex(expectedPublicKey).slice(0, 16)}…: a piece is corrupted or missing. Check failed: ${RECOMBINED_KEY_CHECK}`,
    );
  }
  return secret;
}

/**
 * Rebuilds an X25519 secret key from Shamir shares and proves it is the right one by recomputing
 * its public key. Throws {@link SecretShareCheckError} when a share is corrupted, too few shares
 * were given, or the library refuses the shares (e.g. two shares with the same x-coordinate).
 */
export async function recoverX25519SecretFromShares(
  shares: readonly Uint8Array[],
  expectedPublicKey: Uint8Array,
): Promise<Uint8Array> {
  let secret: Uint8Array;
  try {
    secret = await combineShamir(shares);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new SecretShareCheckError(
      'shares could not be combined',
      `the ${shares.length} share(s) could not be combined: ${why}`,
    );
  }
  return checkRecombined(secret, expectedPublicKey, `combining ${shares.length} Shamir share(s)`);
}

/** Rebuilds an X25519 secret key from its two XOR halves and checks it against the public key. */
export function recoverX25519SecretFromXor(
  halfA: Uint8Array,
  halfB: Uint8Array,
  expectedPublicKey: Uint8Array,
): Uint8Array {
  let secret: Uint8Array;
  try {
    secret = combineXor(halfA, halfB);
  } catch (cause) {
    throw new SecretShareCheckError(
      'shares could not be combined',
      cause instanceof Error ? cause.message : String(cause),
    );
  }
  return checkRecombined(secret, expectedPublicKey, 'XOR of the two halves');
}
