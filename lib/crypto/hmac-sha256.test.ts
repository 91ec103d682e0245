import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from './bytes';
import { hmacSha256, hmacSha256Key, hmacSha256With } from './hmac-sha256';

const h = (hex: string) => hexToBytes(hex);

describe('HMAC-SHA256, RFC 4231 §4', () => {
  const cases: [string, Uint8Array, Uint8Array, string][] = [
    [
      '4.2',
      h('0b'.repeat(20)),
      utf8ToBytes('Hi There'),
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    ],
    [
      '4.3',
      utf8ToBytes('Jefe'),
      utf8ToBytes('what do ya want for nothing?'),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    ],
    ['4.4', h('aa'.repeat(20)), h('dd'.repeat(50)), '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'],
    [
      '4.6 (131-byte key)',
      h('aa'.repeat(131)),
      utf8ToBytes('Test Using Larger Than Block-Size Key - Hash Key First'),
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    ],
    [
      '4.7 (131-byte key, 152-byte message)',
      h('aa'.repeat(131)),
      utf8ToBytes(
        'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
      ),
      '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    ],
  ];
  for (const [section, key, data, mac] of cases) {
    it(`§${section}`, () => expect(bytesToHex(hmacSha256(key, data))).toBe(mac));
  }
});

describe('a prepared key (hmacSha256Key / hmacSha256With)', () => {
  it('gives the RFC 4231 MACs, whole or split into parts', () => {
    const key = hmacSha256Key(h('aa'.repeat(131)));
    const data = utf8ToBytes(
      'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
    );
    const expected = '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2';
    expect(bytesToHex(hmacSha256With(key, data))).toBe(expected);
    expect(bytesToHex(hmacSha256With(key, data.subarray(0, 50), data.subarray(50, 50), data.subarray(50)))).toBe(
      expected,
    );
  });

  it('gives independent MACs (the keyed state is not consumed), and two keys do not interfere', () => {
    const key = hmacSha256Key(utf8ToBytes('chain key'));
    const other = hmacSha256Key(h('0b'.repeat(20)));
    const a = hmacSha256With(key, Uint8Array.of(1));
    expect(bytesToHex(hmacSha256With(other, utf8ToBytes('Hi There')))).toBe(
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    );
    const b = hmacSha256With(key, Uint8Array.of(2));
    expect(bytesToHex(hmacSha256With(key, Uint8Array.of(1)))).toBe(bytesToHex(a));
    expect(bytesToHex(b)).toBe(bytesToHex(hmac(sha256, utf8ToBytes('chain key'), Uint8Array.of(2))));
    expect(bytesToHex(hmacSha256With(key, concatBytes(a, b)))).toBe(
      bytesToHex(hmac(sha256, utf8ToBytes('chain key'), concatBytes(a, b))),
    );
  });
});
