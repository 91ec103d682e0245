/**
 * The X25519 public keys that make the "shared secret" all zeros whatever the secret key: the five
 * canonical u-coordinates of points whose order divides the curve's cofactor 8. RFC 7748 §5 clears
 * the three low bits of every secret key, so it is a multiple of 8 and sends each of these points to
 * the point at infinity, encoded as 32 zero bytes; RFC 7748 §6.1 lets an implementation check for that
 * result and abort, and §7 explains why. The same five are noble's and libsodium's blocklist, and
 * Wycheproof's x25519_test.json lists each with an all-zero shared secret under the flag
 * LowOrderPublic (checked in low-order-points.test.ts). They are inputs a hostile peer could send,
 * not results: the lesson hands one to X25519 and shows the refusal it computes.
 * @module
 */
import { hexToBytes } from './bytes';

/** One low-order public key, named for the learner. */
export interface LowOrderPoint {
  /** How the lesson names it, e.g. "u = 0". */
  readonly name: string;
  /** Its 32-byte little-endian encoding (RFC 7748 §5). */
  readonly publicKey: Uint8Array;
}

/** The five canonical low-order u-coordinates of Curve25519, as 32-byte public keys. */
export const LOW_ORDER_POINTS: readonly LowOrderPoint[] = [
  { name: 'u = 0', publicKey: hexToBytes('0000000000000000000000000000000000000000000000000000000000000000') },
  { name: 'u = 1', publicKey: hexToBytes('0100000000000000000000000000000000000000000000000000000000000000') },
  { name: 'u = p − 1', publicKey: hexToBytes('ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f') },
  {
    name: 'a point of order 8 (e0eb…)',
    publicKey: hexToBytes('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800'),
  },
  {
    name: 'a point of order 8 (5f9c…)',
    publicKey: hexToBytes('5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157'),
  },
];
