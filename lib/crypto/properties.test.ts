/**
 * Properties over random inputs (fast-check): round trips, and that no single-bit change to a sealed
 * message or its context ever opens. Failures print the shrunk counterexample and the seed to replay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AEAD_PARAMS, AeadOpenError, type AeadAlgorithm, open, seal } from './aead';
import { base64ToBytes, bytesToBase64, bytesToHex, flipBit, hexToBytes } from './bytes';
import { deriveKeyPair, openBase, sealBase } from './hpke';

const ALGORITHMS: readonly AeadAlgorithm[] = ['chacha20-poly1305', 'xchacha20-poly1305', 'aes-256-gcm'];

const bytes = (minLength: number, maxLength: number) => fc.uint8Array({ minLength, maxLength });
const exactly = (length: number) => bytes(length, length);

/** A random message sealed under a random key, nonce and associated data. */
const sealedMessage = (algorithm: AeadAlgorithm) =>
  fc
    .record({
      key: exactly(AEAD_PARAMS[algorithm].keyBytes),
      nonce: exactly(AEAD_PARAMS[algorithm].nonceBytes),
      aad: bytes(0, 64),
      plaintext: bytes(0, 300),
    })
    .map((m) => ({ ...m, sealed: seal({ algorithm, ...m }) }));

describe('AEAD properties', () => {
  for (const algorithm of ALGORITHMS) {
    it(`${algorithm}: open(seal(x)) = x, and the sealed length is plaintext + 16`, () => {
      fc.assert(
        fc.property(sealedMessage(algorithm), ({ key, nonce, aad, plaintext, sealed }) => {
          expect(sealed.length).toBe(plaintext.length + 16);
          expect(bytesToHex(open({ algorithm, key, nonce, aad, sealed }))).toBe(bytesToHex(plaintext));
        }),
      );
    });

    it(`${algorithm}: flipping any one bit of ciphertext, tag, nonce or AAD is always rejected`, () => {
      const tampered = sealedMessage(algorithm).chain((m) => {
        // One index over the concatenation sealed ‖ nonce ‖ aad, so every bit of each is reachable.
        const bits = (m.sealed.length + m.nonce.length + m.aad.length) * 8;
        return fc.record({ m: fc.constant(m), bit: fc.integer({ min: 0, max: bits - 1 }) });
      });
      fc.assert(
        fc.property(tampered, ({ m, bit }) => {
          let sealed: Uint8Array = m.sealed;
          let nonce: Uint8Array = m.nonce;
          let aad: Uint8Array = m.aad;
          const sealedBits = sealed.length * 8;
          const nonceBits = nonce.length * 8;
          if (bit < sealedBits) sealed = flipBit(sealed, bit);
          else if (bit < sealedBits + nonceBits) nonce = flipBit(nonce, bit - sealedBits);
          else aad = flipBit(aad, bit - sealedBits - nonceBits);
          expect(() => open({ algorithm, key: m.key, nonce, aad, sealed })).toThrow(AeadOpenError);
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('HPKE property', () => {
  it('openBase(sealBase(pkR, info, aad, pt)) = pt for random keys, info, aad and plaintext', () => {
    fc.assert(
      fc.property(
        fc.record({ ikmR: exactly(32), ikmE: exactly(32), info: bytes(0, 64), aad: bytes(0, 64), pt: bytes(0, 200) }),
        ({ ikmR, ikmE, info, aad, pt }) => {
          const recipient = deriveKeyPair(ikmR);
          const { result } = sealBase(recipient.publicKey, info, aad, pt, { ephemeralIkm: ikmE });
          expect(result.ciphertext.length).toBe(pt.length + 16);
          expect(bytesToHex(openBase(result, recipient.secretKey, info, aad))).toBe(bytesToHex(pt));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('encoding properties', () => {
  it('hexToBytes(bytesToHex(x)) = x, also when shown upper-case with a 0x prefix and spaces', () => {
    fc.assert(
      fc.property(bytes(0, 200), (x) => {
        const hex = bytesToHex(x);
        expect(hex).toMatch(/^([0-9a-f]{2})*$/);
        expect(hexToBytes(hex)).toEqual(x);
        expect(hexToBytes(`0x${hex.toUpperCase().replace(/(..)/g, '$1 ')}`)).toEqual(x);
      }),
    );
  });

  it('base64ToBytes(bytesToBase64(x)) = x, matching node Buffer and accepting the URL-safe unpadded form', () => {
    fc.assert(
      fc.property(bytes(0, 200), (x) => {
        const b64 = bytesToBase64(x);
        expect(b64).toBe(Buffer.from(x).toString('base64'));
        expect(base64ToBytes(b64)).toEqual(x);
        expect(base64ToBytes(Buffer.from(x).toString('base64url'))).toEqual(x);
      }),
    );
  });
});
