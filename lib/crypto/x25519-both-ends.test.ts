import { describe, expect, it } from 'vitest';
import { bytesToHex } from './bytes';
import { seededRandom } from './random';
import { rememberingBothEnds } from './x25519-both-ends';
import { nobleX25519Engine, webCryptoX25519Engine, type X25519Engine } from './x25519-platform';
import { X25519Error, sharedSecret } from './x25519';

function counting(engine: X25519Engine) {
  const calls = { sharedSecret: 0 };
  const counted: X25519Engine = {
    name: engine.name,
    publicKey: (k) => engine.publicKey(k),
    sharedSecret: (k, p) => (calls.sharedSecret++, engine.sharedSecret(k, p)),
  };
  return { calls, counted };
}

describe('rememberingBothEnds', () => {
  for (const inner of [nobleX25519Engine, webCryptoX25519Engine()]) {
    it(`${inner.name}: the second end of an exchange reuses the first's result, which is the value X25519 gives`, async () => {
      const random = seededRandom('both-ends');
      const { calls, counted } = counting(inner);
      const engine = rememberingBothEnds(counted);
      const a = random.bytes(32);
      const b = random.bytes(32);
      const [pubA, pubB] = [await engine.publicKey(a), await engine.publicKey(b)];
      const first = await engine.sharedSecret(a, pubB);
      const second = await engine.sharedSecret(b, pubA);
      expect(calls.sharedSecret).toBe(1);
      expect(bytesToHex(first)).toBe(bytesToHex(sharedSecret(a, pubB)));
      expect(bytesToHex(second)).toBe(bytesToHex(sharedSecret(b, pubA)));
      expect(second).not.toBe(first); // each end gets its own copy
      // Handed out once: a third computation of the pair is computed again.
      expect(bytesToHex(await engine.sharedSecret(a, pubB))).toBe(bytesToHex(first));
      expect(calls.sharedSecret).toBe(2);
    });
  }

  it('passes through secrets whose public key it did not compute, and refusals', async () => {
    const random = seededRandom('both-ends-pass');
    const { calls, counted } = counting(nobleX25519Engine);
    const engine = rememberingBothEnds(counted);
    const a = random.bytes(32);
    const b = random.bytes(32);
    const pubB = await nobleX25519Engine.publicKey(b);
    await engine.sharedSecret(a, pubB);
    await engine.sharedSecret(a, pubB);
    expect(calls.sharedSecret).toBe(2);
    await engine.publicKey(a);
    await expect(engine.sharedSecret(a, new Uint8Array(32))).rejects.toThrow(X25519Error);
    await expect(engine.sharedSecret(a, new Uint8Array(32))).rejects.toThrow(X25519Error);
  });
});
