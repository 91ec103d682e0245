import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/crypto/random';
import { generateHpkeKeyPair } from '@/lib/crypto/hpke';
import { sealEscrowEpoch } from '@/lib/protocol/escrow-epoch';
import { decodeEscrowField, encodeEscrowField, EscrowFieldError } from './escrow-field';

describe('escrow field', () => {
  const random = seededRandom('escrow-field');
  const authority = generateHpkeKeyPair(random);
  const epochBlob = sealEscrowEpoch(
    {
      conversationId: 'ABC234/room',
      sender: 'a'.repeat(22),
      recipient: 'room',
      epoch: 3,
      startedAt: 29_416_666,
      firstCounter: 7,
    },
    random.bytes(32),
    [{ authorityId: 'room-escrow', publicKey: authority.publicKey }],
    random,
  );
  const escrow = { epochBlob, wrappedKey: random.bytes(48) };

  it('round-trips and fits the contract bound of 512 bytes', () => {
    const bytes = encodeEscrowField(escrow);
    expect(bytes.length).toBeLessThanOrEqual(512);
    expect(decodeEscrowField(bytes)).toEqual(escrow);
  });

  it('refuses truncated and padded bytes', () => {
    const bytes = encodeEscrowField(escrow);
    expect(() => decodeEscrowField(bytes.slice(0, -1))).toThrow(EscrowFieldError);
    const padded = new Uint8Array(bytes.length + 1);
    padded.set(bytes);
    expect(() => decodeEscrowField(padded)).toThrow(/trailing/);
  });
});
