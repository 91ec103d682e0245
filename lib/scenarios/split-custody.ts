/**
 * Splitting the escrow secret key between agencies, and what it takes to put it back together.
 * A small escrowed world (about 10 messages) whose escrow key lib/protocol/escrow-setup.ts splits
 * 2-of-2 by XOR (Clipper's two escrow agents, FIPS 185) or k-of-n with Shamir's scheme
 * (shamir-secret-sharing). Whoever holds some pieces, the thief or the authority executing a
 * warrant, recombines them with lib/protocol/key-recombination.ts (the same code the attack lab's
 * loot uses, damaged pieces included), checks the result against the public key, and tries it on
 * the recorded traffic by real decryption, whether or not the check passed, so that "opens
 * nothing" is measured too.
 * @module
 */
import { captureFor, type Capture } from '@/lib/protocol/capability';
import { decryptCapture } from '@/lib/protocol/decrypt-capture';
import type { EscrowAuthority, EscrowKeyPiece } from '@/lib/protocol/escrow-setup';
import { recombineKeyPieces, takeKeyPieces, type KeyRecombination } from '@/lib/protocol/key-recombination';
import { MINUTES_PER_DAY } from '@/lib/protocol/sim-time';
import { generateWorld, type World } from '@/lib/protocol/world';

/** How the key is split. */
export type SplitScheme = 'xor' | 'shamir';

/** The world's escrow key, its pieces and the recorded traffic. Holds secrets: lives in the worker. */
export interface SplitCustody {
  readonly scheme: SplitScheme;
  readonly world: World;
  readonly capture: Capture;
  readonly authority: EscrowAuthority;
  readonly publicKey: Uint8Array;
  readonly pieces: readonly EscrowKeyPiece[];
  readonly threshold: number;
}

/** One recombination (lib/protocol/key-recombination.ts) and its test on the traffic. */
export interface Recombination extends KeyRecombination {
  /** The agencies whose pieces went in, in order. */
  readonly agencies: readonly string[];
  /** The agencies whose piece was damaged (lib/protocol's damageKeyPiece) before recombining. */
  readonly corrupted: readonly string[];
  /** The pieces exactly as they went in (damaged ones already changed). */
  readonly pieces: readonly { readonly agencyId: string; readonly bytes: Uint8Array }[];
  /** Real decryption of the recorded traffic with the candidate. */
  readonly opened: number;
  readonly total: number;
}

/** The recorded traffic's size. */
export const SPLIT_WORLD = { people: 3, conversations: 3, messages: 10, durationMinutes: MINUTES_PER_DAY } as const;

/** Generates the world and splits its escrow key: XOR 2-of-2, or Shamir `threshold`-of-`shares` (2 to 5). */
export async function createSplitCustody(
  scheme: SplitScheme,
  seed: string,
  shamir = { shares: 3, threshold: 2 },
): Promise<SplitCustody> {
  if (scheme === 'shamir') {
    const { shares, threshold } = shamir;
    if (
      !Number.isInteger(shares) ||
      !Number.isInteger(threshold) ||
      threshold < 2 ||
      shares > 5 ||
      threshold > shares
    ) {
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
    authority,
    publicKey: authority.publicKey,
    pieces: setup.pieces,
    threshold: setup.piecesNeeded,
  };
}

/**
 * Recombines the pieces of `agencies` (damaging those in `corrupt` first, as a thief's stolen copy
 * is damaged), checks the result against the public key, and decrypts the recorded traffic with it.
 */
export async function recombine(
  custody: SplitCustody,
  agencies: readonly string[],
  corrupt: readonly string[] = [],
): Promise<Recombination> {
  const unknown = agencies.filter((a) => !custody.pieces.some((p) => p.agencyId === a));
  if (unknown.length > 0) throw new RangeError(`No agency named ${unknown.join(', ')} holds a piece.`);
  const pieces: EscrowKeyPiece[] = takeKeyPieces(custody.pieces, agencies, corrupt);
  const recombination = await recombineKeyPieces(custody.authority, pieces);
  const { candidate } = recombination;
  // Exposure is measured, not assumed: the candidate is tried on every recorded envelope.
  const loot = {
    devices: [],
    escrowKeys:
      candidate && candidate.length === 32
        ? [{ authorityId: custody.authority.id, secretKey: candidate, how: 'recombined' }]
        : [],
  };
  const report = decryptCapture(custody.capture, loot);
  return {
    ...recombination,
    agencies: pieces.map((p) => p.agencyId),
    corrupted: corrupt.filter((a) => agencies.includes(a)),
    pieces: pieces.map((p) => ({ agencyId: p.agencyId, bytes: p.bytes })),
    opened: report.counts.opened,
    total: custody.capture.records.length,
  };
}
