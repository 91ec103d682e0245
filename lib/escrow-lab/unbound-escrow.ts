/**
 * DELIBERATELY BROKEN: the lab's escrow construction with its binding left out, for the lesson that
 * shows why the binding matters. Never use it for anything else.
 *
 * It is lib/protocol/escrow-epoch.ts with the header dropped from every place it is bound in:
 * HPKE `info` is the label alone and `aad` is empty (instead of label ‖ epoch header and the epoch
 * header), and the traffic-key wrap has no associated data (instead of the envelope header). The
 * field still carries an epoch header, but nothing checks it cryptographically: RFC 9180 §8.1
 * leaves binding to the application, and this application forgot. The result opens without
 * complaint wherever it is pasted.
 * @module
 */
import { open as aeadOpen, seal as aeadSeal } from '@/lib/crypto/aead';
import { i2osp, utf8ToBytes } from '@/lib/crypto/bytes';
import { openBase, sealBase } from '@/lib/crypto/hpke';
import type { RandomSource } from '@/lib/crypto/random';
import {
  ESCROW_INFO_LABEL,
  EscrowSealMissingError,
  type EscrowEpochBlob,
  type EscrowEpochHeader,
  type EscrowRecipientKey,
} from '@/lib/protocol/escrow-epoch';

/** The unbound HPKE info: the label and nothing about the epoch. */
const UNBOUND_HPKE_INFO: Uint8Array = utf8ToBytes(ESCROW_INFO_LABEL);

/** The unbound HPKE aad and wrap aad: nothing. */
const UNBOUND_AAD: Uint8Array = new Uint8Array(0);

/** Seals the epoch key to each authority with HPKE, binding nothing; `header` rides along unprotected. */
export function sealUnboundEscrowEpoch(
  header: EscrowEpochHeader,
  epochKey: Uint8Array,
  recipients: readonly EscrowRecipientKey[],
  random: RandomSource,
): EscrowEpochBlob {
  const seals = recipients.map((r) => {
    const sealed = sealBase(r.publicKey, UNBOUND_HPKE_INFO, UNBOUND_AAD, epochKey, { random }).result;
    return { authorityId: r.authorityId, enc: sealed.enc, ciphertext: sealed.ciphertext };
  });
  return { header, seals };
}

/** Opens an unbound seal. Succeeds for any blob sealed to this key, whatever header it now carries. */
export function openUnboundEscrowEpoch(
  blob: EscrowEpochBlob,
  authorityId: string,
  authoritySecretKey: Uint8Array,
): Uint8Array {
  const seal = blob.seals.find((s) => s.authorityId === authorityId);
  if (!seal) throw new EscrowSealMissingError(`this envelope's escrow blob has no seal for authority '${authorityId}'`);
  return openBase({ enc: seal.enc, ciphertext: seal.ciphertext }, authoritySecretKey, UNBOUND_HPKE_INFO, UNBOUND_AAD);
}

/** Wraps a traffic key with no associated data (the bound version uses the envelope header). */
export function wrapTrafficKeyUnbound(wrapKey: Uint8Array, counter: number, trafficKey: Uint8Array): Uint8Array {
  return aeadSeal({
    algorithm: 'chacha20-poly1305',
    key: wrapKey,
    nonce: i2osp(counter, 12),
    plaintext: trafficKey,
    aad: UNBOUND_AAD,
  });
}

/** Unwraps a traffic key wrapped without associated data. */
export function unwrapTrafficKeyUnbound(wrapKey: Uint8Array, counter: number, wrapped: Uint8Array): Uint8Array {
  return aeadOpen({
    algorithm: 'chacha20-poly1305',
    key: wrapKey,
    nonce: i2osp(counter, 12),
    sealed: wrapped,
    aad: UNBOUND_AAD,
  });
}
