import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex } from '@/lib/crypto/bytes';
import { RECOMBINED_KEY_CHECK } from '@/lib/crypto/secret-sharing';
import {
  damageKeyPiece,
  recombineKeyPieces,
  recoverEscrowSecretKey,
  SHARES_NOT_COMBINED_CHECK,
  takeKeyPieces,
} from './key-recombination';
import { generateWorld, type World } from './world';

const piece = (bytes: Uint8Array) => ({
  agencyId: 'a',
  agencyName: 'A',
  authorityId: 'x',
  kind: 'shamir-share' as const,
  bytes,
});

it('damageKeyPiece changes exactly one bit, outside the clamped bits of byte 0, and leaves the original alone', () => {
  const p = piece(new Uint8Array(33).fill(7));
  const q = damageKeyPiece(p);
  expect([...q.bytes].filter((v, i) => v !== p.bytes[i])).toHaveLength(1);
  expect(q.bytes[1]).toBe(6);
  expect(p.bytes[1]).toBe(7);
  expect({ ...q, bytes: p.bytes }).toEqual(p);
});

describe.each([
  ['single', { variant: 'single' }],
  ['xor-2-of-2', { variant: 'xor-2-of-2' }],
  ['shamir', { variant: 'shamir', shamir: { shares: 4, threshold: 3 } }],
] as const)('recombining the %s key', (_name, escrow) => {
  let world: World;
  beforeAll(async () => {
    world = await generateWorld({ seed: `recombination-${_name}`, people: 3, conversations: 2, messages: 4, escrow });
  });

  it('enough intact pieces give the key; one damaged piece fails the named check; too few try nothing', async () => {
    const setup = world.escrow!;
    const authority = setup.authorities[0]!;
    const ids = setup.pieces.map((p) => p.agencyId).slice(0, setup.piecesNeeded);
    const good = await recoverEscrowSecretKey(setup, authority.id, takeKeyPieces(setup.pieces, ids), 'test');
    expect(good.ok).toBe(true);
    const bad = await recoverEscrowSecretKey(setup, authority.id, takeKeyPieces(setup.pieces, ids, [ids[0]!]), 'test');
    expect(bad).toMatchObject({ ok: false, reason: 'check-failed', check: RECOMBINED_KEY_CHECK });
    const direct = await recombineKeyPieces(authority, takeKeyPieces(setup.pieces, ids, [ids[0]!]));
    expect(direct.check.passed).toBe(false);
    if (!bad.ok) expect(bad.message).toBe(direct.check.message);
    expect(direct.check.message).toContain(bytesToHex(direct.candidatePublicKey!).slice(0, 16));
    if (setup.piecesNeeded > 1) {
      const short = await recoverEscrowSecretKey(
        setup,
        authority.id,
        takeKeyPieces(setup.pieces, ids.slice(1)),
        'test',
      );
      expect(short).toMatchObject({ ok: false, reason: 'not-enough-pieces' });
    }
  });
});

it('a share the library refuses is reported under its own check name', async () => {
  const world = await generateWorld({
    seed: 'recombination-refused',
    people: 3,
    conversations: 2,
    messages: 4,
    escrow: { variant: 'shamir', shamir: { shares: 3, threshold: 2 } },
  });
  const setup = world.escrow!;
  const [a, b] = setup.pieces as [(typeof setup.pieces)[0], (typeof setup.pieces)[0]];
  // Two shares with the same x-coordinate cannot be interpolated.
  const result = await recoverEscrowSecretKey(setup, 'escrow-authority', [a, { ...b, bytes: a.bytes }], 'test');
  expect(result).toMatchObject({ ok: false, reason: 'check-failed', check: SHARES_NOT_COMBINED_CHECK });
});
