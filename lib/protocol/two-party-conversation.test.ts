import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8ToBytes } from '@/lib/crypto/bytes';
import { seededRandom } from '@/lib/crypto/random';
import { generateKeyPair } from '@/lib/crypto/x25519';
import { decryptCapture } from './decrypt-capture';
import { DeliveryRejectedError } from './device';
import type { KeyAgreementMode } from './envelope-header';
import { theftTimeline } from './theft-timeline';
import {
  conversationCapture,
  phoneAfterMessage,
  sendInConversation,
  startTwoPartyConversation,
  type TwoPartyConversation,
  type TwoPartyMember,
} from './two-party-conversation';

const TEXTS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function run(mode: KeyAgreementMode, seed: string, count = TEXTS.length): TwoPartyConversation {
  const random = seededRandom(seed);
  let conversation = startTwoPartyConversation({
    mode,
    conversationId: 'alice-bob',
    identities: { alice: generateKeyPair(random), bob: generateKeyPair(random) },
    random,
  });
  for (let i = 0; i < count; i++) {
    const sender: TwoPartyMember = i % 2 === 0 ? 'alice' : 'bob';
    conversation = sendInConversation(conversation, sender, TEXTS[i]!, 540 + 7 * i, random).conversation;
  }
  return conversation;
}

function stealBobAfter(conversation: TwoPartyConversation, seq: number) {
  const phone = phoneAfterMessage(conversation, 'bob', seq);
  const report = decryptCapture(conversationCapture(conversation), { devices: [phone], escrowKeys: [] });
  return { phone, report, timeline: theftTimeline(conversation.records, phone, report) };
}

describe('a two-party conversation through the relay', () => {
  it.each(['static', 'ratchet'] as const)(
    '%s: every message reaches the other phone and opens there; the wire holds no plaintext',
    (mode) => {
      const c = run(mode, `deliver-${mode}`);
      expect(c.records).toHaveLength(10);
      expect(c.deliveries).toEqual(TEXTS.map((plaintext, seq) => ({ seq, ok: true, plaintext })));
      for (const [i, r] of c.records.entries()) {
        expect(r.seq).toBe(i);
        expect(r.envelope.header).toMatchObject({
          sender: i % 2 ? 'bob' : 'alice',
          recipient: i % 2 ? 'alice' : 'bob',
          mode,
          counter: Math.floor(i / 2),
        });
        expect(r.envelope.ciphertext).toHaveLength(utf8ToBytes(TEXTS[i]!).length + 16);
        expect(bytesToHex(r.envelope.ciphertext)).not.toContain(bytesToHex(utf8ToBytes(TEXTS[i]!)));
      }
      // One version per message each phone handled, plus the initial one.
      expect(c.history.alice).toHaveLength(11);
      expect(c.history.bob).toHaveLength(11);
    },
  );

  it('leaves its input untouched', () => {
    const c = run('ratchet', 'immutable', 3);
    const next = sendInConversation(c, 'bob', 'later', 600, seededRandom('x'));
    expect(c.records).toHaveLength(3);
    expect(c.deliveries).toHaveLength(3);
    expect(next.conversation.records).toHaveLength(4);
    expect(next.record.seq).toBe(3);
    expect(next.delivery).toEqual({ seq: 3, ok: true, plaintext: 'later' });
  });

  it('refuses what the protocol cannot do, changing nothing', () => {
    const empty = run('ratchet', 'bob-first', 0);
    expect(() => sendInConversation(empty, 'bob', 'hi', 0, seededRandom('y'))).toThrow(DeliveryRejectedError);
    const c = run('static', 'time-order', 2);
    expect(() => sendInConversation(c, 'alice', 'earlier', 100, seededRandom('z'))).toThrow(/time order/);
    expect(c.records).toHaveLength(2);
  });

  it('a phone is stolen at a moment: after a message, never between two sent in the same minute', () => {
    const c = run('static', 'moment', 3);
    expect(phoneAfterMessage(c, 'bob', 1).takenAt).toBe(547);
    expect(() => phoneAfterMessage(c, 'bob', 3)).toThrow(/no message 3/);
    const same = sendInConversation(c, 'bob', 'same minute', c.records[2]!.at, seededRandom('w')).conversation;
    expect(() => phoneAfterMessage(same, 'bob', 2)).toThrow(/same minute/);
  });
});

describe("Bob's phone stolen, the recorded conversation decrypted with what it held", () => {
  it('static: the identity key opens every message, before and after the theft', () => {
    const c = run('static', 'static-theft');
    for (const seq of [0, 4, 8]) {
      const { timeline, report } = stealBobAfter(c, seq);
      expect(timeline.before).toEqual({ opened: seq + 1, total: seq + 1 });
      expect(timeline.after).toEqual({ opened: 9 - seq, total: 9 - seq });
      expect(timeline.healedAtSeq).toBeNull();
      for (const o of report.outcomes)
        expect(o).toMatchObject({ kind: 'opened', plaintext: TEXTS[o.seq], openedWith: { kind: 'device-static-key' } });
    }
  });

  it("ratchet: no message from before the theft opens; after it, one or two do, then Bob's fresh ratchet key locks the thief out", () => {
    const c = run('ratchet', 'ratchet-theft');
    for (let seq = 0; seq <= 8; seq++) {
      const { timeline } = stealBobAfter(c, seq);
      const before = timeline.entries.filter((e) => e.phase === 'before');
      const after = timeline.entries.filter((e) => e.phase === 'after');
      expect(before.map((e) => e.outcome.kind).every((k) => k !== 'opened')).toBe(true);
      expect(timeline.before).toEqual({ opened: 0, total: seq + 1 });
      // Alternating turns. Stolen after Alice's message (even seq): Bob's reply runs on the sending
      // chain the phone holds, and Alice's next turn is a DH with Bob's ratchet key, whose secret the
      // phone holds: 2 open. Stolen after Bob's message: only Alice's reply opens. Then Bob's phone
      // makes a fresh ratchet key pair and the thief is out.
      const expectedOpen = Math.min(seq % 2 === 0 ? 2 : 1, after.length);
      expect(after.map((e) => e.outcome.kind === 'opened')).toEqual(after.map((_, i) => i < expectedOpen));
      for (const e of after.slice(0, expectedOpen))
        expect(e.outcome).toMatchObject({ kind: 'opened', plaintext: TEXTS[e.seq] });
      // Healing: the first of Bob's messages under a key pair made after the theft, if the talk goes on that long.
      const firstBobFresh = after.find((e) => e.sender === 'bob' && e.seq > seq + (seq % 2 === 0 ? 1 : 0));
      expect(timeline.healedAtSeq).toBe(firstBobFresh?.seq ?? null);
      if (timeline.healedAtSeq !== null) {
        expect(timeline.entries[timeline.healedAtSeq]!.outcome.kind).not.toBe('opened');
      }
    }
  });

  it('ratchet: with the phone taken after the last message nothing at all opens', () => {
    const c = run('ratchet', 'last');
    const { timeline } = stealBobAfter(c, 9);
    expect(timeline.before).toEqual({ opened: 0, total: 10 });
    expect(timeline.after).toEqual({ opened: 0, total: 0 });
  });

  it('theftTimeline insists that every message was tried', () => {
    const c = run('static', 'tried', 4);
    const phone = phoneAfterMessage(c, 'bob', 1);
    expect(() =>
      theftTimeline(c.records, phone, {
        outcomes: [],
        counts: { opened: 0, tagFailed: 0, noKey: 0, outsideWarrant: 0 },
        cancelled: false,
      }),
    ).toThrow(/message 0 was not tried/);
  });
});
