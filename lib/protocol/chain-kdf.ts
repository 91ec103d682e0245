/**
 * The symmetric-key ratchet step of the Double Ratchet (Perrin & Marlinspike, "The Double Ratchet
 * Algorithm", rev. 1, 2016, §5.2 recommendation for KDF_CK): HMAC-SHA256 keyed with the chain key,
 * over the single byte 0x01 for the message key and 0x02 for the next chain key. It is one-way:
 * holding a chain key gives every later key in the chain and none of the earlier ones, which is
 * what lets a device delete used keys and keep forward secrecy.
 * @module
 */
import { hmacSha256Key, hmacSha256With } from '@/lib/crypto/hmac-sha256';

const MESSAGE_KEY_CONSTANT = Uint8Array.of(0x01);
const CHAIN_KEY_CONSTANT = Uint8Array.of(0x02);

/** One KDF_CK step: the message key for this position and the chain key for the next. */
export interface ChainStep {
  readonly messageKey: Uint8Array;
  readonly nextChainKey: Uint8Array;
}

/** KDF_CK(ck) = (HMAC(ck, 0x01), HMAC(ck, 0x02)) per the Double Ratchet spec §5.2. */
export function kdfChainKey(chainKey: Uint8Array): ChainStep {
  const key = hmacSha256Key(chainKey); // keyed once for both MACs
  return {
    messageKey: hmacSha256With(key, MESSAGE_KEY_CONSTANT),
    nextChainKey: hmacSha256With(key, CHAIN_KEY_CONSTANT),
  };
}
