/**
 * Who holds the escrow key, in the four arrangements the lessons compare:
 *
 * - `single`: one authority, one key pair, one agency holds the whole secret key.
 * - `xor-2-of-2`: one key pair whose secret is split KU1 XOR KU2 between two agencies, as the
 *   Clipper chip's unit keys were split between NIST and the Treasury (FIPS 185, 1994).
 * - `shamir`: one key pair whose secret is split k-of-n with Shamir's scheme across n agencies.
 * - `two-governments`: two authorities, each with its own key pair; every epoch key is sealed to
 *   both, so either government (or a thief of either key) reads everything.
 *
 * Splitting changes who must cooperate (or be robbed); it does not change what the key opens once
 * recombined, and recombining puts the whole key back in one place at every use.
 * @module
 */
import { generateHpkeKeyPair } from '@/lib/crypto/hpke';
import type { RandomSource } from '@/lib/crypto/random';
import { splitShamir, splitXor } from '@/lib/crypto/secret-sharing';
import type { EscrowPolicy } from './device';
import { MINUTES_PER_DAY, assertSimTime, type SimTime } from './sim-time';

/** The four custody arrangements. */
export type EscrowVariant = 'single' | 'xor-2-of-2' | 'shamir' | 'two-governments';

/** How to switch escrow on. Every field has a default. */
export interface EscrowOptions {
  /** Default `'single'`. */
  readonly variant?: EscrowVariant;
  /** Messages sent at or after this minute are escrowed. Default 0 (from the start). */
  readonly enabledAt?: SimTime;
  /** Escrow epoch length per (conversation, sender). Default 14 days. */
  readonly epochMinutes?: number;
  /** For `shamir`: how many shares, how many needed. Default 3-of-5. */
  readonly shamir?: { readonly shares: number; readonly threshold: number };
}

/** An authority messages are escrowed to: the holder of a public key in every envelope. */
export interface EscrowAuthority {
  readonly id: string;
  readonly name: string;
  readonly publicKey: Uint8Array;
}

/** What kind of piece of an authority's secret key an agency keeps. */
export type EscrowKeyPieceKind = 'whole-key' | 'xor-half' | 'shamir-share';

/** One agency's holding: the whole secret key, or one half or share of it. */
export interface EscrowKeyPiece {
  readonly agencyId: string;
  readonly agencyName: string;
  /** Whose secret key this is (a piece of). */
  readonly authorityId: string;
  readonly kind: EscrowKeyPieceKind;
  readonly bytes: Uint8Array;
}

/** The escrow arrangement of a world. The whole secret of a split key is not kept anywhere. */
export interface EscrowSetup {
  readonly variant: EscrowVariant;
  readonly enabledAt: SimTime;
  readonly epochMinutes: number;
  readonly authorities: readonly EscrowAuthority[];
  readonly pieces: readonly EscrowKeyPiece[];
  /** Pieces of one authority's key needed to rebuild it: 1 (whole), 2 (XOR), k (Shamir). */
  readonly piecesNeeded: number;
}

/** An escrow secret key in someone's hands: the authority's own, or a thief's. */
export interface EscrowSecretKey {
  readonly authorityId: string;
  readonly secretKey: Uint8Array;
  /** How it was obtained, for display: "recombined by 3 agencies", "phished from an administrator". */
  readonly how: string;
}

/**
 * Default epoch length: two weeks of simulated time. Each epoch costs the authority (or the thief)
 * one HPKE open per (conversation, sender), about 2 ms of X25519; two weeks keeps that to a few
 * dozen opens in a 30-day world while still showing rotation.
 */
const DEFAULT_ESCROW_EPOCH_MINUTES = 14 * MINUTES_PER_DAY;

const SHAMIR_AGENCY_NAMES = [
  'Ministry of Justice',
  'Data Protection Authority',
  'Supreme Court Registry',
  'Parliamentary Oversight Committee',
  'Telecoms Regulator',
  'National Audit Office',
  'Ombudsman',
];

