'use client';
import { useState } from 'react';
import { decryptCapture } from '@/lib/protocol/decrypt-capture';
import { theftTimeline } from '@/lib/protocol/theft-timeline';
import {
  conversationCapture,
  phoneAfterMessage,
  sendInConversation,
  startTwoPartyConversation,
  type TwoPartyConversation,
  type TwoPartyMember,
} from '@/lib/protocol/two-party-conversation';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorBadge } from '../../actors';
import { useLab } from '../crypto/lab-hooks';
import styles from '../crypto/widgets.module.css';
import { MEMBER_NAME, senderOf, type TheftResult } from './theft-conversation';
import { TheftReport } from './TheftReport';

/** Recorded before the theft (Alice first, turn about); Bob's phone is taken right after the last. */
const BEFORE_THEFT: readonly string[] = ['Are we still on?', 'Yes, same plan', 'Bring the papers', 'Will do'];
/** What each of them writes after the theft, in turn. */
const LATER: Readonly<Record<TwoPartyMember, readonly string[]>> = {
  alice: ['Did anyone ask about it?', 'Good. Tomorrow then', 'Leave the car at home', 'See you there'],
  bob: ['Nobody asked', 'Tomorrow, 10 am', 'I will walk', 'On my way'],
};
/** The conversation starts at 09:00; a message follows every 7 minutes. */
const START_MINUTE = 9 * 60;
const MINUTES_BETWEEN = 7;
/** Messages the learner may add after the theft. */
const MAX_LATER = 8;

/** The thief's run over everything recorded so far, with the phone as it was taken. */
function tryEverything(conversation: TwoPartyConversation, texts: readonly string[]): TheftResult {
  const after = BEFORE_THEFT.length;
  const phone = phoneAfterMessage(conversation, 'bob', after - 1);
  const report = decryptCapture(conversationCapture(conversation), { devices: [phone], escrowKeys: [] });
  const timeline = theftTimeline(conversation.records, phone, report);
  return { identities: conversation.identities, texts, conversation, after, phone, report, timeline };
}

/**
 * Healing, step by step: Bob's phone is stolen (ratchet mode) right after his own message, then the
 * learner chooses who writes next. Bob's next messages continue the chain the thief copied, and
 * Alice's reply is a DH with Bob's ratchet key the thief holds: both open. Once Bob writes after
 * Alice's new ratchet key arrived, his phone makes a fresh ratchet key pair whose secret the thief
 * never saw, and from that message on nothing opens (Double Ratchet §2.3). Every verdict is
 * lib/protocol's decryption run with exactly what the phone held.
 */
export function RatchetHealing() {
  const keys = useLab((s) => s.keys);
  const random = useLab((s) => s.random);
  const [result, setResult] = useState<TheftResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const demo = keys.alice?.randomness === 'demo';
  const current =
    result && result.identities.alice === keys.alice && result.identities.bob === keys.bob ? result : null;
  const later = current ? current.conversation.records.length - BEFORE_THEFT.length : 0;

  function fail(e: unknown) {
    setError(`The run stopped: ${e instanceof Error ? e.message : String(e)}`);
  }

  function start() {
    if (!keys.alice || !keys.bob) return setError("Generate Alice's and Bob's key pairs first.");
    setError(null);
    try {
      let conversation = startTwoPartyConversation({
        mode: 'ratchet',
        conversationId: 'alice-bob-healing',
        identities: { alice: keys.alice, bob: keys.bob },
        random,
      });
      BEFORE_THEFT.forEach((text, i) => {
        conversation = sendInConversation(
          conversation,
          senderOf(i),
          text,
          START_MINUTE + MINUTES_BETWEEN * i,
          random,
        ).conversation;
      });
      setResult(tryEverything(conversation, BEFORE_THEFT));
    } catch (e) {
      fail(e);
    }
  }

  function write(sender: TwoPartyMember) {
    if (!current || later >= MAX_LATER) return;
    const n = current.conversation.records.length;
    const mine = current.conversation.records
      .slice(BEFORE_THEFT.length)
      .filter((r) => r.envelope.header.sender === sender).length;
    const text = LATER[sender][mine % LATER[sender].length]!;
    try {
      const sent = sendInConversation(current.conversation, sender, text, START_MINUTE + MINUTES_BETWEEN * n, random);
      if (!sent.delivery.ok) throw new Error(`${MEMBER_NAME[sender]}'s message was refused: ${sent.delivery.error}`);
      const next = tryEverything(sent.conversation, [...current.texts, text]);
      setResult(next);
      const healedAt = next.timeline.healedAtSeq;
      const fromHealing = next.timeline.entries.filter((e) => healedAt !== null && e.seq >= healedAt);
      if (fromHealing.length >= 2 && fromHealing.every((e) => e.outcome.kind !== 'opened'))
        recordLessonAction('ratchet:healed');
    } catch (e) {
      fail(e);
    }
  }

  return (
    <section className={styles.widget} aria-label="Healing after a theft">
      <h3 className={styles.title}>
        <span>
          <ActorBadge actor="thief" /> keeps listening after stealing <ActorBadge actor="bob" />
          &apos;s phone (ratchet)
        </span>
      </h3>
      <p className={styles.hint}>
        Alice and Bob exchange four messages; Bob&apos;s phone is stolen right after the fourth. Then you decide who
        writes next, and the thief tries every recorded message again with what it copied off the phone.
      </p>
      <div className={styles.actions}>
        <button type="button" className={current ? undefined : 'primary'} onClick={start}>
          {current ? 'Start again' : "Record four messages and steal Bob's phone"}
        </button>
        <button type="button" onClick={() => write('alice')} disabled={!current || later >= MAX_LATER}>
          Alice writes
        </button>
        <button type="button" onClick={() => write('bob')} disabled={!current || later >= MAX_LATER}>
          Bob writes
        </button>
      </div>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      {current && later >= MAX_LATER && (
        <p className={styles.hint}>That is enough messages for one run: press Start again to try another order.</p>
      )}
      {current ? (
        <TheftReport
          result={current}
          mode="ratchet"
          demo={demo}
          notHealedYet="Bob's phone has not written since the theft, so it still runs on key material the thief copied: let Bob write and watch what happens to the messages from then on."
        />
      ) : (
        <p className={styles.hint}>The phone is still in Bob&apos;s pocket.</p>
      )}
    </section>
  );
}
