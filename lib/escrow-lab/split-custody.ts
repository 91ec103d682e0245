/**
 * Splitting the escrow secret key between agencies, and what it takes to put it back together.
 * A small escrowed world (about 10 messages) whose escrow key lib/protocol/escrow-setup.ts splits
 * 2-of-2 by XOR (Clipper's two escrow agents, FIPS 185) or k-of-n with Shamir's scheme
 * (shamir-secret-sharing). Whoever holds some pieces, the thief or the authority executing a
 * warrant, recombines them, checks the result against the public key (X25519(candidate, 9) =
 * public key?, lib/crypto/secret-sharing.ts) and tries it on the recorded traffic by real
 * decryption, whether or not the check passed, so that "opens nothing" is measured too.
 * @module
 */
import { bytesToHex, equalBytes, xorBytes } from '@/lib/crypto/bytes';
import { RECOMBINED_KEY_CHECK, combineShamir } from '@/lib/crypto/secret-sharing';
import { publicKeyFromSecret } from '@/lib/crypto/x25519';
import { captureFor, type Capture } from '@/lib/protocol/capability';
import { decryptCapture } from '@/lib/protocol/decrypt-capture';
import type { EscrowKeyPiece } from '@/lib/protocol/escrow-setup';
import { MINUTES_PER_DAY } from '@/lib/protocol/sim-time';
import { generateWorld, type World } from '@/lib/protocol/world';

/** How the key is split. */
export type SplitScheme = 'xor' | 'shamir';

/** The world's escrow key, its pieces and the recorded traffic. Holds secrets: lives in the worker. */
export interface SplitCustody {
  readonly scheme: SplitScheme;
  readonly world: World;
  readonly capture: Capture;
  readonly authorityId: string;
  readonly publicKey: Uint8Array;
  readonly pieces: readonly EscrowKeyPiece[];
  readonly threshold: number;
}

/** One recombination and its test on the traffic. */
export interface Recombination {
  /** The agencies whose pieces went in, in order. */
  readonly agencies: readonly string[];
  /** The agencies whose piece was corrupted (one byte flipped) before recombining. */
  readonly corrupted: readonly string[];
  /** The pieces as they went in (corrupted ones already changed). */
  readonly pieces: readonly { readonly agencyId: string; readonly bytes: Uint8Array }[];
  /** What recombining gave, or null if nothing could be combined (and why). */
  readonly candidate: Uint8Array | null;
  readonly candidatePublicKey: Uint8Array | null;
  readonly combineError: string | null;
  /** The named check and whether it passed. */
  readonly check: { readonly name: typeof RECOMBINED_KEY_CHECK; readonly passed: boolean; readonly message: string };
  /** Real decryption of the recorded traffic with the candidate. */
  readonly opened: number;
  readonly total: number;
}

/** The recorded traffic's size. */
export const SPLIT_WORLD = { people: 3, conversations: 3, messages: 10, durationMinutes: MINUTES_PER_DAY } as const;

/** Generates the world and splits its escrow key: XOR 2-of-2, or Shamir `threshold`-of-`shares` (2 to 5). */
export async function createSplitCustody(scheme: SplitScheme, seed: string, shamir = { shares: 3, threshold: 2 }): Promise<SplitCustody> {
  if (scheme === 'shamir') {
    const { shares, threshold } = shamir;
    if (!Number.isInteger(shares) || !Number.isInteger(threshold) || threshold < 2 || shares > 5 || threshold > shares) {
      throw new RangeError(`Choose k and n with 2 ≤ k ≤ n ≤ 5 (got ${threshold} of ${shares}).`);
    }
  }
  const world = await generateWorld({
    seed,
    ...SPLIT_WORLD,
    mode: 'ratchet',
    escrow: scheme === 'xor' ? { variant: 'xor-2-of-2' } : { variant: 'shamir', shamir },
  });
  const setup = world.escrow!;
  const authority = setup.authorities[0]!;
  return {
    scheme,
    world,
    capture: captureFor(world, [{ kind: 'take-over-server' }]),
    authorityId: authority.id,
    publicKey: authority.publicKey,
    pieces: setup.pieces,
    threshold: setup.piecesNeeded,
  };
}

/** Flips one bit of byte 1 (byte 0's low bits are clamped away by X25519, RFC 7748 §5), as lib/protocol's damaged copies do. */
export function corruptPiece(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  out[1] = out[1]! ^ 0x01;
  return out;
}

/**
 * Recombines the pieces of `agencies` (corrupting those in `corrupt`), checks the result against
 * the public key, and decrypts the recorded traffic with it. XOR of one component is that
 * component; Shamir needs at least two shares to interpolate anything.
 */
export async function recombine(custody: SplitCustody, agencies: readonly string[], corrupt: readonly string[] = []): Promise<Recombination> {
  const unknown = agencies.filter((a) => !custody.pieces.some((p) => p.agencyId === a));
  if (unknown.length > 0) throw new RangeError(`No agency named ${unknown.join(', ')} holds a piece.`);
  const pieces = custody.pieces
    .filter((p) => agencies.includes(p.agencyId))
    .map((p) => ({ agencyId: p.agencyId, bytes: corrupt.includes(p.agencyId) ? corruptPiece(p.bytes) : p.bytes }));
  let candidate: Uint8Array | null = null;
  let combineError: string | null = null;
  if (pieces.length === 0) combineError = 'No pieces: there is nothing to recombine.';
  else if (custody.scheme === 'xor') candidate = pieces.reduce<Uint8Array>((acc, p) => xorBytes(acc, p.bytes), new Uint8Array(32));
  else if (pieces.length < 2) combineError = 'One share is one point: Shamir interpolation needs at least two, so there is nothing to combine.';
  else {
    try {
      candidate = await combineShamir(pieces.map((p) => p.bytes));
    } catch (e) {
      combineError = `The shares could not be combined: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  const candidatePublicKey = candidate && candidate.length === 32 ? publicKeyFromSecret(candidate) : null;
  const passed = candidatePublicKey !== null && equalBytes(candidatePublicKey, custody.publicKey);
  const message = passed
    ? 'The recombined key produces the escrow public key: it is the escrow secret key.'
    : candidatePublicKey
      ? `The recombined value produces ${bytesToHex(candidatePublicKey).slice(0, 16)}…, not the escrow public key ${bytesToHex(custody.publicKey).slice(0, 16)}…: not the key.`
      : (combineError ?? 'Recombining gave no 32-byte key.');
  // Exposure is measured, not assumed: the candidate is tried on every recorded envelope.
  const loot = { devices: [], escrowKeys: candidate && candidate.length === 32 ? [{ authorityId: custody.authorityId, secretKey: candidate, how: 'recombined' }] : [] };
  const report = decryptCapture(custody.capture, loot);
  return {
    agencies: pieces.map((p) => p.agencyId),
    corrupted: corrupt.filter((a) => agencies.includes(a)),
    pieces,
    candidate,
    candidatePublicKey,
    combineError,
    check: { name: RECOMBINED_KEY_CHECK, passed, message },
    opened: report.counts.opened,
    total: custody.capture.records.length,
  };
}
