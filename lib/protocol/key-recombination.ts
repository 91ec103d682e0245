/**
 * Putting an escrow secret key back together from the agencies' pieces, and the one way a stolen
 * piece is damaged. The only implementation of both: the thief's loot (capability.ts), the
 * authority acting on a warrant, and the escrow lesson's split keys (lib/scenarios/split-custody.ts)
 * all recombine here, so what a page shows as a damaged piece is the piece the recombination used.
 *
 * Neither XOR nor Shamir can tell a bad piece (lib/crypto/secret-sharing.ts): a wrong piece just
 * gives a wrong key. So every recombination is checked against the authority's public key
 * (X25519(candidate, 9) = public key?, RFC 7748 §6.1) before anyone calls it the key.
 * @module
 */
import { bytesToHex, equalBytes, xorBytes } from '@/lib/crypto/bytes';
import { RECOMBINED_KEY_CHECK, combineShamir } from '@/lib/crypto/secret-sharing';
import { publicKeyFromSecret } from '@/lib/crypto/x25519';
import type { EscrowAuthority, EscrowKeyPiece, EscrowSecretKey, EscrowSetup } from './escrow-setup';

/** The check's name when the pieces could not even be combined (too few Shamir shares, a library refusal). */
export const SHARES_NOT_COMBINED_CHECK = 'shares could not be combined' as const;

/** What recombining some pieces gave, and whether it is the key. Plain data (crosses to a worker). */
export interface KeyRecombination {
  /** The recombined value, or null if nothing could be combined (see `combineError`). */
  readonly candidate: Uint8Array | null;
  /** X25519(candidate, 9), or null without a 32-byte candidate. */
  readonly candidatePublicKey: Uint8Array | null;
  readonly combineError: string | null;
  /** The named check and whether it passed, with a sentence saying what it found. */
  readonly check: { readonly name: typeof RECOMBINED_KEY_CHECK; readonly passed: boolean; readonly message: string };
}

/** The outcome of rebuilding an authority's key from pieces. Plain data (crosses to a worker). */
export type EscrowKeyRecovery =
  | { readonly ok: true; readonly key: EscrowSecretKey }
  | {
      readonly ok: false;
      readonly authorityId: string;
      readonly reason: 'not-enough-pieces' | 'check-failed';
      /** For `check-failed`: the check that failed ({@link RECOMBINED_KEY_CHECK} or {@link SHARES_NOT_COMBINED_CHECK}). */
      readonly check?: string;
      readonly message: string;
    };

/**
 * A damaged copy of a piece: one flipped bit in byte 1 (a y-value for Shamir, key bits for XOR or
 * a whole key). Not byte 0, whose low bits X25519 clamps away (RFC 7748 §5), so flipping them could
 * change nothing. The original is left as it was.
 */
export function damageKeyPiece(piece: EscrowKeyPiece): EscrowKeyPiece {
  const bytes = piece.bytes.slice();
  bytes[1] = bytes[1]! ^ 0x01;
  return { ...piece, bytes };
}

/** The copies taken from `agencies` (in setup order), those of the agencies in `corrupt` damaged. */
export function takeKeyPieces(
  pieces: readonly EscrowKeyPiece[],
  agencies: readonly string[],
  corrupt: readonly string[] = [],
): EscrowKeyPiece[] {
  return pieces
    .filter((p) => agencies.includes(p.agencyId))
    .map((p) => (corrupt.includes(p.agencyId) ? damageKeyPiece(p) : p));
}

async function combinePieces(
  pieces: readonly EscrowKeyPiece[],
): Promise<{ candidate: Uint8Array | null; combineError: string | null }> {
  if (pieces.length === 0) return { candidate: null, combineError: 'No pieces: there is nothing to recombine.' };
  const kind = pieces[0]!.kind;
  if (pieces.some((p) => p.kind !== kind))
    return { candidate: null, combineError: 'The pieces are of different kinds: they cannot be combined.' };
  // A whole key needs no combining; XOR of one component is that component (the check then fails).
  if (kind === 'whole-key') return { candidate: pieces[0]!.bytes, combineError: null };
  if (kind === 'xor-half')
    return {
      candidate: pieces.reduce<Uint8Array>((acc, p) => xorBytes(acc, p.bytes), new Uint8Array(32)),
      combineError: null,
    };
  if (pieces.length < 2)
    return {
      candidate: null,
      combineError: 'One share is one point: Shamir interpolation needs at least two, so there is nothing to combine.',
    };
  try {
    return { candidate: await combineShamir(pieces.map((p) => p.bytes)), combineError: null };
  } catch (e) {
    return {
      candidate: null,
      combineError: `The shares could not be combined: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/**
 * Recombines `pieces` (all of `authority`'s key, all of one kind) whatever their number, and checks
 * the result against the authority's public key. Below the threshold it still combines what it can
 * (a wrong value), so that "the check fails" is shown, not assumed.
 */
export async function recombineKeyPieces(
  authority: EscrowAuthority,
  pieces: readonly EscrowKeyPiece[],
): Promise<KeyRecombination> {
  const { candidate, combineError } = await combinePieces(pieces);
  const candidatePublicKey = candidate && candidate.length === 32 ? publicKeyFromSecret(candidate) : null;
  const passed = candidatePublicKey !== null && equalBytes(candidatePublicKey, authority.publicKey);
  const message = passed
    ? 'The recombined key produces the escrow public key: it is the escrow secret key.'
    : candidatePublicKey
      ? `The recombined value produces ${bytesToHex(candidatePublicKey).slice(0, 16)}…, not the escrow public key ${bytesToHex(authority.publicKey).slice(0, 16)}…: not the key.`
      : (combineError ?? 'Recombining gave no 32-byte key.');
  return { candidate, candidatePublicKey, combineError, check: { name: RECOMBINED_KEY_CHECK, passed, message } };
}

/**
 * Rebuilds `authorityId`'s secret key from `pieces` (any mix; pieces of other authorities are
 * ignored): with fewer distinct agencies than the setup needs, nothing is tried (each piece alone
 * is random); otherwise {@link recombineKeyPieces} and its check decide. Used by the authority
 * acting on a warrant and by a thief with stolen pieces alike.
 */
export async function recoverEscrowSecretKey(
  setup: EscrowSetup,
  authorityId: string,
  pieces: readonly EscrowKeyPiece[],
  how: string,
): Promise<EscrowKeyRecovery> {
  const authority = setup.authorities.find((a) => a.id === authorityId);
  if (!authority)
    return {
      ok: false,
      authorityId,
      reason: 'not-enough-pieces',
      message: `no authority '${authorityId}' in this setup`,
    };
  const mine = pieces.filter((p) => p.authorityId === authorityId);
  const distinct = new Set(mine.map((p) => p.agencyId)).size;
  if (distinct < setup.piecesNeeded) {
    return {
      ok: false,
      authorityId,
      reason: 'not-enough-pieces',
      message: `${distinct} of the ${setup.piecesNeeded} pieces needed for ${authority.name}'s key: nothing can be rebuilt (each piece alone is random)`,
    };
  }
  const r = await recombineKeyPieces(authority, mine);
  if (r.check.passed && r.candidate) return { ok: true, key: { authorityId, secretKey: r.candidate, how } };
  return {
    ok: false,
    authorityId,
    reason: 'check-failed',
    check: r.combineError ? SHARES_NOT_COMBINED_CHECK : r.check.name,
    message: r.check.message,
  };
}