/**
 * Creates the authorities' key pairs from `random` and hands out the pieces. Async because the
 * Shamir library is; Shamir shares use the platform CSPRNG internally, so they differ between runs
 * even with a seeded `random` (the key they rebuild does not).
 */
export async function createEscrowSetup(options: EscrowOptions, random: RandomSource): Promise<EscrowSetup> {
  const variant = options.variant ?? 'single';
  const enabledAt = assertSimTime(options.enabledAt ?? 0, 'escrow enabledAt');
  const epochMinutes = options.epochMinutes ?? DEFAULT_ESCROW_EPOCH_MINUTES;
  if (!Number.isSafeInteger(epochMinutes) || epochMinutes < 1)
    throw new RangeError(`escrow epochMinutes must be a positive integer, got ${epochMinutes}`);
  const base = { variant, enabledAt, epochMinutes };
  switch (variant) {
    case 'single': {
      const pair = generateHpkeKeyPair(random);
      return {
        ...base,
        authorities: [{ id: 'escrow-authority', name: 'Exceptional Access Authority', publicKey: pair.publicKey }],
        pieces: [
          {
            agencyId: 'key-escrow-agency',
            agencyName: 'Key Escrow Agency',
            authorityId: 'escrow-authority',
            kind: 'whole-key',
            bytes: pair.secretKey,
          },
        ],
        piecesNeeded: 1,
      };
    }
    case 'xor-2-of-2': {
      const pair = generateHpkeKeyPair(random);
      const [ku1, ku2] = splitXor(pair.secretKey, random);
      return {
        ...base,
        authorities: [{ id: 'escrow-authority', name: 'Exceptional Access Authority', publicKey: pair.publicKey }],
        pieces: [
          {
            agencyId: 'nist',
            agencyName: 'NIST (escrow agent 1)',
            authorityId: 'escrow-authority',
            kind: 'xor-half',
            bytes: ku1,
          },
          {
            agencyId: 'treasury',
            agencyName: 'Treasury (escrow agent 2)',
            authorityId: 'escrow-authority',
            kind: 'xor-half',
            bytes: ku2,
          },
        ],
        piecesNeeded: 2,
      };
    }
    case 'shamir': {
      const { shares, threshold } = options.shamir ?? { shares: 5, threshold: 3 };
      const pair = generateHpkeKeyPair(random);
      const split = await splitShamir(pair.secretKey, shares, threshold);
      return {
        ...base,
        authorities: [{ id: 'escrow-authority', name: 'Exceptional Access Authority', publicKey: pair.publicKey }],
        pieces: split.map((bytes, i) => ({
          agencyId: `agency-${i + 1}`,
          agencyName: SHAMIR_AGENCY_NAMES[i] ?? `Agency ${i + 1}`,
          authorityId: 'escrow-authority',
          kind: 'shamir-share' as const,
          bytes,
        })),
        piecesNeeded: threshold,
      };
    }
    case 'two-governments': {
      const north = generateHpkeKeyPair(random);
      const south = generateHpkeKeyPair(random);
      return {
        ...base,
        authorities: [
          { id: 'northland', name: 'Government of Northland', publicKey: north.publicKey },
          { id: 'southland', name: 'Government of Southland', publicKey: south.publicKey },
        ],
        pieces: [
          {
            agencyId: 'northland-agency',
            agencyName: 'Northland Lawful Access Office',
            authorityId: 'northland',
            kind: 'whole-key',
            bytes: north.secretKey,
          },
          {
            agencyId: 'southland-agency',
            agencyName: 'Southland Interception Bureau',
            authorityId: 'southland',
            kind: 'whole-key',
            bytes: south.secretKey,
          },
        ],
        piecesNeeded: 1,
      };
    }
  }
}

/** The rule every client follows under this setup: when escrow starts, epoch length, keys to seal to. */
export function escrowPolicyOf(setup: EscrowSetup): EscrowPolicy {
  return {
    enabledAt: setup.enabledAt,
    epochMinutes: setup.epochMinutes,
    recipients: setup.authorities.map((a) => ({ authorityId: a.id, publicKey: a.publicKey })),
  };
}
