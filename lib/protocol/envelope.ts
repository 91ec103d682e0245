/**
 * An envelope: what one message looks like on the wire. A clear-text header, the AEAD ciphertext of
 * the text (associated data = the encoded header), and, when escrow is on, the escrow blob of the
 * epoch plus this message's wrapped traffic key. Plain data only, so envelopes cross to a Web
 * Worker by structured clone unchanged.
 * @module
 */
import type { EnvelopeHeader } from './envelope-header';
import type { EscrowEpochBlob } from './escrow-epoch';

/** The escrow part of an envelope. */
export interface EnvelopeEscrow {
  /** The epoch's sealed epoch key (one HPKE seal per authority), repeated in every envelope of the epoch. */
  readonly epochBlob: EscrowEpochBlob;
  /** This message's traffic key, ChaCha20-Poly1305-wrapped under the epoch chain's wrap key (aad = header). */
  readonly wrappedKey: Uint8Array;
}

/** One message on the wire. */
export interface Envelope {
  readonly header: EnvelopeHeader;
  /** ChaCha20-Poly1305 ciphertext ‖ 16-byte tag of the UTF-8 text; aad = encodeHeader(header). */
  readonly ciphertext: Uint8Array;
  readonly escrow?: EnvelopeEscrow;
}
