import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '@/lib/crypto/bytes';
import { generateHpkeKeyPair } from '@/lib/crypto/hpke';
import { seededRandom } from '@/lib/crypto/random';
import { decodeHeader } from '@/lib/protocol/envelope-header';
import { sendMessageRequestSchema } from '@/lib/room/room-protocol';
import { openRoomMessage } from './open-room-message';
import { decodeEscrowField } from './escrow-field';
import { EMPTY_SENDER_STATE, RoomSealError, sealRoomMessage, type SealRoomMessageInput } from './seal-room-message';
import { testMembers } from './room-test-members.test-helper';

const CODE = 'ABC234';
const [ada, bo, cy] = testMembers(['Ada', 'Bo', 'Cy']);
const members = [ada!.member, bo!.member, cy!.member];

function input(overrides: Partial<SealRoomMessageInput> = {}): SealRoomMessageInput {
  return {
    code: CODE,
    self: ada!.self,
    to: 'room',
    text: 'Meet at the station at 6',
    members,
    escrowPublicKey: null,
    now: 1_765_000_000_000,
    random: seededRandom('seal'),
    ...overrides,
  };
}

describe('sealRoomMessage and openRoomMessage', () => {
  it('seals a room message that every other member opens and that fits the contract', () => {
    const { message } = sealRoomMessage(EMPTY_SENDER_STATE, input());
    expect(sendMessageRequestSchema.safeParse(message).success).toBe(true);
    expect(message.recipients.map((r) => r.member)).toEqual([bo!.member.id, cy!.member.id]);
    expect(message.ciphertext).not.toContain(bytesToHex(new TextEncoder().encode('station')));
    for (const reader of [bo!, cy!]) {
      const outcome = openRoomMessage({
        code: CODE,
        self: reader.self,
        from: ada!.member.id,
        senderPublicKey: ada!.member.publicKey,
        message,
      });
      expect(outcome).toEqual({ kind: 'opened', text: 'Meet at the station at 6' });
    }
    expect(
      openRoomMessage({
        code: CODE,
        self: ada!.self,
        from: ada!.member.id,
        senderPublicKey: ada!.member.publicKey,
        message,
      }),
    ).toEqual({ kind: 'not-for-me' });
  });

  it('a direct message reaches only its recipient', () => {
    const { message } = sealRoomMessage(EMPTY_SENDER_STATE, input({ to: bo!.member.id }));
    expect(message.recipients.map((r) => r.member)).toEqual([bo!.member.id]);
    const base = { code: CODE, from: ada!.member.id, senderPublicKey: ada!.member.publicKey, message };
    expect(openRoomMessage({ ...base, self: bo!.self }).kind).toBe('opened');
    expect(openRoomMessage({ ...base, self: cy!.self })).toEqual({ kind: 'not-for-me' });
  });

  it('refuses a message whose header names another sender than the relay, or whose bytes changed', () => {
    const { message } = sealRoomMessage(EMPTY_SENDER_STATE, input());
    const spoofed = openRoomMessage({
      code: CODE,
      self: bo!.self,
      from: cy!.member.id,
      senderPublicKey: cy!.member.publicKey,
      message,
    });
    expect(spoofed.kind).toBe('rejected');
    const flipped = message.ciphertext.slice(0, -2) + (message.ciphertext.endsWith('00') ? '01' : '00');
    const tampered = openRoomMessage({
      code: CODE,
      self: bo!.self,
      from: ada!.member.id,
      senderPublicKey: ada!.member.publicKey,
      message: { ...message, ciphertext: flipped },
    });
    expect(tampered).toEqual({ kind: 'rejected', reason: 'the authentication tag did not verify' });
  });

  it('counts per conversation and starts one escrow epoch per escrow key', () => {
    const escrow = bytesToHex(generateHpkeKeyPair(seededRandom('escrow')).publicKey);
    const first = sealRoomMessage(EMPTY_SENDER_STATE, input());
    expect(first.message.escrow).toBeUndefined();
    const second = sealRoomMessage(first.state, input({ escrowPublicKey: escrow }));
    const third = sealRoomMessage(second.state, input({ escrowPublicKey: escrow }));
    const h2 = decodeHeader(hexToBytes(second.message.header));
    const h3 = decodeHeader(hexToBytes(third.message.header));
    expect([h2.counter, h3.counter]).toEqual([1, 2]);
    expect([h2.escrow, h3.escrow]).toEqual([{ epoch: 0 }, { epoch: 0 }]);
    const e2 = decodeEscrowField(hexToBytes(second.message.escrow!));
    const e3 = decodeEscrowField(hexToBytes(third.message.escrow!));
    expect(e2.epochBlob.header.firstCounter).toBe(1);
    expect(e3.epochBlob).toEqual(e2.epochBlob); // the same sealed epoch key rides in every envelope of the epoch
    const other = bytesToHex(generateHpkeKeyPair(seededRandom('escrow-2')).publicKey);
    const fourth = sealRoomMessage(third.state, input({ escrowPublicKey: other }));
    expect(decodeHeader(hexToBytes(fourth.message.header)).escrow).toEqual({ epoch: 1 });
    const direct = sealRoomMessage(fourth.state, input({ to: cy!.member.id }));
    expect(decodeHeader(hexToBytes(direct.message.header)).counter).toBe(0);
  });

  it('refuses empty, overlong and unaddressable messages with a readable reason', () => {
    expect(() => sealRoomMessage(EMPTY_SENDER_STATE, input({ text: '  ' }))).toThrow(RoomSealError);
    expect(() => sealRoomMessage(EMPTY_SENDER_STATE, input({ text: 'x'.repeat(281) }))).toThrow(/at most 280/);
    expect(() => sealRoomMessage(EMPTY_SENDER_STATE, input({ members: [ada!.member] }))).toThrow(/Nobody else/);
    expect(() => sealRoomMessage(EMPTY_SENDER_STATE, input({ to: ada!.member.id }))).toThrow(RoomSealError);
  });
});
