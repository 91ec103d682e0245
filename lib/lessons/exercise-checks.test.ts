import { beforeAll, describe, expect, it } from 'vitest';
import { flipBit } from '../crypto/bytes';
import { lootFor } from '../protocol/capability';
import { conversationStateBefore } from '../protocol/device-snapshot';
import { encodeHeader } from '../protocol/envelope-header';
import { bytesToHex } from '../crypto/bytes';
import {
  deliverToRecipient,
  forgeByEditingCiphertext,
  forgeWithEscrowKey,
  recoverTrafficKeyWithEscrow,
  resealWithKey,
} from '../protocol/forgery';
import type { EscrowSecretKey } from '../protocol/escrow-setup';
import { generateWorld, type World } from '../protocol/world';
import type { CheckVerdict } from '../sandbox/check-registry';
import { LESSON_CHECK_REGISTRY, type ForgeryTarget } from './exercise-checks';

function sameItems(value: unknown, expected: unknown, noun = 'messages'): CheckVerdict {
  return LESSON_CHECK_REGISTRY.sameItems!({
    value,
    found: true,
    what: 'the export `plaintexts`',
    result: {},
    expected,
    params: { noun },
  });
}

describe('sameItems', () => {
  const expected = ['a', 'b', 'c'];
  it('passes on equal arrays and counts what is right otherwise, without showing expected items', () => {
    expect(sameItems(['a', 'b', 'c'], expected)).toEqual({ pass: true, message: 'All 3 messages are right.' });
    const partial = sameItems(['a', 'x', 'c'], expected);
    expect(partial.pass).toBe(false);
    expect(partial.message).toBe(
      '2 of 3 messages in the export `plaintexts` are right. The first wrong one is item 1 (it is a string of 1 characters).',
    );
    expect(sameItems(['a', 'b'], expected).message).toMatch(
      /2 of 3 .*item 2 \(it is missing\).*It has 2 items; there should be 3/,
    );
    expect(sameItems(['a', 'b', 'c', 'd'], expected)).toMatchObject({
      pass: false,
      message: expect.stringMatching(/It has 4 items/),
    });
    expect(sameItems('abc', expected)).toEqual({
      pass: false,
      message: 'the export `plaintexts` should be an array of 3 messages, but it is a string of 3 characters.',
    });
    for (const verdict of [partial, sameItems(['x', 'y', 'z'], expected)])
      expect(verdict.message).not.toMatch(/"b"|'b'/);
  });

  it('compares bytes by content', () => {
    expect(sameItems([Uint8Array.of(1, 2)], [Uint8Array.of(1, 2)]).pass).toBe(true);
    expect(sameItems([Uint8Array.of(1, 3)], [Uint8Array.of(1, 2)]).pass).toBe(false);
  });
});

