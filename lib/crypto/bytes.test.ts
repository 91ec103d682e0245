import { describe, expect, it } from 'vitest';
import {
  assertLength,
  base64ToBytes,
  BytesInputError,
  bytesToBase64,
  bytesToHex,
  bytesToUtf8,
  bytesToUtf8OrNull,
  concatBytes,
  equalBytes,
  flipBit,
  hexToBytes,
  hexToBytesOfLength,
  i2osp,
  utf8ToBytes,
  xorBytes,
} from './bytes';

/** Runs `fn` and returns what it threw, so a test can check both the type and the exact message. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw, but it returned');
}

describe('hex parsing for learner input', () => {
  it('names the expected and actual length when a 32-byte key is one character short', () => {
    const e = thrown(() => hexToBytesOfLength('a'.repeat(63), 32, 'X25519 public key'));
    expect(e).toBeInstanceOf(BytesInputError);
    expect((e as Error).message).toBe('X25519 public key: expected 64 hex characters (32 bytes), got 63');
  });

  it('names the offending characters when input is not hexadecimal', () => {
    const e = thrown(() => hexToBytes('zz'));
    expect(e).toBeInstanceOf(BytesInputError);
    expect((e as Error).message).toBe("value: 'zz' is not hexadecimal (use 0-9 and a-f)");
    expect(() => hexToBytes('ab0g12', 'nonce')).toThrow("nonce: 'g' is not hexadecimal");
  });

  it('reports a non-hex character before the length in hexToBytesOfLength', () => {
    // A learner who typed a wrong character needs to hear about that character, not about a count.
    expect(() => hexToBytesOfLength('zz' + '0'.repeat(62), 32)).toThrow("'zz' is not hexadecimal");
  });

  it('rejects an odd number of hex digits with the count', () => {
    const e = thrown(() => hexToBytes('abc', 'tag'));
    expect(e).toBeInstanceOf(BytesInputError);
    expect((e as Error).message).toBe('tag: hex needs two characters per byte, got 3 characters (odd)');
  });

  it('accepts a 0x prefix, upper case, whitespace, newlines and colon separators', () => {
    expect(bytesToHex(hexToBytes('0xDE AD:be\n\tef  '))).toBe('deadbeef');
    expect(bytesToHex(hexToBytes('  0XdeadBEEF'))).toBe('deadbeef');
    expect(bytesToHex(hexToBytesOfLength(' 0x' + '0f'.repeat(4) + ' ', 4))).toBe('0f0f0f0f');
  });

  it('parses empty input to zero bytes and refuses non-strings', () => {
    expect(hexToBytes('')).toEqual(new Uint8Array(0));
    expect(hexToBytes('  0x ')).toEqual(new Uint8Array(0));
    expect(() => hexToBytes(42 as unknown as string)).toThrow(BytesInputError);
    expect(() => hexToBytesOfLength(null as unknown as string, 32)).toThrow('expected a hex string');
  });

  it('prints lower-case hex with two digits per byte', () => {
    expect(bytesToHex(Uint8Array.of(0, 1, 0xab, 0xff))).toBe('0001abff');
  });
});

describe('base64', () => {
  // RFC 4648 §10 test vectors.
  const rfc4648: ReadonlyArray<readonly [string, string]> = [
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ];

  it('encodes and decodes the RFC 4648 §10 vectors', () => {
    for (const [text, b64] of rfc4648) {
      expect(bytesToBase64(utf8ToBytes(text))).toBe(b64);
      expect(bytesToUtf8(base64ToBytes(b64))).toBe(text);
    }
  });

  it('accepts URL-safe, unpadded and wrapped input', () => {
    const bytes = Uint8Array.of(0xfb, 0xff, 0xbf, 0xfe);
    expect(bytesToBase64(bytes)).toBe('+/+//g==');
    expect(base64ToBytes('-_-__g')).toEqual(bytes);
    expect(base64ToBytes(' +/+/\n/g== ')).toEqual(bytes);
  });

  it('names a bad character and an impossible length', () => {
    const e = thrown(() => base64ToBytes('Zm9v!', 'ciphertext'));
    expect(e).toBeInstanceOf(BytesInputError);
    expect((e as Error).message).toBe("ciphertext: '!' is not a base64 character");
    expect(() => base64ToBytes('Zm9vY')).toThrow('base64 length 5 is impossible');
  });
});

describe('UTF-8', () => {
  it('encodes multi-byte characters and decodes them back', () => {
    const bytes = utf8ToBytes('héllo 🔑');
    expect(bytesToHex(bytes)).toBe('68c3a96c6c6f20f09f9491');
    expect(bytesToUtf8(bytes)).toBe('héllo 🔑');
    expect(bytesToUtf8OrNull(bytes)).toBe('héllo 🔑');
  });

  it('shows invalid sequences as U+FFFD, or reports them as null', () => {
    const bad = Uint8Array.of(0x61, 0xff, 0x62);
    expect(bytesToUtf8(bad)).toBe('a\uFFFDb');
    expect(bytesToUtf8OrNull(bad)).toBeNull();
  });
});

describe('byte helpers', () => {
  it('equalBytes compares content and length', () => {
    expect(equalBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true);
    expect(equalBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true);
    expect(equalBytes(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false);
    expect(equalBytes(Uint8Array.of(9, 2, 3), Uint8Array.of(1, 2, 3))).toBe(false);
    expect(equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 0))).toBe(false);
  });

  it('i2osp writes big-endian fixed-width integers (RFC 8017 §4.1)', () => {
    expect(bytesToHex(i2osp(0, 2))).toBe('0000');
    expect(bytesToHex(i2osp(0x20, 2))).toBe('0020');
    expect(bytesToHex(i2osp(256, 2))).toBe('0100');
    expect(bytesToHex(i2osp(1, 12))).toBe('000000000000000000000001');
    expect(bytesToHex(i2osp(2 ** 40 + 1, 6))).toBe('010000000001');
    expect(bytesToHex(i2osp(Number.MAX_SAFE_INTEGER, 8))).toBe('001fffffffffffff');
    expect(i2osp(0, 0)).toEqual(new Uint8Array(0));
  });

  it('i2osp refuses values that do not fit, negatives and fractions', () => {
    expect(() => i2osp(256, 1)).toThrow(RangeError);
    expect(() => i2osp(65536, 2)).toThrow('does not fit in 2 bytes');
    // Regression: 6-byte overflow used to be truncated silently.
    expect(() => i2osp(2 ** 48, 6)).toThrow('does not fit in 6 bytes');
    expect(() => i2osp(-1, 4)).toThrow(RangeError);
    expect(() => i2osp(1.5, 4)).toThrow(RangeError);
    expect(() => i2osp(1, -1)).toThrow(RangeError);
  });

  it('flipBit flips exactly one bit, most significant first, on a copy', () => {
    const original = Uint8Array.of(0x00, 0x00);
    expect(bytesToHex(flipBit(original, 0))).toBe('8000');
    expect(bytesToHex(flipBit(original, 7))).toBe('0100');
    expect(bytesToHex(flipBit(original, 15))).toBe('0001');
    expect(bytesToHex(flipBit(Uint8Array.of(0xff), 3))).toBe('ef');
    expect(bytesToHex(original)).toBe('0000');
    expect(() => flipBit(original, 16)).toThrow(RangeError);
    expect(() => flipBit(original, -1)).toThrow(RangeError);
  });

  it('xorBytes covers the shorter input; concatBytes joins in order', () => {
    expect(bytesToHex(xorBytes(Uint8Array.of(0xf0, 0x0f, 0xaa), Uint8Array.of(0xff, 0xff)))).toBe('0ff0');
    expect(bytesToHex(concatBytes(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3)))).toBe('010203');
  });

  it('assertLength names the value and both lengths', () => {
    expect(assertLength(new Uint8Array(4), 4, 'nonce')).toHaveLength(4);
    expect(() => assertLength(new Uint8Array(3), 4, 'nonce')).toThrow(
      new BytesInputError('nonce: expected 4 bytes, got 3'),
    );
    expect(() => assertLength('abcd' as unknown as Uint8Array, 4, 'nonce')).toThrow('expected bytes (Uint8Array)');
  });
});
