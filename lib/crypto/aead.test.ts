import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AEAD_PARAMS,
  AeadOpenError,
  type AeadAlgorithm,
  NonceGuardedKey,
  NonceReuseError,
  open,
  seal,
  sealTraced,
} from './aead';
import { BytesInputError, bytesToHex, bytesToUtf8, flipBit, hexToBytes, utf8ToBytes } from './bytes';
import { seededRandom } from './random';
import { traceValue } from './trace';

const h = (hex: string) => hexToBytes(hex);
const ALGORITHMS: readonly AeadAlgorithm[] = ['chacha20-poly1305', 'xchacha20-poly1305', 'aes-256-gcm'];

// RFC 8439 §2.8.2, shared with draft-irtf-cfrg-xchacha-03 §A.3.1 (same key, AAD and plaintext).
const KEY = h('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
const AAD = h('50515253c0c1c2c3c4c5c6c7');
const SUNSCREEN = utf8ToBytes(
  "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
);

describe('ChaCha20-Poly1305, RFC 8439 §2.8.2', () => {
  const nonce = h('070000004041424344454647');
  const ciphertext =
    'd31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b' +
    '1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc' +
    '3ff4def08e4b7a9de576d26586cec64b6116';
  const tag = '1ae10b594f09e26a7e902ecbd0600691';

  it('seals to the RFC ciphertext and tag, and opens back to the plaintext', () => {
    const sealed = seal({ algorithm: 'chacha20-poly1305', key: KEY, nonce, aad: AAD, plaintext: SUNSCREEN });
    expect(bytesToHex(sealed)).toBe(ciphertext + tag);
    const opened = open({ algorithm: 'chacha20-poly1305', key: KEY, nonce, aad: AAD, sealed });
    expect(bytesToUtf8(opened)).toBe(bytesToUtf8(SUNSCREEN));
  });

  it('sealTraced names the ciphertext and tag separately', () => {
    const { result, trace } = sealTraced({
      algorithm: 'chacha20-poly1305',
      key: KEY,
      nonce,
      aad: AAD,
      plaintext: SUNSCREEN,
    });
    expect(bytesToHex(traceValue(trace, 'ciphertext'))).toBe(ciphertext);
    expect(bytesToHex(traceValue(trace, 'tag'))).toBe(tag);
    expect(bytesToHex(traceValue(trace, 'nonce'))).toBe('070000004041424344454647');
    expect(bytesToHex(traceValue(trace, 'aad'))).toBe(bytesToHex(AAD));
    expect(bytesToHex(result)).toBe(ciphertext + tag);
  });
});

describe('XChaCha20-Poly1305 and AES-256-GCM known answers', () => {
  it('XChaCha20-Poly1305, draft-irtf-cfrg-xchacha-03 §A.3.1', () => {
    const nonce = h('404142434445464748494a4b4c4d4e4f5051525354555657');
    const sealed = seal({ algorithm: 'xchacha20-poly1305', key: KEY, nonce, aad: AAD, plaintext: SUNSCREEN });
    expect(bytesToHex(sealed.subarray(0, 16))).toBe('bd6d179d3e83d43b9576579493c0e939');
    expect(bytesToHex(sealed.subarray(-16))).toBe('c0875924c1c7987947deafd8780acf49');
    expect(bytesToUtf8(open({ algorithm: 'xchacha20-poly1305', key: KEY, nonce, aad: AAD, sealed }))).toContain(
      'sunscreen',
    );
  });

  it('AES-256-GCM, McGrew-Viega test cases 13 and 14 (all-zero key and IV)', () => {
    const zeroKey = new Uint8Array(32);
    const zeroIv = new Uint8Array(12);
    expect(
      bytesToHex(seal({ algorithm: 'aes-256-gcm', key: zeroKey, nonce: zeroIv, plaintext: new Uint8Array(0) })),
    ).toBe('530f8afbc74536b9a963b4f1c4cb738b');
    expect(
      bytesToHex(seal({ algorithm: 'aes-256-gcm', key: zeroKey, nonce: zeroIv, plaintext: new Uint8Array(16) })),
    ).toBe('cea7403d4d606b6e074ec5d3baf39d18' + 'd0d1c8a799996bf0265b98b5d48ab919');
  });

  it('agrees byte for byte with node:crypto (OpenSSL) for ChaCha20-Poly1305 and AES-256-GCM', () => {
    const random = seededRandom('aead cross-check');
    for (const algorithm of ['chacha20-poly1305', 'aes-256-gcm'] as const) {
      for (const length of [0, 1, 63, 64, 65, 1000]) {
        const key = random.bytes(32);
        const nonce = random.bytes(12);
        const aad = random.bytes(length % 17);
        const plaintext = random.bytes(length);
        const cipher =
          algorithm === 'aes-256-gcm'
            ? createCipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 })
            : createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
        cipher.setAAD(aad, { plaintextLength: plaintext.length });
        const expected = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
        expect(bytesToHex(seal({ algorithm, key, nonce, aad, plaintext })), `${algorithm} ${length}`).toBe(
          expected.toString('hex'),
        );
      }
    }
  });
});

