import { describe, expect, it } from 'vitest';
import { equalBytes } from '@/lib/crypto/bytes';
import { seededRandom } from '@/lib/crypto/random';
import { generateKeyPair } from '@/lib/crypto/x25519';
import { openEscrowEpoch } from '@/lib/protocol/escrow-epoch';
import { createLabAuthority } from '@/lib/scenarios/lab-people';
import { runEscrowSwitch } from './escrow-switch';

const random = seededRandom('escrow-switch-test');
const alice = generateKeyPair(random);
const bob = generateKeyPair(random);
const TEXT = 'Meet me at the library at 6';

describe('runEscrowSwitch', () => {
  it('with escrow off: one envelope, Alice and Bob open it, the server has no key', () => {
    const r = runEscrowSwitch({ alice, bob, text: TEXT, authority: null, escrow: false, random });
    expect(r.on).toBeNull();
    expect(r.off.escrow).toBeNull();
    expect(r.attemptsOff.map((a) => [a.who, a.outcome])).toEqual([
      ['alice', 'opened'],
      ['bob', 'opened'],
      ['server', 'no-key'],
    ]);
    expect(r.attemptsOff[1]!.plaintext).toBe(TEXT);
  });

  it('with escrow on: same ciphertext body, a different tag, and one more party that opens it', () => {
    const authority = createLabAuthority(random);
    const r = runEscrowSwitch({ alice, bob, text: TEXT, authority, escrow: true, random });
    const on = r.on!;
    // Same traffic key and nonce, so the keystream and the body are identical...
    expect(equalBytes(on.body, r.off.body)).toBe(true);
    expect(equalBytes(on.nonce, r.off.nonce)).toBe(true);
    // ...but the header (the aad) now carries the escrow epoch, so the tag differs.
    expect(on.size.header).toBe(r.off.size.header + 4);
    expect(equalBytes(on.tag, r.off.tag)).toBe(false);
    // The escrow field: 32-byte enc, 48-byte sealed epoch key, 48-byte wrapped key, plus the epoch header.
    expect(on.escrow!.enc.length).toBe(32);
    expect(on.escrow!.sealedEpochKey.length).toBe(48);
    expect(on.escrow!.wrappedKey.length).toBe(48);
    expect(on.size.escrow).toBe(32 + 48 + 48 + on.escrow!.epochHeaderBytes.length);
    expect(on.size.total).toBe(on.size.header + on.size.ciphertext + on.size.escrow);
    expect(r.attemptsOn!.map((a) => [a.who, a.outcome])).toEqual([
      ['alice', 'opened'],
      ['bob', 'opened'],
      ['server', 'no-key'],
      ['escrow', 'opened'],
    ]);
    expect(r.attemptsOn![3]!.plaintext).toBe(TEXT);
    // The authority has nothing to open on the envelope sealed without escrow.
    expect(r.attemptsOff.find((a) => a.who === 'escrow')!.outcome).toBe('no-key');
    // The sealed epoch key opens with the authority's key and not with another.
    const blob = on.envelope.escrow!.epochBlob;
    expect(openEscrowEpoch(blob, authority.id, authority.secretKey)).toHaveLength(32);
    expect(() => openEscrowEpoch(blob, authority.id, createLabAuthority(random).secretKey)).toThrow();
  });

  it('once the authority exists, it tries the envelope without escrow too, and finds nothing to open', () => {
    const authority = createLabAuthority(random);
    const r = runEscrowSwitch({ alice, bob, text: TEXT, authority, escrow: false, random });
    expect(r.on).toBeNull();
    expect(r.attemptsOff.map((a) => [a.who, a.outcome])).toEqual([
      ['alice', 'opened'],
      ['bob', 'opened'],
      ['server', 'no-key'],
      ['escrow', 'no-key'],
    ]);
    expect(() => runEscrowSwitch({ alice, bob, text: TEXT, authority: null, escrow: true, random })).toThrow(
      /needs an authority/,
    );
  });

  it('refuses an empty message', () => {
    expect(() => runEscrowSwitch({ alice, bob, text: '', authority: null, escrow: false, random })).toThrow(
      /Type a message/,
    );
  });
});
