import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from './bytes';
import { seededRandom } from './random';
import {
  askPublicKey,
  askSharedSecret,
  detectX25519Engine,
  nobleX25519Engine,
  runX25519,
  runX25519Sync,
  webCryptoX25519Engine,
  type X25519Engine,
  type X25519Steps,
} from './x25519-platform';
import { X25519Error } from './x25519';

const h = (hex: string) => hexToBytes(hex);
// RFC 7748 §6.1.
const ALICE_SK = h('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
const ALICE_PK = '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a';
const BOB_SK = h('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
const BOB_PK = 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f';
const SHARED = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';

const P = 2n ** 255n - 19n;
const le = (n: bigint) => Uint8Array.from({ length: 32 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn));
/** Every low-order u (RFC 7748 §5 / cr.yp.to/ecdh.html#validate), plus non-canonical and top-bit-set encodings of them. */
const LOW_ORDER = [
  0n,
  1n,
  P - 1n,
  325606250916557431795983626356110631294008115727848805560023387167927233504n,
  39382357235489614581723060781553021112529911719440698176882885853963445705823n,
  P,
  P + 1n,
].flatMap((u) => {
  const bytes = le(u);
  const topBit = bytes.slice();
  topBit[31]! |= 0x80;
  return [bytes, topBit];
});

const webcrypto = webCryptoX25519Engine();
const engines: readonly X25519Engine[] = [nobleX25519Engine, webcrypto];

describe('X25519 engines: WebCrypto computes exactly what noble computes', () => {
  it('this platform has WebCrypto X25519, and detection picks it', async () => {
    expect((await detectX25519Engine()).name).toBe('webcrypto');
  });

  for (const engine of engines) {
    it(`${engine.name}: RFC 7748 §6.1 public keys and shared secret`, async () => {
      expect(bytesToHex(await engine.publicKey(ALICE_SK))).toBe(ALICE_PK);
      expect(bytesToHex(await engine.publicKey(BOB_SK))).toBe(BOB_PK);
      expect(bytesToHex(await engine.sharedSecret(ALICE_SK, h(BOB_PK)))).toBe(SHARED);
      expect(bytesToHex(await engine.sharedSecret(BOB_SK, h(ALICE_PK)))).toBe(SHARED);
    });

    it(`${engine.name}: refuses every low-order point (and its non-canonical encodings) with X25519Error`, async () => {
      for (const u of LOW_ORDER)
        await expect(engine.sharedSecret(ALICE_SK, u), bytesToHex(u)).rejects.toThrow(X25519Error);
    });
  }

  it('300 random scalars and 300 random u-coordinates (top bit and non-canonical values included) give the same bytes', async () => {
    const random = seededRandom('x25519-platform-equivalence');
    for (let i = 0; i < 300; i++) {
      const secret = random.bytes(32);
      const u = random.bytes(32);
      if (i % 50 === 0) u.set(le(P + 2n + BigInt(i / 50))); // non-canonical: p + 2 ... p + 7 (not low order)
      expect(bytesToHex(await webcrypto.publicKey(secret))).toBe(bytesToHex(await nobleX25519Engine.publicKey(secret)));
      expect(bytesToHex(await webcrypto.sharedSecret(secret, u))).toBe(
        bytesToHex(await nobleX25519Engine.sharedSecret(secret, u)),
      );
    }
  });

  it('computes public keys against the base point where a JWK export carries no x', async () => {
    const subtle = globalThis.crypto.subtle;
    const noX = Object.assign(Object.create(subtle) as typeof globalThis.crypto.subtle, {
      importKey: subtle.importKey.bind(subtle),
      deriveBits: subtle.deriveBits.bind(subtle),
      exportKey: async () => ({}),
    });
    const engine = webCryptoX25519Engine(noX);
    expect(bytesToHex(await engine.publicKey(ALICE_SK))).toBe(ALICE_PK);
    expect(bytesToHex(await engine.publicKey(BOB_SK))).toBe(BOB_PK);
  });

  it('falls back to noble when WebCrypto is missing or lacks X25519', async () => {
    expect((await detectX25519Engine(null)).name).toBe('noble');
    const noX25519 = {
      importKey: () => Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError')),
      deriveBits: () => Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError')),
    } as unknown as typeof globalThis.crypto.subtle;
    expect((await detectX25519Engine(noX25519)).name).toBe('noble');
  });
});

describe('X25519 steps: one computation, answered by noble synchronously or by any engine', () => {
  function* exchange(secret: Uint8Array, peer: Uint8Array): X25519Steps<string> {
    const own = yield* askPublicKey(secret);
    let dh: string;
    try {
      dh = bytesToHex(yield* askSharedSecret(secret, peer));
    } catch (e) {
      dh = e instanceof X25519Error ? 'refused' : 'other error';
    }
    return `${bytesToHex(own)}|${dh}`;
  }

  it('gives the same result both ways, errors included (thrown back into the computation)', async () => {
    const expected = `${ALICE_PK}|${SHARED}`;
    expect(runX25519Sync(exchange(ALICE_SK, h(BOB_PK)))).toBe(expected);
    for (const engine of engines) expect(await runX25519(exchange(ALICE_SK, h(BOB_PK)), engine)).toBe(expected);
    expect(runX25519Sync(exchange(ALICE_SK, LOW_ORDER[0]!))).toBe(`${ALICE_PK}|refused`);
    for (const engine of engines)
      expect(await runX25519(exchange(ALICE_SK, LOW_ORDER[0]!), engine)).toBe(`${ALICE_PK}|refused`);
  });
});