describe('tamper detection', () => {
  for (const algorithm of ALGORITHMS) {
    it(`${algorithm}: any change to ciphertext, tag, nonce, key or AAD throws AeadOpenError`, () => {
      const random = seededRandom(`tamper ${algorithm}`);
      const key = random.bytes(32);
      const nonce = random.bytes(AEAD_PARAMS[algorithm].nonceBytes);
      const aad = utf8ToBytes('to: bob');
      const sealed = seal({ algorithm, key, nonce, aad, plaintext: utf8ToBytes('meet at noon') });
      const tagBit = (sealed.length - 1) * 8;
      const attempts = {
        ciphertext: { key, nonce, aad, sealed: flipBit(sealed, 0) },
        tag: { key, nonce, aad, sealed: flipBit(sealed, tagBit) },
        nonce: { key, nonce: flipBit(nonce, 5), aad, sealed },
        key: { key: flipBit(key, 255), nonce, aad, sealed },
        aad: { key, nonce, aad: utf8ToBytes('to: eve'), sealed },
        'missing aad': { key, nonce, aad: undefined, sealed },
        truncated: { key, nonce, aad, sealed: sealed.subarray(0, sealed.length - 1) },
        'shorter than a tag': { key, nonce, aad, sealed: sealed.subarray(0, 15) },
        empty: { key, nonce, aad, sealed: new Uint8Array(0) },
      };
      for (const [what, input] of Object.entries(attempts)) {
        let error: unknown;
        try {
          open({ algorithm, ...input });
        } catch (e) {
          error = e;
        }
        expect(error, what).toBeInstanceOf(AeadOpenError);
        expect((error as AeadOpenError).algorithm).toBe(algorithm);
        expect((error as Error).message).toContain(`${AEAD_PARAMS[algorithm].title} refused to decrypt`);
      }
      expect(bytesToUtf8(open({ algorithm, key, nonce, aad, sealed }))).toBe('meet at noon');
    });
  }
});

describe('input checks', () => {
  it('refuses wrong key and nonce lengths with BytesInputError naming the algorithm', () => {
    const plaintext = new Uint8Array(1);
    expect(() =>
      seal({ algorithm: 'chacha20-poly1305', key: new Uint8Array(31), nonce: new Uint8Array(12), plaintext }),
    ).toThrow(new BytesInputError('ChaCha20-Poly1305 key: expected 32 bytes, got 31'));
    expect(() => seal({ algorithm: 'xchacha20-poly1305', key: KEY, nonce: new Uint8Array(12), plaintext })).toThrow(
      new BytesInputError('XChaCha20-Poly1305 nonce: expected 24 bytes, got 12'),
    );
    expect(() =>
      open({ algorithm: 'chacha20-poly1305', key: KEY, nonce: new Uint8Array(8), sealed: new Uint8Array(16) }),
    ).toThrow(BytesInputError);
    // AES-256 only: a 128-bit AES key is refused rather than silently running AES-128.
    expect(() =>
      seal({ algorithm: 'aes-256-gcm', key: new Uint8Array(16), nonce: new Uint8Array(12), plaintext }),
    ).toThrow(new BytesInputError('AES-256-GCM key: expected 32 bytes, got 16'));
  });

  it('AES-256-GCM accepts IVs of 8 bytes and more, and refuses shorter ones', () => {
    for (const ivLength of [8, 12, 16, 64]) {
      const nonce = new Uint8Array(ivLength).fill(7);
      const sealed = seal({ algorithm: 'aes-256-gcm', key: KEY, nonce, plaintext: SUNSCREEN });
      expect(open({ algorithm: 'aes-256-gcm', key: KEY, nonce, sealed })).toEqual(SUNSCREEN);
    }
    expect(() => seal({ algorithm: 'aes-256-gcm', key: KEY, nonce: new Uint8Array(7), plaintext: SUNSCREEN })).toThrow(
      new BytesInputError('AES-256-GCM nonce: expected at least 8 bytes (12 recommended), got 7'),
    );
  });
});

describe('NonceGuardedKey', () => {
  it('seals under fresh nonces and throws NonceReuseError on the second use of one', () => {
    const guarded = new NonceGuardedKey('chacha20-poly1305', KEY);
    const n1 = new Uint8Array(12);
    const n2 = Uint8Array.of(...new Uint8Array(11), 1);
    const first = guarded.seal(n1, utf8ToBytes('attack at dawn'));
    expect(open({ algorithm: 'chacha20-poly1305', key: KEY, nonce: n1, sealed: first })).toEqual(
      utf8ToBytes('attack at dawn'),
    );
    guarded.seal(n2, utf8ToBytes('attack at dusk'));
    expect(guarded.hasUsed(n1)).toBe(true);
    expect(() => guarded.seal(n1.slice(), utf8ToBytes('retreat'))).toThrow(NonceReuseError);
    expect(() => guarded.seal(n1, utf8ToBytes('retreat'))).toThrow(/000000000000000000000000 was already used/);
  });

  it('does not burn a nonce when sealing fails, and keeps keys independent', () => {
    const guarded = new NonceGuardedKey('xchacha20-poly1305', KEY);
    const badNonce = new Uint8Array(12);
    expect(() => guarded.seal(badNonce, new Uint8Array(1))).toThrow(BytesInputError);
    expect(guarded.hasUsed(badNonce)).toBe(false);
    const nonce = new Uint8Array(24);
    guarded.seal(nonce, new Uint8Array(1));
    expect(new NonceGuardedKey('xchacha20-poly1305', KEY).hasUsed(nonce)).toBe(false);
  });
});
