import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex } from '@/lib/crypto/bytes';
import { RECOMBINED_KEY_CHECK } from '@/lib/crypto/secret-sharing';
import { publicKeyFromSecret } from '@/lib/crypto/x25519';
import { corruptPiece, createSplitCustody, recombine, SPLIT_WORLD, type SplitCustody } from './split-custody';

describe('XOR custody', () => {
  let c: SplitCustody;
  beforeAll(async () => {
    c = await createSplitCustody('xor', 'split-xor-test');
  });
  it('two 32-byte components, both needed', async () => {
    expect(c.pieces.map((p) => p.bytes.length)).toEqual([32, 32]);
    expect(c.threshold).toBe(2);
    const [a, b] = c.pieces.map((p) => p.agencyId) as [string, string];
    for (const one of [[a], [b]]) {
      const r = await recombine(c, one);
      expect(r.check.passed).toBe(false);
      expect(r.opened).toBe(0);
      expect(r.total).toBe(SPLIT_WORLD.messages);
    }
    const both = await recombine(c, [a, b]);
    expect(both.check.passed).toBe(true);
    expect(bytesToHex(publicKeyFromSecret(both.candidate!))).toBe(bytesToHex(c.publicKey));
    expect(both.opened).toBe(SPLIT_WORLD.messages);
  });
});

describe.each([
  [2, 3],
  [3, 5],
])('Shamir %i-of-%i custody', (threshold, shares) => {
  let c: SplitCustody;
  beforeAll(async () => {
    c = await createSplitCustody('shamir', `split-shamir-${threshold}-${shares}`, { shares, threshold });
  });
  it('below the threshold opens nothing; at it, any choice of agencies opens everything', async () => {
    expect(c.pieces).toHaveLength(shares);
    expect(c.pieces.every((p) => p.bytes.length === 33)).toBe(true);
    const ids = c.pieces.map((p) => p.agencyId);
    const below = await recombine(c, ids.slice(0, threshold - 1));
    expect(below.check.passed).toBe(false);
    expect(below.opened).toBe(0);
    for (const pick of [ids.slice(0, threshold), ids.slice(shares - threshold)]) {
      const r = await recombine(c, pick);
      expect(r.check.passed).toBe(true);
      expect(r.opened).toBe(SPLIT_WORLD.messages);
    }
  });
  it('a corrupted share fails the named check and the wrong key opens nothing', async () => {
    const ids = c.pieces.map((p) => p.agencyId).slice(0, threshold);
    const r = await recombine(c, ids, [ids[0]!]);
    expect(r.corrupted).toEqual([ids[0]]);
    expect(r.check).toMatchObject({ name: RECOMBINED_KEY_CHECK, passed: false });
    expect(r.candidate).not.toBeNull();
    expect(r.opened).toBe(0);
  });
});

it('corruptPiece changes exactly one bit, outside the clamped bits of byte 0', () => {
  const p = new Uint8Array(33).fill(7);
  const q = corruptPiece(p);
  expect([...q].filter((v, i) => v !== p[i])).toHaveLength(1);
  expect(q[1]).toBe(6);
});

it('refuses thresholds outside 2..5', async () => {
  await expect(createSplitCustody('shamir', 'x', { shares: 6, threshold: 2 })).rejects.toThrow(/2 ≤ k ≤ n ≤ 5/);
  await expect(createSplitCustody('shamir', 'x', { shares: 3, threshold: 4 })).rejects.toThrow(/2 ≤ k ≤ n ≤ 5/);
});
