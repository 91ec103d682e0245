/**
 * The escrow ("exceptional access") mechanism: how a message's traffic key also reaches the escrow
 * authority.
 *
 * Design: per (conversation, sender) the sender's device draws a random 32-byte **epoch key** and
 * seals it once with HPKE (RFC 9180 base mode) to each escrow authority's public key. HPKE
 * `info = "backdoor-lab escrow v1" ‖ epoch header` and `aad = epoch header` bind the sealed key to
 * this conversation, sender, recipient and epoch (RFC 9180 §8.1 leaves binding to the application).
 * The sealed blob rides in every envelope of the epoch. Each message's traffic key is then wrapped
 * with ChaCha20-Poly1305 under a per-message **wrap key** taken from a one-way chain seeded by the
 * epoch key (the same KDF_CK as the Double Ratchet), with the message header as associated data.
 *
 * Why: one HPKE open costs two X25519 operations (about 1-2 ms); a wrap costs microseconds. The
 * authority (or whoever steals its key) opens each epoch once, caches the epoch key, and walks the
 * chain, so 10,000 messages cost a few dozen HPKE opens, not 10,000. The chain (rather than using
 * the epoch key directly) means the sender's device holds only the *current* chain key: stealing the
 * phone does not unwrap messages the phone already escrowed in this epoch. It does unwrap the ones
 * it will escrow until the epoch rotates, which is how escrow also blunts post-compromise healing.
 * @module
 */
import { open as aeadOpen, seal as aeadSeal } from '@/lib/crypto/aead';
import { concatBytes, i2osp, utf8ToBytes } from '@/lib/crypto/bytes';
import { openBase, openBaseWith, sealBaseSteps } from '@/lib/crypto/hpke';
import { runX25519Sync, type X25519Engine, type X25519Steps } from '@/lib/crypto/x25519-platform';
import type { RandomSource } from '@/lib/crypto/random';
import { kdfChainKey } from './chain-kdf';
import type { ParticipantId } from './participant';
import type { SimTime } from './sim-time';

/** The label prefixed to the epoch header to form the HPKE `info`. */
export const ESCROW_INFO_LABEL = 'backdoor-lab escrow v1';

/** What an escrow epoch is about; encoded, it is the HPKE aad and (after the label) the HPKE info. */
export interface EscrowEpochHeader {
  readonly conversationId: string;
  readonly sender: ParticipantId;
  readonly recipient: ParticipantId;
  /** 0, 1, 2, ... per (conversation, sender). */
  readonly epoch: number;
  /** Simulated time of the epoch's first message. */
  readonly startedAt: SimTime;
  /** Envelope counter of the epoch's first message; a message's chain position is counter - firstCounter. */
  readonly firstCounter: number;
}

/** A public key messages are escrowed to, named by the authority that holds (or shares) its secret. */
export interface EscrowRecipientKey {
  readonly authorityId: string;
  readonly publicKey: Uint8Array;
}

/** The epoch key sealed with HPKE to one authority. */
export interface EscrowSeal {
  readonly authorityId: string;
  /** HPKE encapsulated key (the ephemeral public key, RFC 9180 §4.1). */
  readonly enc: Uint8Array;
  /** HPKE ciphertext of the 32-byte epoch key (48 bytes with the tag). */
  readonly ciphertext: Uint8Array;
}

/** What every envelope of an epoch carries: the epoch header and one seal per authority. */
export interface EscrowEpochBlob {
  readonly header: EscrowEpochHeader;
  readonly seals: readonly EscrowSeal[];
}

/** Where a holder of an epoch's chain stands: the chain key that yields the wrap key for `position`. */
export interface EscrowChainCursor {
  readonly chainKey: Uint8Array;
  readonly position: number;
}

/** The envelope carries no seal for the authority whose key was tried. */
export class EscrowSealMissingError extends Error {
  override readonly name = 'EscrowSealMissingError';
}

function str(value: string): Uint8Array {
  const bytes = utf8ToBytes(value);
  if (bytes.length === 0 || bytes.length > 255)
    throw new RangeError('escrow epoch header: strings must be 1-255 bytes');
  return concatBytes(Uint8Array.of(bytes.length), bytes);
}

/** Canonical bytes of an epoch header: "BLE" | 1 | sender | recipient | conversationId | epoch u32 | startedAt u48 | firstCounter u32. */
export function encodeEscrowEpochHeader(header: EscrowEpochHeader): Uint8Array {
  return concatBytes(
    utf8ToBytes('BLE'),
    Uint8Array.of(1),
    str(header.sender),
    str(header.recipient),
    str(header.conversationId),
    i2osp(header.epoch, 4),
    i2osp(header.startedAt, 6),
    i2osp(header.firstCounter, 4),
  );
}

/** HPKE info for an epoch: the label followed by the encoded epoch header. */
export function escrowHpkeInfo(epochHeaderBytes: Uint8Array): Uint8Array {
  return concatBytes(utf8ToBytes(ESCROW_INFO_LABEL), epochHeaderBytes);
}

/** Seals `epochKey` once to each authority key (HPKE SetupBaseS + Seal, RFC 9180 §6.1). */
export function sealEscrowEpoch(
  header: EscrowEpochHeader,
  epochKey: Uint8Array,
  recipients: readonly EscrowRecipientKey[],
  random: RandomSource,
): EscrowEpochBlob {
  return runX25519Sync(sealEscrowEpochSteps(header, epochKey, recipients, random));
}

