import { describe, expect, it } from 'vitest';
import { bytesToUtf8, equalBytes } from '@/lib/crypto/bytes';
import { seededRandom } from '@/lib/crypto/random';
import { captureForgeryScene, deliverToBob, DEFAULT_FORGED_TEXT, forgeAndDeliver, ORIGINAL_TEXT } from './forgery';

describe('forgery scene', () => {
  it('Bob accepts the genuine envelope in both scenes', () => {
    for (const escrow of [true, false]) {
      const scene = captureForgeryScene(escrow, seededRandom(`genuine-${escrow}`));
      expect(deliverToBob(scene, scene.original)).toEqual({ accepted: true, plaintext: ORIGINAL_TEXT });
      expect(Boolean(scene.original.escrow)).toBe(escrow);
    }
  });

  it("with escrow: the recovered key re-seals new text under the same header and Bob accepts it as Alice's", () => {
    const scene = captureForgeryScene(true, seededRandom('forge-on'));
    const out = forgeAndDeliver(scene, DEFAULT_FORGED_TEXT);
    expect(out.method).toBe('resealed-with-escrowed-key');
    expect(out.forged.header).toBe(scene.original.header);
    expect(equalBytes(out.forged.ciphertext, scene.original.ciphertext)).toBe(false);
    expect(out.delivery).toEqual({ accepted: true, plaintext: DEFAULT_FORGED_TEXT });
    if (out.method === 'resealed-with-escrowed-key') expect(out.recoveredKey).toHaveLength(32);
  });

  it("without escrow: no key to recover, and the keyless edit fails Bob's tag check", () => {
    const scene = captureForgeryScene(false, seededRandom('forge-off'));
    const out = forgeAndDeliver(scene, DEFAULT_FORGED_TEXT);
    expect(out.method).toBe('edited-ciphertext-without-key');
    if (out.method !== 'edited-ciphertext-without-key') return;
    expect(out.noKeyReason).toMatch(/no escrow field/);
    expect(out.attemptedText).toHaveLength(ORIGINAL_TEXT.length);
    expect(out.delivery).toMatchObject({ accepted: false, reason: 'tag-failed' });
  });

  it('the keyless edit really changes the decryption: with the tag check skipped it would read the new text', () => {
    // Proves the refusal comes from the tag, not from a broken edit: the keystream XOR is right.
    const scene = captureForgeryScene(false, seededRandom('forge-off-xor'));
    const out = forgeAndDeliver(scene, DEFAULT_FORGED_TEXT);
    expect(out.method).toBe('edited-ciphertext-without-key');
    if (out.method !== 'edited-ciphertext-without-key') return;
    // body XOR original body = new text XOR original text
    const a = out.forged.ciphertext.subarray(0, ORIGINAL_TEXT.length);
    const b = scene.original.ciphertext.subarray(0, ORIGINAL_TEXT.length);
    const x = a.map((v, i) => v ^ b[i]! ^ ORIGINAL_TEXT.charCodeAt(i));
    expect(bytesToUtf8(x)).toBe(out.attemptedText);
  });

  it('refuses an empty forgery', () => {
    const scene = captureForgeryScene(true, seededRandom('forge-empty'));
    expect(() => forgeAndDeliver(scene, '  ')).toThrow(/Type the text/);
  });
});
