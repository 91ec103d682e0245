/**
 * The contract's `escrow` field: the lab's {@link EnvelopeEscrow} (the epoch's sealed epoch key and
 * this message's wrapped traffic key, escrow-epoch.ts) as one byte string. The epoch header keeps
 * its canonical encoding (`encodeEscrowEpochHeader`, which is also the HPKE aad), so what travels
 * is exactly what was sealed.
 *
 * ```
 * headerLength u16 | epoch header | sealCount u8 | (authorityId str | enc 32 | ciphertext 48)* | wrappedKey 48
 * ```
 * @module
 */
import { bytesToUtf8OrNull, concatBytes, i2osp, utf8ToBytes } from '@/lib/crypto/bytes';
import type { EnvelopeEscrow } from '@/lib/protocol/envelope';
import { encodeEscrowEpochHeader, type EscrowEpochHeader, type EscrowSeal } from '@/lib/protocol/escrow-epoch';

/** HPKE enc (an X25519 public key) and the sealed 32-byte epoch key with its 16-byte tag. */
const ENC_BYTES = 32;
const SEALED_EPOCH_KEY_BYTES = 48;
/** A 32-byte traffic key under ChaCha20-Poly1305: 32 + 16. */
const WRAPPED_KEY_BYTES = 48;

/** Bytes that are not an escrow field. */
export class EscrowFieldError extends Error {
  override readonly name = 'EscrowFieldError';
}

function str(value: string): Uint8Array {
  const bytes = utf8ToBytes(value);
  if (bytes.length === 0 || bytes.length > 255) throw new RangeError('escrow field: strings must be 1-255 bytes');
  return concatBytes(Uint8Array.of(bytes.length), bytes);
}

/** Encodes the escrow part of an envelope for the wire. */
export function encodeEscrowField(escrow: EnvelopeEscrow): Uint8Array {
  const header = encodeEscrowEpochHeader(escrow.epochBlob.header);
  const seals = escrow.epochBlob.seals.map((s) => {
    if (s.enc.length !== ENC_BYTES || s.ciphertext.length !== SEALED_EPOCH_KEY_BYTES)
      throw new RangeError('escrow field: a seal has the wrong size');
    return concatBytes(str(s.authorityId), s.enc, s.ciphertext);
  });
  if (escrow.wrappedKey.length !== WRAPPED_KEY_BYTES)
    throw new RangeError('escrow field: wrapped key must be 48 bytes');
  return concatBytes(i2osp(header.length, 2), header, Uint8Array.of(seals.length), ...seals, escrow.wrappedKey);
}

class Reader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}
  take(length: number, what: string): Uint8Array {
    if (this.offset + length > this.bytes.length)
      throw new EscrowFieldError(`escrow field ends early while reading ${what}`);
    const out = this.bytes.slice(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
  uint(length: number, what: string): number {
    return this.take(length, what).reduce((acc, b) => acc * 256 + b, 0);
  }
  string(what: string): string {
    const length = this.uint(1, `${what} length`);
    if (length === 0) throw new EscrowFieldError(`escrow field: ${what} is empty`);
    const text = bytesToUtf8OrNull(this.take(length, what));
    if (text === null) throw new EscrowFieldError(`escrow field: ${what} is not UTF-8`);
    return text;
  }
  done(): void {
    if (this.offset !== this.bytes.length) throw new EscrowFieldError('escrow field has trailing bytes');
  }
}

/** Decodes an epoch header; strict: it must re-encode to the same bytes (it is the HPKE aad). */
function decodeEpochHeader(bytes: Uint8Array): EscrowEpochHeader {
  const r = new Reader(bytes);
  const magic = bytesToUtf8OrNull(r.take(3, 'magic'));
  if (magic !== 'BLE' || r.uint(1, 'version') !== 1) throw new EscrowFieldError('escrow field: not an epoch header');
  const header: EscrowEpochHeader = {
    sender: r.string('sender'),
    recipient: r.string('recipient'),
    conversationId: r.string('conversation id'),
    epoch: r.uint(4, 'epoch'),
    startedAt: r.uint(6, 'startedAt'),
    firstCounter: r.uint(4, 'firstCounter'),
  };
  r.done();
  return header;
}

/** Decodes the wire form back into the lab's {@link EnvelopeEscrow}; throws {@link EscrowFieldError}. */
export function decodeEscrowField(bytes: Uint8Array): EnvelopeEscrow {
  const r = new Reader(bytes);
  const header = decodeEpochHeader(r.take(r.uint(2, 'header length'), 'epoch header'));
  const count = r.uint(1, 'seal count');
  const seals: EscrowSeal[] = [];
  for (let i = 0; i < count; i++) {
    seals.push({
      authorityId: r.string('authority id'),
      enc: r.take(ENC_BYTES, 'seal enc'),
      ciphertext: r.take(SEALED_EPOCH_KEY_BYTES, 'sealed epoch key'),
    });
  }
  const wrappedKey = r.take(WRAPPED_KEY_BYTES, 'wrapped key');
  r.done();
  return { epochBlob: { header, seals }, wrappedKey };
}
