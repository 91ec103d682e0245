import { describe, expect, it } from 'vitest';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { equalBytes } from './bytes';
import { seededRandom } from './random';
import { combinePartials, encapsulate, generateThresholdKey, partialDecrypt } from './threshold-kem';

describe('threshold KEM on ristretto255', () => {
  const keygen = generateThresholdKey(3, 2, seededRandom('tkem'));
  const sealed = encapsulate(keygen.publicKey, seededRandom('tkem-seal'));

  it('any 2 of 3 agencies recover the sealed key from their partials alone', () => {
    for (const pair of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const partials = pair.map((i) => partialDecrypt(keygen.shares[i]!, sealed.ephemeral));
      expect(equalBytes(combinePartials(partials, sealed.ephemeral, keygen.publicKey), sealed.key)).toBe(true);
    }
  });

  it('one agency alone gets a different key', () => {
    const one = [partialDecrypt(keygen.shares[0]!, sealed.ephemeral)];
    expect(equalBytes(combinePartials(one, sealed.ephemeral, keygen.publicKey), sealed.key)).toBe(false);
  });

  it('no share is the secret of the public key (the joint secret is never a share)', () => {
    const P = ristretto255.Point;
    for (const s of keygen.shares) {
      const pub = P.BASE.multiply(P.Fn.fromBytes(s.scalar)).toBytes();
      expect(equalBytes(pub, keygen.publicKey)).toBe(false);
    }
  });

  it('refuses a bad threshold and a repeated agency', () => {
    expect(() => generateThresholdKey(2, 3, seededRandom('x'))).toThrow(RangeError);
    const p = partialDecrypt(keygen.shares[0]!, sealed.ephemeral);
    expect(() => combinePartials([p, p], sealed.ephemeral, keygen.publicKey)).toThrow(RangeError);
  });
});
