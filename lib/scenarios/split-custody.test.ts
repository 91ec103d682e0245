import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex } from '@/lib/crypto/bytes';
import { RECOMBINED_KEY_CHECK } from '@/lib/crypto/secret-sharing';
import { publicKeyFromSecret } from '@/lib/crypto/x25519';
import { lootFor } from '@/lib/protocol/capability';
import { damageKeyPiece, recombineKeyPieces } from '@/lib/protocol/key-recombination';
import { createSplitCustody, recombine, SPLIT_WORLD, type SplitCustody } from './split-custody';

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

it('refuses thresholds outside 2..5', async () => {
  await expect(createSplitCustody('shamir', 'x', { shares: 6, threshold: 2 })).rejects.toThrow(/2 ≤ k ≤ n ≤ 5/);
  await expect(createSplitCustody('shamir', 'x', { shares: 3, threshold: 4 })).rejects.toThrow(/2 ≤ k ≤ n ≤ 5/);
});

describe.each(['xor', 'shamir'] as const)('the piece shown as damaged is the piece the loot used (%s)', (scheme) => {
  let c: SplitCustody;
  beforeAll(async () => {
    c = await createSplitCustody(scheme, `split-drift-${scheme}`, { shares: 3, threshold: 2 });
  });

  it("the shown bytes are the original with damageKeyPiece applied, and recombining them gives the reply and the loot's verdict", async () => {
    const ids = c.pieces.map((p) => p.agencyId).slice(0, c.threshold);
    const victim = ids[0]!;
    // What the escrow lab's service returns and SplitKeys shows for "corrupt a share and recombine".
    const shown = await recombine(c, ids, [victim]);
    const shownVictim = shown.pieces.find((p) => p.agencyId === victim)!.bytes;
    const original = c.pieces.find((p) => p.agencyId === victim)!;
    expect(bytesToHex(shownVictim)).toBe(bytesToHex(damageKeyPiece(original).bytes));
    expect(bytesToHex(shownVictim)).not.toBe(bytesToHex(original.bytes));
    for (const p of shown.pieces.filter((q) => q.agencyId !== victim))
      expect(bytesToHex(p.bytes)).toBe(bytesToHex(c.pieces.find((q) => q.agencyId === p.agencyId)!.bytes));

    // Recombining exactly the shown bytes reproduces the reply's candidate and verdict...
    const fromShown = await recombineKeyPieces(
      c.authority,
      shown.pieces.map((p) => ({ ...c.pieces.find((q) => q.agencyId === p.agencyId)!, bytes: p.bytes })),
    );
    expect(fromShown.check).toEqual(shown.check);
    expect(bytesToHex(fromShown.candidate!)).toBe(bytesToHex(shown.candidate!));
    expect(shown.check.passed).toBe(false);

    // ...and the attack lab's loot, stealing the same pieces with the same one damaged, fails the
    // same check with the same candidate public key in its message: the same damaged bytes went in.
    const { loot, notes } = await lootFor(c.world, [{ kind: 'steal-key-pieces', agencies: ids, corrupt: [victim] }]);
    expect(loot.escrowKeys).toEqual([]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      outcome: 'check-failed',
      check: RECOMBINED_KEY_CHECK,
      message: shown.check.message,
    });
    expect(notes[0]!.message).toContain(bytesToHex(shown.candidatePublicKey!).slice(0, 16));
  });
});
