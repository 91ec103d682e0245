import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from './bytes';
import { deriveKey, hkdfExpand, hkdfExtract, hkdfSha256 } from './hkdf';
import { traceValue } from './trace';

const h = (hex: string) => hexToBytes(hex);
const range = (from: number, to: number) => Uint8Array.from({ length: to - from + 1 }, (_, i) => from + i);

// RFC 5869 Appendix A, the three SHA-256 cases.
const cases = [
  {
    name: 'A.1 basic',
    ikm: new Uint8Array(22).fill(0x0b),
    salt: range(0x00, 0x0c),
    info: range(0xf0, 0xf9),
    length: 42,
    prk: '077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5',
    okm: '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
  },
  {
    name: 'A.2 longer inputs and outputs',
    ikm: range(0x00, 0x4f),
    salt: range(0x60, 0xaf),
    info: range(0xb0, 0xff),
    length: 82,
    prk: '06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244',
    okm:
      'b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09' +
      'da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87',
  },
  {
    name: 'A.3 zero-length salt and info',
    ikm: new Uint8Array(22).fill(0x0b),
    salt: new Uint8Array(0),
    info: new Uint8Array(0),
    length: 42,
    prk: '19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04',
    okm: '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8',
  },
];

describe('HKDF-SHA256, RFC 5869 Appendix A', () => {
  for (const c of cases) {
    it(`${c.name}: PRK and OKM, through hkdfSha256's trace and the separate steps`, () => {
      const { result, trace } = hkdfSha256(c.ikm, c.salt, c.info, c.length);
      expect(bytesToHex(traceValue(trace, 'prk'))).toBe(c.prk);
      expect(bytesToHex(traceValue(trace, 'okm'))).toBe(c.okm);
      expect(bytesToHex(result)).toBe(c.okm);
      expect(bytesToHex(hkdfExtract(c.ikm, c.salt))).toBe(c.prk);
      expect(bytesToHex(hkdfExpand(h(c.prk), c.info, c.length))).toBe(c.okm);
    });
  }
});

describe('HKDF edges', () => {
  it('an omitted salt means HashLen zero bytes (RFC 5869 §2.2)', () => {
    const ikm = new Uint8Array(22).fill(0x0b);
    expect(bytesToHex(hkdfExtract(ikm))).toBe(cases[2]!.prk);
    expect(bytesToHex(hkdfExtract(ikm, new Uint8Array(32)))).toBe(cases[2]!.prk);
  });

  it('deriveKey returns hkdfSha256 output, 32 bytes by default', () => {
    const c = cases[0]!;
    expect(bytesToHex(deriveKey(c.ikm, c.salt, c.info, c.length))).toBe(c.okm);
    expect(bytesToHex(deriveKey(c.ikm, c.salt, c.info))).toBe(c.okm.slice(0, 64));
  });

  it('allows 1 to 255 × 32 output bytes and refuses anything else (RFC 5869 §2.3)', () => {
    const prk = h(cases[0]!.prk);
    expect(hkdfExpand(prk, new Uint8Array(0), 8160)).toHaveLength(8160);
    expect(hkdfExpand(prk, new Uint8Array(0), 1)).toHaveLength(1);
    expect(() => hkdfExpand(prk, new Uint8Array(0), 8161)).toThrow('HKDF-SHA256 can produce 1 to 8160 bytes, not 8161');
    expect(() => hkdfExpand(prk, new Uint8Array(0), 0)).toThrow(RangeError);
    expect(() => hkdfExpand(prk, new Uint8Array(0), 2.5)).toThrow(RangeError);
  });
});
