import { describe, expect, it } from 'vitest';
import { bytesToHex, flipBit } from './bytes';
import { seededRandom } from './random';
import { generateKeyPair } from './x25519';
import {
  RECOMBINED_KEY_CHECK,
  SecretShareCheckError,
  combineShamir,
  combineXor,
  recoverX25519SecretFromShares,
  recoverX25519SecretFromXor,
  splitShamir,
  splitXor,
} from './secret-sharing';

const key = generateKeyPair(seededRandom('secret-sharing test'));

describe('2-of-2 XOR split', () => {
  it('recombines to the secret and needs both halves', () => {
    const [a, b] = splitXor(key.secretKey, seededRandom('xor'));
    expect(bytesToHex(combineXor(a, b))).toBe(bytesToHex(key.secretKey));
    // Neither half is the secret, and a half XOR anything but the other half is not the secret.
    expect(bytesToHex(a)).not.toBe(bytesToHex(key.secretKey));
    expect(bytesToHex(b)).not.toBe(bytesToHex(key.secretKey));
    const [c] = splitXor(key.secretKey, seededRandom('another split'));
    expect(bytesToHex(combineXor(a, c))).not.toBe(bytesToHex(key.secretKey));
    expect(() => recoverX25519SecretFromXor(a, c, key.publicKey)).toThrow(SecretShareCheckError);
    expect(bytesToHex(recoverX25519SecretFromXor(a, b, key.publicKey))).toBe(bytesToHex(key.secretKey));
  });

  it('is reproducible from a seeded source', () => {
    const first = splitXor(key.secretKey, seededRandom('s'));
    const second = splitXor(key.secretKey, seededRandom('s'));
    expect(bytesToHex(first[0])).toBe(bytesToHex(second[0]));
  });

  it('refuses halves of different lengths with a named check', () => {
    try {
      recoverX25519SecretFromXor(new Uint8Array(32), new Uint8Array(31), key.publicKey);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SecretShareCheckError);
      expect((e as SecretShareCheckError).check).toBe('shares could not be combined');
    }
  });
});

describe('k-of-n Shamir split', () => {
  it('any k shares rebuild the key; the check passes', async () => {
    const shares = await splitShamir(key.secretKey, 5, 3);
    expect(shares).toHaveLength(5);
    expect(shares[0]).toHaveLength(33);
    for (const pick of [
      [0, 1, 2],
      [4, 2, 0],
      [1, 3, 4],
    ]) {
      const subset = pick.map((i) => shares[i]!);
      expect(bytesToHex(await recoverX25519SecretFromShares(subset, key.publicKey))).toBe(bytesToHex(key.secretKey));
    }
  });

  it('k - 1 shares silently give a wrong key, which the check catches', async () => {
    const shares = await splitShamir(key.secretKey, 5, 3);
    const wrong = await combineShamir([shares[0]!, shares[1]!]);
    expect(bytesToHex(wrong)).not.toBe(bytesToHex(key.secretKey));
    await expect(recoverX25519SecretFromShares([shares[0]!, shares[1]!], key.publicKey)).rejects.toThrow(
      SecretShareCheckError,
    );
  });

  it('a corrupted share is detected by the public-key check, named in the error', async () => {
    const shares = await splitShamir(key.secretKey, 3, 2);
    // A bit of y's byte 1, not the x-coordinate (the last byte). Not byte 0: the change reaches the
    // secret's byte 0 multiplied by a Lagrange coefficient, and about 3% of the time it lands only
    // on the three low bits X25519 clamps away, so the key (and the check) would not change.
    const corrupted = flipBit(shares[1]!, 11);
    const combined = await combineShamir([shares[0]!, corrupted]);
    expect(bytesToHex(combined)).not.toBe(bytesToHex(key.secretKey)); // the library does not notice
    try {
      await recoverX25519SecretFromShares([shares[0]!, corrupted], key.publicKey);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SecretShareCheckError);
      expect((e as SecretShareCheckError).check).toBe(RECOMBINED_KEY_CHECK);
      expect((e as Error).message).toContain(RECOMBINED_KEY_CHECK);
    }
  });

  it('duplicate shares are refused by the library and reported as uncombinable', async () => {
    const shares = await splitShamir(key.secretKey, 3, 2);
    await expect(recoverX25519SecretFromShares([shares[0]!, shares[0]!], key.publicKey)).rejects.toMatchObject({
      check: 'shares could not be combined',
    });
  });

  it('rejects impossible parameters', async () => {
    await expect(splitShamir(key.secretKey, 2, 3)).rejects.toThrow(RangeError);
    await expect(splitShamir(key.secretKey, 3, 1)).rejects.toThrow(RangeError);
  });
});
