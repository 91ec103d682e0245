import { describe, expect, it } from 'vitest';
import { chacha20 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, equalBytes, i2osp, utf8ToBytes } from './bytes';
import { csprng, seededRandom } from './random';

describe('seededRandom (demo randomness)', () => {
  it('gives the same sequence of outputs for the same seed', () => {
    const a = seededRandom('workshop-1');
    const b = seededRandom('workshop-1');
    for (const n of [32, 7, 100, 0, 64]) expect(bytesToHex(a.bytes(n))).toBe(bytesToHex(b.bytes(n)));
  });

  it('gives different bytes for different seeds and for successive calls', () => {
    const a = seededRandom('workshop-1').bytes(32);
    const b = seededRandom('workshop-2').bytes(32);
    expect(equalBytes(a, b)).toBe(false);
    const source = seededRandom('workshop-1');
    expect(equalBytes(source.bytes(32), source.bytes(32))).toBe(false);
  });

  it('says it is demo randomness, naming the seed', () => {
    const source = seededRandom('class of 99');
    expect(source.kind).toBe('demo');
    expect(source.label).toBe("demo randomness (seed 'class of 99')");
  });

  it('follows its documented derivation: ChaCha20 under SHA-256(tag ‖ seed), nonce = call number', () => {
    const key = sha256(concatBytes(utf8ToBytes('backdoor-lab demo v1'), utf8ToBytes('s')));
    const source = seededRandom('s');
    expect(bytesToHex(source.bytes(40))).toBe(bytesToHex(chacha20(key, i2osp(0, 12), new Uint8Array(40))));
    expect(bytesToHex(source.bytes(8))).toBe(bytesToHex(chacha20(key, i2osp(1, 12), new Uint8Array(8))));
  });
});

describe('csprng', () => {
  it('is labelled as the platform CSPRNG', () => {
    const source = csprng();
    expect(source.kind).toBe('csprng');
    expect(source.label).toBe('platform CSPRNG');
  });

  it('fills requests larger than one getRandomValues call and never repeats', () => {
    const source = csprng();
    const big = source.bytes(70_000);
    expect(big).toHaveLength(70_000);
    // The tail past 65,536 bytes must be filled too: 4,464 zero bytes from a CSPRNG would be absurd.
    expect(big.subarray(65_536).some((b) => b !== 0)).toBe(true);
    expect(equalBytes(source.bytes(32), source.bytes(32))).toBe(false);
    expect(source.bytes(0)).toHaveLength(0);
  });
});
