import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, utf8ToBytes } from './bytes';
import { seededRandom } from './random';
import { chacha20Poly1305Open, chacha20Poly1305Seal } from './chacha20-poly1305';

const h = (hex: string) => hexToBytes(hex);

describe('ChaCha20-Poly1305 composed from noble’s ChaCha20 and Poly1305', () => {
  it('RFC 8439 §2.8.2: the sunscreen example', () => {
    const key = h('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
    const nonce = h('070000004041424344454647');
    const aad = h('50515253c0c1c2c3c4c5c6c7');
    const plaintext = utf8ToBytes(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    );
    const sealed = chacha20Poly1305Seal(key, nonce, plaintext, aad);
    expect(bytesToHex(sealed.subarray(-16))).toBe('1ae10b594f09e26a7e902ecbd0600691');
    expect(bytesToHex(sealed.subarray(0, 16))).toBe('d31a8d34648e60db7b86afbc53ef7ec2');
    expect(chacha20Poly1305Open(key, nonce, sealed, aad)).toEqual(plaintext);
  });

  it('equals noble’s chacha20poly1305 on random keys, nonces, aad (0-100 bytes) and messages (0-200 bytes), and refuses every one-bit change', () => {
    const random = seededRandom('chacha20-poly1305-equivalence');
    for (let n = 0; n < 300; n++) {
      const key = random.bytes(32);
      const nonce = random.bytes(12);
      const aad = random.bytes(n % 101);
      const plaintext = random.bytes((n * 7) % 201);
      const expected = chacha20poly1305(key, nonce, aad).encrypt(plaintext);
      const sealed = chacha20Poly1305Seal(key, nonce, plaintext, aad.length ? aad : undefined);
      expect(bytesToHex(sealed)).toBe(bytesToHex(expected));
      expect(bytesToHex(chacha20Poly1305Open(key, nonce, sealed, aad)!)).toBe(bytesToHex(plaintext));
      const bit = n % (sealed.length * 8);
      const tampered = sealed.slice();
      tampered[bit >> 3]! ^= 1 << (bit & 7);
      expect(chacha20Poly1305Open(key, nonce, tampered, aad)).toBeNull();
      if (aad.length) expect(chacha20Poly1305Open(key, nonce, sealed, aad.subarray(1))).toBeNull();
    }
    expect(chacha20Poly1305Open(new Uint8Array(32), new Uint8Array(12), new Uint8Array(15))).toBeNull();
  });
});
