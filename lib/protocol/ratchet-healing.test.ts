/**
 * The healing the forward secrecy lesson lets the learner cause (RatchetHealing): after Bob's phone
 * is stolen, the thief keeps reading while Bob's phone runs on the key material it copied, and is
 * locked out from the first message Bob sends under a ratchet key pair made after the theft, which
 * needs a new ratchet key from Alice first (Double Ratchet §2.3). Decided by the real decryption run.
 */
import { describe, expect, it } from 'vitest';
import { csprng } from '@/lib/crypto/random';
import { generateKeyPair } from '@/lib/crypto/x25519';
import { decryptCapture } from './decrypt-capture';
import { theftTimeline } from './theft-timeline';
import {
  conversationCapture,
  phoneAfterMessage,
  sendInConversation,
  startTwoPartyConversation,
  type TwoPartyMember,
} from './two-party-conversation';

/** Four messages (Alice first), Bob's phone taken after the fourth, then `later`; the thief's verdicts. */
function afterTheft(later: readonly TwoPartyMember[]) {
  const random = csprng();
  const identities = { alice: generateKeyPair(random), bob: generateKeyPair(random) };
  let c = startTwoPartyConversation({ mode: 'ratchet', conversationId: 'healing', identities, random });
  const senders: TwoPartyMember[] = ['alice', 'bob', 'alice', 'bob', ...later];
  senders.forEach((s, i) => {
    c = sendInConversation(c, s, `message ${i + 1}`, 540 + 7 * i, random).conversation;
  });
  const phone = phoneAfterMessage(c, 'bob', 3);
  const timeline = theftTimeline(
    c.records,
    phone,
    decryptCapture(conversationCapture(c), { devices: [phone], escrowKeys: [] }),
  );
  return { timeline, opened: timeline.entries.map((e) => e.outcome.kind === 'opened') };
}

describe('healing after a stolen ratchet phone', () => {
  it('does not happen while only Bob writes: his chain is the one the thief copied', () => {
    const { timeline, opened } = afterTheft(['bob', 'bob']);
    expect(opened).toEqual([false, false, false, false, true, true]);
    expect(timeline.healedAtSeq).toBeNull();
  });

  it("happens once Bob writes after Alice's new ratchet key: that message and every later one stay closed", () => {
    const { timeline, opened } = afterTheft(['alice', 'bob', 'alice', 'bob']);
    // Alice's reply still opens (a DH with Bob's ratchet key, which was on the phone); then healed.
    expect(opened).toEqual([false, false, false, false, true, false, false, false]);
    expect(timeline.healedAtSeq).toBe(5);
    expect(timeline.entries[5]!.freshRatchetKey).toBe(true);
  });
});
