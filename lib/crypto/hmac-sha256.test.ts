import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from './bytes';
import { seededRandom } from './random';
import { hmacSha256, hmacSha256Key, hmacSha256With } from './hmac-sha256';

const h = (hex: string) => hexToBytes(hex);

describe('HMAC-SHA256, RFC 4231 §4', () => {
  const cases: [string, Uint8Array, Uint8Array, string][] = [
    ['4.2', h('0b'.repeat(20)), utf8ToBytes('Hi There'), 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'],
    ['4.3', utf8ToBytes('Jefe'), utf8ToBytes('what do ya want for nothing?'), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
    ['4.4', h('aa'.repeat(20)), h('dd'.repeat(50)), '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe'],
    ['4.6 (131-byte key)', h('aa'.repeat(131)), utf8ToBytes('Test Using Larger Than Block-Size Key - Hash Key First'), '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'],
    [
      '4.7 (131-byte key, 152-byte message)',
      h('aa'.repeat(131)),
      utf8ToBytes('This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.'),
      '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    ],
  ];
  for (const [section, key, data, mac] of cases) {
    it(`§${section}`, () => expect(bytesToHex(hmacSha256(key, data))).toBe(mac));
  }
});

describe('HMAC-SHA256 equals noble’s hmac(sha256)', () => {
  it('on random keys (0-200 bytes) and messages (0-300 bytes, every padding boundary), split into parts or not', () => {
    const random = seededRandom('hmac-sha256-equivalence');
    for (let n = 0; n < 400; n++) {
      const key = random.bytes(n % 7 === 0 ? 200 - (n % 150) : 1 + (n % 70));
      const message = random.bytes(n < 130 ? n : (n * 37) % 301);
      const expected = bytesToHex(hmac(sha256, key, message));
      expect(bytesToHex(hmacSha256(key, message))).toBe(expected);
      const cut = Math.floor(message.length / 3);
      expect(bytesToHex(hmacSha256With(hmacSha256Key(key), message.subarray(0, cut), message.subarray(cut, 2 * cut), message.subarray(2 * cut)))).toBe(expected);
    }
    expect(bytesToHex(hmacSha256(new Uint8Array(0), new Uint8Array(0)))).toBe(bytesToHex(hmac(sha256, new Uint8Array(0), new Uint8Array(0))));
  });

  it('one prepared key gives independent MACs (the keyed states are not consumed)', () => {
    const key = hmacSha256Key(utf8ToBytes('chain key'));
    const a = hmacSha256With(key, Uint8Array.of(1));
    const b = hmacSha256With(key, Uint8Array.of(2));
    expect(bytesToHex(hmacSha256With(key, Uint8Array.of(1)))).toBe(bytesToHex(a));
    expect(bytesToHex(b)).toBe(bytesToHex(hmac(sha256, utf8ToBytes('chain key'), Uint8Array.of(2))));
    expect(bytesToHex(hmacSha256With(key, concatBytes(a, b)))).toBe(bytesToHex(hmac(sha256, utf8ToBytes('chain key'), concatBytes(a, b))));
  });
});
