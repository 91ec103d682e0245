/**
 * Sealing and opening a message body under its traffic key: the 32-byte key that, with the header,
 * decides everything about the AEAD. This is also exactly the value escrow hands to the authority.
 *
 * - `static` mode: the traffic key is the conversation key; the nonce is direction (4 bytes: 0 when
 *   the sender's id sorts before the recipient's, else 1) ‖ counter (8 bytes), so the two
 *   directions never share a nonce under the one key (RFC 8439 §4: a nonce must not repeat).
 * - `ratchet` mode: the traffic key is the Double Ratchet message key mk; AEAD key and nonce come
 *   from HKDF-SHA256(mk, salt = 32 zero bytes, info = "backdoor-lab ratchet message v1", 44 bytes),
 *   as the Double Ratchet spec §5.2 recommends for ENCRYPT (there with AES-CBC + HMAC; here with
 *   ChaCha20-Poly1305, whose tag does the authenticating).
 *
 * In both modes the associated data is the canonical header encoding.
 * @module
 */
import { open, seal } from '@/lib/crypto/aead';
import { concatBytes, i2osp, utf8ToBytes } from '@/lib/crypto/bytes';
import { hkdfExpand, hkdfExtractWith } from '@/lib/crypto/hkdf';
import { hmacSha256Key } from '@/lib/crypto/hmac-sha256';
import type { EnvelopeHeader } from './envelope-header';

/** HKDF `info` label for ratchet message keys; exercises hand it to learners as text. */
export const RATCHET_MESSAGE_INFO_LABEL = 'backdoor-lab ratchet message v1';
const RATCHET_MESSAGE_INFO = utf8ToBytes(RATCHET_MESSAGE_INFO_LABEL);
/** The all-zero salt, prepared as an HMAC key once: every ratchet message's HKDF-Extract uses it. */
const ZERO_SALT = hmacSha256Key(new Uint8Array(32));

/** The AEAD key and nonce a traffic key yields for a given header. */
export interface AeadKeyAndNonce {
  readonly key: Uint8Array;
  readonly nonce: Uint8Array;
}

/** Derives the ChaCha20-Poly1305 key and nonce for `header` from its traffic key (see module notes). */
export function aeadKeyAndNonce(header: EnvelopeHeader, trafficKey: Uint8Array): AeadKeyAndNonce {
  if (header.mode === 'static') {
    const direction = header.sender < header.recipient ? 0 : 1;
    return { key: trafficKey, nonce: concatBytes(i2osp(direction, 4), i2osp(header.counter, 8)) };
  }
  const okm = hkdfExpand(hkdfExtractWith(ZERO_SALT, trafficKey), RATCHET_MESSAGE_INFO, 44);
  return { key: okm.subarray(0, 32), nonce: okm.subarray(32, 44) };
}

/** Encrypts `plaintext` for `header` under `trafficKey`; aad = `headerBytes` (the encoded header). */
export function sealMessage(
  header: EnvelopeHeader,
  headerBytes: Uint8Array,
  trafficKey: Uint8Array,
  plaintext: Uint8Array,
): Uint8Array {
  const { key, nonce } = aeadKeyAndNonce(header, trafficKey);
  return seal({ algorithm: 'chacha20-poly1305', key, nonce, plaintext, aad: headerBytes });
}

/** Decrypts; throws `AeadOpenError` (lib/crypto/aead) if any header byte, ciphertext byte or the key is wrong. */
export function openMessage(
  header: EnvelopeHeader,
  headerBytes: Uint8Array,
  trafficKey: Uint8Array,
  ciphertext: Uint8Array,
): Uint8Array {
  const { key, nonce } = aeadKeyAndNonce(header, trafficKey);
  return open({ algorithm: 'chacha20-poly1305', key, nonce, sealed: ciphertext, aad: headerBytes });
}
