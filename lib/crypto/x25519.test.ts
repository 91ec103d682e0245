import { x25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { BytesInputError, bytesToHex, hexToBytes } from './bytes';
import { csprng, seededRandom } from './random';
import { traceValue } from './trace';
import {
  generateKeyPair,
  publicKeyFromSecret,
  scalarMult,
  sharedSecret,
  sharedSecretTraced,
  X25519Error,
  X25519_KEY_BYTES,
} from './x25519';

const h = (hex: string) => hexToBytes(hex);

// RFC 7748 §6.1.
const ALICE_SK = h('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
const ALICE_PK = '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a';
const BOB_SK = h('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
const BOB_PK = 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f';
const SHARED = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';

describe('X25519, RFC 7748', () => {
  it('§6.1: Alice and Bob derive their public keys', () => {
    expect(bytesToHex(publicKeyFromSecret(ALICE_SK))).toBe(ALICE_PK);
    expect(bytesToHex(publicKeyFromSecret(BOB_SK))).toBe(BOB_PK);
  });

  it("public keys come from the ladder with the same bytes as noble's fixed-base getPublicKey", () => {
    const random = seededRandom('ladder-vs-table');
    for (let i = 0; i < 16; i++) {
      const secretKey = random.bytes(X25519_KEY_BYTES);
      expect(bytesToHex(publicKeyFromSecret(secretKey))).toBe(bytesToHex(x25519.getPublicKey(secretKey)));
    }
  });

  it('§6.1: both sides compute the same shared secret', () => {
    expect(bytesToHex(sharedSecret(ALICE_SK, h(BOB_PK)))).toBe(SHARED);
    expect(bytesToHex(sharedSecret(BOB_SK, h(ALICE_PK)))).toBe(SHARED);
  });

  it('§5.2: first scalar-multiplication vector', () => {
    const k = h('a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4');
    const u = h('e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c');
    expect(bytesToHex(scalarMult(k, u))).toBe('c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552');
  });

  it('§5.2: second scalar-multiplication vector (u has its top bit set, which must be masked)', () => {
    const k = h('4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d');
    const u = h('e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493');
    expect(bytesToHex(scalarMult(k, u))).toBe('95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957');
  });

  it('§5.2: iterated vector after 1 and 1,000 iterations (k = u = 9)', () => {
    let k: Uint8Array = new Uint8Array(32);
    k[0] = 9;
    let u: Uint8Array = k.slice();
    for (let i = 1; i <= 1000; i++) {
      const next = scalarMult(k, u);
      u = k;
      k = next;
      if (i === 1) expect(bytesToHex(k)).toBe('422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079');
    }
    expect(bytesToHex(k)).toBe('684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51');
  });
});

describe('X25519 input checks', () => {
  // Low-order u-coordinates (and non-canonical encodings of them): X25519 with any of these gives
  // the all-zero output, which RFC 7748 §6.1 lets (and we choose to) refuse.
  const lowOrder = {
    zero: '00'.repeat(32),
    one: '01' + '00'.repeat(31),
    'order 8': 'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
    'order 8 (other)': '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
    'p - 1': 'ec' + 'ff'.repeat(30) + '7f',
    'p (non-canonical zero)': 'ed' + 'ff'.repeat(30) + '7f',
    'zero with top bit set': '00'.repeat(31) + '80',
  };

  it('refuses low-order and all-zero public keys with X25519Error', () => {
    for (const [label, pk] of Object.entries(lowOrder)) {
      expect(() => sharedSecret(ALICE_SK, h(pk)), label).toThrow(X25519Error);
      expect(() => scalarMult(ALICE_SK, h(pk)), label).toThrow(X25519Error);
    }
    expect(() => sharedSecret(ALICE_SK, new Uint8Array(32))).toThrow(/low-order point/);
  });

  it('refuses wrong key lengths with a BytesInputError naming the key', () => {
    expect(() => sharedSecret(new Uint8Array(31), h(BOB_PK))).toThrow(
      new BytesInputError('X25519 secret key: expected 32 bytes, got 31'),
    );
    expect(() => sharedSecret(ALICE_SK, new Uint8Array(33))).toThrow(
      new BytesInputError('X25519 public key: expected 32 bytes, got 33'),
    );
    expect(() => publicKeyFromSecret(new Uint8Array(0))).toThrow(BytesInputError);
    expect(() => scalarMult(ALICE_SK, new Uint8Array(16))).toThrow(BytesInputError);
  });
});

describe('X25519 key generation and traces', () => {
  it('generates matching key pairs and records where the randomness came from', () => {
    const demo = generateKeyPair(seededRandom('kp'));
    expect(demo.randomness).toBe('demo');
    expect(demo.secretKey).toHaveLength(X25519_KEY_BYTES);
    expect(bytesToHex(demo.publicKey)).toBe(bytesToHex(publicKeyFromSecret(demo.secretKey)));
    expect(bytesToHex(generateKeyPair(seededRandom('kp')).secretKey)).toBe(bytesToHex(demo.secretKey));

    const real = generateKeyPair(csprng());
    expect(real.randomness).toBe('csprng');
    expect(generateKeyPair().randomness).toBe('csprng');
    expect(bytesToHex(sharedSecret(real.secretKey, demo.publicKey))).toBe(
      bytesToHex(sharedSecret(demo.secretKey, real.publicKey)),
    );
  });

  it('traces the peer key and the shared secret', () => {
    const { result, trace } = sharedSecretTraced(ALICE_SK, h(BOB_PK));
    expect(bytesToHex(result)).toBe(SHARED);
    expect(bytesToHex(traceValue(trace, 'peer_public_key'))).toBe(BOB_PK);
    expect(bytesToHex(traceValue(trace, 'shared_secret'))).toBe(SHARED);
  });
});