/** {@link sealEscrowEpoch} as a computation that asks for its X25519 operations (x25519-platform.ts). */
export function* sealEscrowEpochSteps(
  header: EscrowEpochHeader,
  epochKey: Uint8Array,
  recipients: readonly EscrowRecipientKey[],
  random: RandomSource,
): X25519Steps<EscrowEpochBlob> {
  const headerBytes = encodeEscrowEpochHeader(header);
  const info = escrowHpkeInfo(headerBytes);
  const seals: EscrowSeal[] = [];
  for (const r of recipients) {
    const sealed = (yield* sealBaseSteps(r.publicKey, info, headerBytes, epochKey, { random })).result;
    seals.push({ authorityId: r.authorityId, enc: sealed.enc, ciphertext: sealed.ciphertext });
  }
  return { header, seals };
}

/**
 * Opens the epoch key with an authority's secret key (HPKE SetupBaseR + Open). Throws
 * {@link EscrowSealMissingError} if the blob has no seal for that authority and
 * `AeadOpenError` if the seal or its header was altered or the key is wrong.
 */
export function openEscrowEpoch(
  blob: EscrowEpochBlob,
  authorityId: string,
  authoritySecretKey: Uint8Array,
  authorityPublicKey?: Uint8Array,
): Uint8Array {
  const { sealed, info, aad } = sealFor(blob, authorityId);
  // With the public key given (bulk decryption), each open costs one X25519 instead of two.
  return openBase(sealed, authoritySecretKey, info, aad, authorityPublicKey);
}

/** The authority's seal in `blob`, with the HPKE info and aad it was sealed under (the epoch header). */
function sealFor(
  blob: EscrowEpochBlob,
  authorityId: string,
): { sealed: { enc: Uint8Array; ciphertext: Uint8Array }; info: Uint8Array; aad: Uint8Array } {
  const seal = blob.seals.find((s) => s.authorityId === authorityId);
  if (!seal) throw new EscrowSealMissingError(`this envelope's escrow blob has no seal for authority '${authorityId}'`);
  const headerBytes = encodeEscrowEpochHeader(blob.header);
  return {
    sealed: { enc: seal.enc, ciphertext: seal.ciphertext },
    info: escrowHpkeInfo(headerBytes),
    aad: headerBytes,
  };
}

/** {@link openEscrowEpoch} with `x25519` doing the HPKE Decap DH (many epochs opened at once, ahead of a bulk run). */
export async function openEscrowEpochWith(
  blob: EscrowEpochBlob,
  authorityId: string,
  authoritySecretKey: Uint8Array,
  authorityPublicKey: Uint8Array | undefined,
  x25519: X25519Engine,
): Promise<Uint8Array> {
  const { sealed, info, aad } = sealFor(blob, authorityId);
  return openBaseWith(sealed, authoritySecretKey, info, aad, authorityPublicKey, x25519);
}

/** The chain cursor at the start of an epoch (position 0 is the epoch key itself). */
export function startEscrowChain(epochKey: Uint8Array): EscrowChainCursor {
  return { chainKey: epochKey, position: 0 };
}

/**
 * Walks the chain from `cursor` to `position` and returns the wrap key there plus the cursor after
 * it. A chain only runs forward: a cursor past `position` cannot produce its key (RangeError).
 */
export function escrowWrapKeyAt(
  cursor: EscrowChainCursor,
  position: number,
): { wrapKey: Uint8Array; next: EscrowChainCursor } {
  if (!Number.isInteger(position) || position < cursor.position) {
    throw new RangeError(
      `escrow chain is at position ${cursor.position}; position ${position} is behind it (its key was deleted)`,
    );
  }
  let chainKey = cursor.chainKey;
  for (let p = cursor.position; p < position; p++) chainKey = kdfChainKey(chainKey).nextChainKey;
  const step = kdfChainKey(chainKey);
  return { wrapKey: step.messageKey, next: { chainKey: step.nextChainKey, position: position + 1 } };
}

function wrapNonce(counter: number): Uint8Array {
  return i2osp(counter, 12);
}

/** Wraps a 32-byte traffic key under a wrap key; `headerBytes` (the envelope header) is the aad. */
export function wrapTrafficKey(
  wrapKey: Uint8Array,
  counter: number,
  headerBytes: Uint8Array,
  trafficKey: Uint8Array,
): Uint8Array {
  return aeadSeal({
    algorithm: 'chacha20-poly1305',
    key: wrapKey,
    nonce: wrapNonce(counter),
    plaintext: trafficKey,
    aad: headerBytes,
  });
}

/** Unwraps a traffic key; throws `AeadOpenError` when the wrap, the header or the key is wrong. */
export function unwrapTrafficKey(
  wrapKey: Uint8Array,
  counter: number,
  headerBytes: Uint8Array,
  wrapped: Uint8Array,
): Uint8Array {
  return aeadOpen({
    algorithm: 'chacha20-poly1305',
    key: wrapKey,
    nonce: wrapNonce(counter),
    sealed: wrapped,
    aad: headerBytes,
  });
}
