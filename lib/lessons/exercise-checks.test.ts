import { beforeAll, describe, expect, it } from 'vitest';
import { flipBit } from '../crypto/bytes';
import { lootFor } from '../protocol/capability';
import { conversationStateBefore } from '../protocol/device-snapshot';
import { encodeHeader } from '../protocol/envelope-header';
import { deliverToRecipient, forgeByEditingCiphertext, forgeWithEscrowKey } from '../protocol/forgery';
import type { EscrowSecretKey } from '../protocol/escrow-setup';
import { generateWorld, type World } from '../protocol/world';
import type { CheckVerdict } from '../sandbox/check-registry';
import { LESSON_CHECK_REGISTRY, type ForgeryTarget } from './exercise-checks';

function sameItems(value: unknown, expected: unknown, noun = 'messages'): CheckVerdict {
  return LESSON_CHECK_REGISTRY.sameItems!({ value, found: true, what: 'the export `plaintexts`', result: {}, expected, params: { noun } });
}

describe('sameItems', () => {
  const expected = ['a', 'b', 'c'];
  it('passes on equal arrays and counts what is right otherwise, without showing expected items', () => {
    expect(sameItems(['a', 'b', 'c'], expected)).toEqual({ pass: true, message: 'All 3 messages are right.' });
    const partial = sameItems(['a', 'x', 'c'], expected);
    expect(partial.pass).toBe(false);
    expect(partial.message).toBe('2 of 3 messages in the export `plaintexts` are right. The first wrong one is item 1 (it is a string of 1 characters).');
    expect(sameItems(['a', 'b'], expected).message).toMatch(/2 of 3 .*item 2 \(it is missing\).*It has 2 items; there should be 3/);
    expect(sameItems(['a', 'b', 'c', 'd'], expected)).toMatchObject({ pass: false, message: expect.stringMatching(/It has 4 items/) });
    expect(sameItems('abc', expected)).toEqual({ pass: false, message: 'the export `plaintexts` should be an array of 3 messages, but it is a string of 3 characters.' });
    for (const verdict of [partial, sameItems(['x', 'y', 'z'], expected)]) expect(verdict.message).not.toMatch(/"b"|'b'/);
  });

  it('compares bytes by content', () => {
    expect(sameItems([Uint8Array.of(1, 2)], [Uint8Array.of(1, 2)]).pass).toBe(true);
    expect(sameItems([Uint8Array.of(1, 3)], [Uint8Array.of(1, 2)]).pass).toBe(false);
  });
});

describe('recipientAcceptsForgery agrees with the protocol\'s deliverToRecipient', () => {
  let world: World;
  let stolen: readonly EscrowSecretKey[];
  const seq = 21;
  let target: ForgeryTarget;

  beforeAll(async () => {
    world = await generateWorld({ seed: 'exercise-checks', people: 4, conversations: 4, messages: 30, escrow: { variant: 'single' } });
    stolen = (await lootFor(world, [{ kind: 'steal-escrow-key', scenario: 'insider' }])).loot.escrowKeys;
    const h = world.relay.records[seq]!.envelope.header;
    const recipient = world.participants.find((p) => p.id === h.recipient)!;
    target = {
      recipient: { id: recipient.id, name: recipient.name, identity: recipient.identity },
      senderName: world.participants.find((p) => p.id === h.sender)!.name,
      directory: world.directory,
      stateBefore: conversationStateBefore(world, recipient.id, h.conversationId, seq),
      originalText: world.schedule[seq]!.text,
      seed: 'exercise-checks|delivery',
    };
  });

  function check(value: unknown): CheckVerdict {
    return LESSON_CHECK_REGISTRY.recipientAcceptsForgery!({ value, found: true, what: 'the export `forged`', result: {}, expected: target, params: undefined });
  }

  it('accepts a message re-sealed with the escrowed traffic key, like the recipient\'s client', () => {
    const attempt = forgeWithEscrowKey(world.relay.records[seq]!.envelope, stolen, 'Meet at the station instead.');
    if (!attempt.ok) throw new Error(attempt.reason);
    expect(deliverToRecipient(world, seq, attempt.forged)).toEqual({ accepted: true, plaintext: 'Meet at the station instead.' });
    const verdict = check({ header: encodeHeader(attempt.forged.header), ciphertext: attempt.forged.ciphertext });
    expect(verdict.pass).toBe(true);
    expect(verdict.message).toContain('shows: "Meet at the station instead."');
  });

  it('refuses the original message, a keyless edit, a flipped bit, another conversation\'s envelope and a broken header', () => {
    const original = world.relay.records[seq]!.envelope;
    const header = encodeHeader(original.header);
    expect(check({ header, ciphertext: original.ciphertext })).toMatchObject({ pass: false, message: expect.stringMatching(/original message/) });

    const edit = forgeByEditingCiphertext(original, world.schedule[seq]!.text, 'Meet at the station instead.');
    if (!edit.ok) throw new Error('unreachable');
    expect(deliverToRecipient(world, seq, edit.forged)).toMatchObject({ accepted: false, reason: 'tag-failed' });
    expect(check({ header, ciphertext: edit.forged.ciphertext })).toMatchObject({ pass: false, message: expect.stringMatching(/tag does not verify/) });
    expect(check({ header: flipBit(header, 8 * header.length - 1), ciphertext: original.ciphertext }).pass).toBe(false);

    const elsewhere = world.relay.records.find((r) => r.envelope.header.conversationId !== original.header.conversationId)!.envelope;
    expect(deliverToRecipient(world, seq, elsewhere)).toMatchObject({ accepted: false, reason: 'rejected' });
    expect(check({ header: encodeHeader(elsewhere.header), ciphertext: elsewhere.ciphertext })).toMatchObject({ pass: false, message: expect.stringMatching(/refused it: envelope is from/) });

    expect(check({ header: new Uint8Array(0), ciphertext: original.ciphertext }).message).toMatch(/cannot read the export `forged.header`: header ends early/);
    expect(check({ header: 'zz', ciphertext: original.ciphertext }).message).toMatch(/`forged.header` should be bytes/);
    expect(check('forged').message).toMatch(/should be an object \{ header, ciphertext \}/);
  });

  it('leaves the target state untouched, so a second run gives the same verdict', () => {
    const attempt = forgeWithEscrowKey(world.relay.records[seq]!.envelope, stolen, 'Twice.');
    if (!attempt.ok) throw new Error(attempt.reason);
    const value = { header: encodeHeader(attempt.forged.header), ciphertext: attempt.forged.ciphertext };
    expect(check(value)).toEqual(check(value));
  });
});