describe("recipientAcceptsForgery agrees with the protocol's deliverToRecipient", () => {
  let world: World;
  let stolen: readonly EscrowSecretKey[];
  const seq = 21;
  let target: ForgeryTarget;

  function targetFor(seq: number): ForgeryTarget {
    const h = world.relay.records[seq]!.envelope.header;
    const recipient = world.participants.find((p) => p.id === h.recipient)!;
    return {
      recipient: { id: recipient.id, name: recipient.name, identity: recipient.identity },
      senderName: world.participants.find((p) => p.id === h.sender)!.name,
      directory: world.directory,
      stateBefore: conversationStateBefore(world, recipient.id, h.conversationId, seq),
      originalText: world.schedule[seq]!.text,
      seed: 'exercise-checks|delivery',
      trafficKey: recoverTrafficKeyWithEscrow(world.relay.records[seq]!.envelope, stolen)!,
      captured: world.relay.records.map((r) => ({
        seq: r.seq,
        header: encodeHeader(r.envelope.header),
        ciphertext: r.envelope.ciphertext,
      })),
      capturedTexts: world.schedule.map((m) => m.text),
    };
  }

  beforeAll(async () => {
    world = await generateWorld({
      seed: 'exercise-checks',
      people: 4,
      conversations: 4,
      messages: 30,
      escrow: { variant: 'single' },
    });
    stolen = (await lootFor(world, [{ kind: 'steal-escrow-key', scenario: 'insider' }])).loot.escrowKeys;
    target = targetFor(seq);
  });

  function checkAgainst(value: unknown, forgeryTarget: ForgeryTarget): CheckVerdict {
    return LESSON_CHECK_REGISTRY.recipientAcceptsForgery!({
      value,
      found: true,
      what: 'the export `forged`',
      result: {},
      expected: forgeryTarget,
      params: undefined,
    });
  }
  const check = (value: unknown, forgeryTarget: ForgeryTarget = target) => checkAgainst(value, forgeryTarget);

  it("accepts a message re-sealed with the escrowed traffic key, like the recipient's client", () => {
    const attempt = forgeWithEscrowKey(world.relay.records[seq]!.envelope, stolen, 'Meet at the station instead.');
    if (!attempt.ok) throw new Error(attempt.reason);
    expect(deliverToRecipient(world, seq, attempt.forged)).toEqual({
      accepted: true,
      plaintext: 'Meet at the station instead.',
    });
    const verdict = check({ header: encodeHeader(attempt.forged.header), ciphertext: attempt.forged.ciphertext });
    expect(verdict.pass).toBe(true);
    expect(verdict.message).toContain('shows: "Meet at the station instead."');
  });

  it("refuses the original message, a keyless edit, a flipped bit, another conversation's envelope and a broken header", () => {
    const original = world.relay.records[seq]!.envelope;
    const header = encodeHeader(original.header);
    // Every captured envelope is refused as what it is (a replay) before the recipient is asked.
    expect(check({ header, ciphertext: original.ciphertext })).toMatchObject({
      pass: false,
      message: expect.stringMatching(`is captured envelope ${seq}, replayed unchanged`),
    });
    // Were the capture not listed, the recipient's own verdict would still refuse it.
    expect(check({ header, ciphertext: original.ciphertext }, { ...target, captured: [] })).toMatchObject({
      pass: false,
      message: expect.stringMatching(/original message/),
    });

    const edit = forgeByEditingCiphertext(original, world.schedule[seq]!.text, 'Meet at the station instead.');
    if (!edit.ok) throw new Error('unreachable');
    expect(deliverToRecipient(world, seq, edit.forged)).toMatchObject({ accepted: false, reason: 'tag-failed' });
    expect(check({ header, ciphertext: edit.forged.ciphertext })).toMatchObject({
      pass: false,
      message: expect.stringMatching(`reuses the authentication tag of captured envelope ${seq}`),
    });
    expect(check({ header, ciphertext: edit.forged.ciphertext }, { ...target, captured: [] })).toMatchObject({
      pass: false,
      message: expect.stringMatching(/is not sealed under the traffic key/),
    });
    expect(check({ header: flipBit(header, 8 * header.length - 1), ciphertext: original.ciphertext }).pass).toBe(false);

    const elsewhere = world.relay.records.find(
      (r) => r.envelope.header.conversationId !== original.header.conversationId,
    )!.envelope;
    expect(deliverToRecipient(world, seq, elsewhere)).toMatchObject({ accepted: false, reason: 'rejected' });
    expect(check({ header: encodeHeader(elsewhere.header), ciphertext: elsewhere.ciphertext })).toMatchObject({
      pass: false,
      message: expect.stringMatching(/replayed unchanged/),
    });

    expect(check({ header: new Uint8Array(0), ciphertext: original.ciphertext }).message).toMatch(
      /cannot read the export `forged.header`: header ends early/,
    );
    expect(check({ header: 'zz', ciphertext: original.ciphertext }).message).toMatch(/`forged.header` should be bytes/);
    expect(check('forged').message).toMatch(/should be an object \{ header, ciphertext \}/);
  });

  it("refuses the red team's replay: a genuine envelope from later in the same chain, which the recipient accepts", () => {
    const records = world.relay.records;
    // The first message followed, in the same sending chain, by one its recipient accepts in its place.
    const sameChainLater = (s: number) =>
      records.find(
        (r) =>
          r.seq > s &&
          r.envelope.header.conversationId === records[s]!.envelope.header.conversationId &&
          r.envelope.header.sender === records[s]!.envelope.header.sender &&
          deliverToRecipient(world, s, r.envelope).accepted,
      );
    const seq = records.findIndex((r) => sameChainLater(r.seq) !== undefined);
    const later = sameChainLater(seq)!;
    const original = records[seq]!.envelope;
    const target = targetFor(seq);
    const check = (value: unknown, forgeryTarget: ForgeryTarget = target) => checkAgainst(value, forgeryTarget);
    // The hole: the recipient's client accepts it, with a text that differs from the original.
    const delivered = deliverToRecipient(world, seq, later.envelope);
    expect(delivered).toMatchObject({ accepted: true });
    expect(delivered).not.toMatchObject({ plaintext: world.schedule[seq]!.text });
    const replay = { header: encodeHeader(later.envelope.header), ciphertext: later.envelope.ciphertext };
    expect(check(replay)).toMatchObject({
      pass: false,
      message: expect.stringMatching(`is captured envelope ${later.seq}, replayed unchanged`),
    });
    expect(check({ header: bytesToHex(replay.header), ciphertext: bytesToHex(replay.ciphertext) }).pass).toBe(false);
    // Without the capture list, the key check alone refuses it: it is not sealed under this message's key.
    expect(check(replay, { ...target, captured: [] })).toMatchObject({
      pass: false,
      message: expect.stringMatching(/is not sealed under the traffic key/),
    });
    // Trivial transforms of a captured ciphertext.
    const padded = new Uint8Array([...later.envelope.ciphertext, 0]);
    expect(check({ header: replay.header, ciphertext: padded }).message).toMatch(
      `contains the ciphertext of captured envelope ${later.seq}`,
    );
    expect(check({ header: encodeHeader(original.header), ciphertext: later.envelope.ciphertext }).message).toMatch(
      'under another header',
    );
  });

  it("refuses a captured message's text resealed under the recovered key: the text must be the learner's own", () => {
    const original = world.relay.records[seq]!.envelope;
    const borrowed = world.schedule.find((m, i) => i !== seq && m.text !== world.schedule[seq]!.text)!.text;
    const resealed = resealWithKey(original, target.trafficKey, borrowed);
    expect(deliverToRecipient(world, seq, resealed)).toEqual({ accepted: true, plaintext: borrowed });
    expect(check({ header: encodeHeader(resealed.header), ciphertext: resealed.ciphertext })).toMatchObject({
      pass: false,
      message: expect.stringMatching(/one the capture already held/),
    });
  });

  it('cuts a long forged text in its message', () => {
    const attempt = forgeWithEscrowKey(world.relay.records[seq]!.envelope, stolen, 'x'.repeat(5000));
    if (!attempt.ok) throw new Error(attempt.reason);
    const verdict = check({ header: encodeHeader(attempt.forged.header), ciphertext: attempt.forged.ciphertext });
    expect(verdict.pass).toBe(true);
    expect(verdict.message.length).toBeLessThan(400);
    expect(verdict.message).toContain('(5000 characters)');
  });

  it('leaves the target state untouched, so a second run gives the same verdict', () => {
    const attempt = forgeWithEscrowKey(world.relay.records[seq]!.envelope, stolen, 'Twice.');
    if (!attempt.ok) throw new Error(attempt.reason);
    const value = { header: encodeHeader(attempt.forged.header), ciphertext: attempt.forged.ciphertext };
    expect(check(value)).toEqual(check(value));
  });
});
