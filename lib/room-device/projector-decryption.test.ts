import { describe, expect, it } from 'vitest';
import { bytesToHex } from '@/lib/crypto/bytes';
import { generateHpkeKeyPair } from '@/lib/crypto/hpke';
import { seededRandom } from '@/lib/crypto/random';
import { decryptLeakedRoom, type CapturedRoomMessage } from './projector-decryption';
import { EMPTY_SENDER_STATE, sealRoomMessage, type RoomSenderState } from './seal-room-message';
import { testMembers } from './room-test-members.test-helper';

const CODE = 'XYZ789';
const people = testMembers(['Ada', 'Bo', 'Cy']);
const members = people.map((p) => p.member);
const escrow = generateHpkeKeyPair(seededRandom('room escrow'));
const random = seededRandom('projector');

function send(
  states: Map<string, RoomSenderState>,
  from: number,
  to: string,
  text: string,
  escrowOn: boolean,
): CapturedRoomMessage {
  const sender = people[from]!;
  const { message, state } = sealRoomMessage(states.get(sender.member.id) ?? EMPTY_SENDER_STATE, {
    code: CODE,
    self: sender.self,
    to,
    text,
    members,
    escrowPublicKey: escrowOn ? bytesToHex(escrow.publicKey) : null,
    now: 1_765_000_000_000,
    random,
  });
  states.set(sender.member.id, state);
  return { messageId: `m${states.size}-${text.length}`.padEnd(22, 'x'), from: sender.member.id, sentAt: 0, message };
}

describe('decryptLeakedRoom', () => {
  it('opens exactly the escrowed messages; the ones before escrow stay closed', () => {
    const states = new Map<string, RoomSenderState>();
    const before = [
      send(states, 0, 'room', 'before one', false),
      send(states, 1, people[2]!.member.id, 'before two', false),
    ];
    const after = [
      send(states, 0, 'room', 'after one', true),
      send(states, 1, people[2]!.member.id, 'after two', true),
      send(states, 2, 'room', 'after three', true),
      send(states, 0, 'room', 'after four', true),
    ];
    const ids = (list: CapturedRoomMessage[], i: number) => ({
      ...list[i]!,
      messageId: `msg${i}`.padEnd(22, String(list.length)),
    });
    const captured = [...before.map((_, i) => ids(before, i)), ...after.map((_, i) => ids(after, i))];
    const result = decryptLeakedRoom(CODE, captured, members, escrow.secretKey);
    expect(result.outcomes.map((o) => (o.kind === 'opened' ? o.text : o.reason))).toEqual([
      'not-escrowed',
      'not-escrowed',
      'after one',
      'after two',
      'after three',
      'after four',
    ]);
    expect(result.counts).toEqual({ opened: 4, notEscrowed: 2, failed: 0 });
  });

  it('a different key opens nothing, and a malformed message is reported, not thrown', () => {
    const states = new Map<string, RoomSenderState>();
    const escrowed = send(states, 0, 'room', 'hello', true);
    const wrongKey = generateHpkeKeyPair(seededRandom('not the escrow key')).secretKey;
    const broken: CapturedRoomMessage = {
      ...escrowed,
      messageId: 'broken'.padEnd(22, 'x'),
      message: { ...escrowed.message, header: 'abcd' },
    };
    const result = decryptLeakedRoom(CODE, [escrowed, broken], members, wrongKey);
    expect(result.outcomes).toEqual([
      { messageId: escrowed.messageId, kind: 'closed', reason: 'escrow-key-failed' },
      { messageId: broken.messageId, kind: 'closed', reason: 'malformed' },
    ]);
    expect(result.counts).toEqual({ opened: 0, notEscrowed: 0, failed: 2 });
  });
});
