'use client';
import { startTransition, useEffect, useId, useRef, useState } from 'react';
import { decryptCaptureInChunks, type DecryptionReport } from '@/lib/protocol/decrypt-capture';
import type { KeyAgreementMode } from '@/lib/protocol/envelope-header';
import { formatSimTime } from '@/lib/protocol/sim-time';
import { theftTimeline } from '@/lib/protocol/theft-timeline';
import {
  conversationCapture,
  phoneAfterMessage,
  sendInConversation,
  startTwoPartyConversation,
  type TwoPartyConversation,
} from '@/lib/protocol/two-party-conversation';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorBadge } from '../../actors';
import { useLab } from '../crypto/lab-hooks';
import styles from '../crypto/widgets.module.css';
import { MEMBER_NAME, senderOf, type TheftResult } from './theft-conversation';
import { TheftMessagesEditor } from './TheftMessagesEditor';
import { TheftReport } from './TheftReport';

/** Messages in the conversation, alternating from Alice. */
const MESSAGE_COUNT = 10;

/** Texts the widget starts with; the learner may edit them. */
const DEFAULT_TEXTS: readonly string[] = [
  'Did you get the draft?',
  'Yes, reading it now',
  'Page 4 names the source',
  'I will cut that line',
  'Thanks. Call me tonight?',
  'After 9, on the old number',
  'Fine. Burn the printout',
  'Done. New draft tomorrow',
  'Same place as last week?',
  'Same place, 10 am',
];

/** The conversation starts at 09:00 on day 1 and a message follows every 7 minutes. */
const START_MINUTE = 9 * 60;
const MINUTES_BETWEEN = 7;

type Progress = { readonly phase: 'record' | 'decrypt'; readonly done: number; readonly total: number } | null;

/** Yields to the browser so a long run never blocks the page (each chunk is one message). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * A ten-message conversation between Alice and Bob, recorded on the wire; then Bob's phone is
 * stolen after a message the learner picks, and the thief decrypts every recorded message with
 * exactly what the phone held (lib/protocol's decryption run decides each one).
 */
export function DeviceTheft({ mode }: { mode: KeyAgreementMode }) {
  const id = useId();
  const keys = useLab((s) => s.keys);
  const random = useLab((s) => s.random);
  const demo = keys.alice?.randomness === 'demo';
  const [texts, setTexts] = useState<string[]>(() => [...DEFAULT_TEXTS]);
  const [after, setAfter] = useState(5);
  const [progress, setProgress] = useState<Progress>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TheftResult | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const missing = (['alice', 'bob'] as const).filter((p) => !keys[p]).map((p) => MEMBER_NAME[p]);
  // A result made with other key pairs no longer belongs to this lesson's Alice and Bob.
  const current =
    result && result.identities.alice === keys.alice && result.identities.bob === keys.bob ? result : null;
  const running = progress !== null;

  async function steal() {
    if (running) return;
    if (missing.length > 0)
      return setError(
        `Generate ${missing.map((n) => `${n}'s`).join(' and ')} key pair${missing.length > 1 ? 's' : ''} first.`,
      );
    const empty = texts.findIndex((t) => t.trim().length === 0);
    if (empty >= 0) return setError(`Message ${empty + 1} is empty: give it some text.`);
    if (!Number.isInteger(after) || after < 1 || after >= MESSAGE_COUNT)
      return setError(`Pick a message from 1 to ${MESSAGE_COUNT - 1}.`);
    setError(null);
    const identities = { alice: keys.alice!, bob: keys.bob! };
    try {
      // Eve has recorded this conversation already if neither the keys nor the texts changed.
      let conversation: TwoPartyConversation;
      if (current && current.texts.every((t, i) => t === texts[i])) {
        conversation = current.conversation;
      } else {
        conversation = startTwoPartyConversation({ mode, conversationId: 'alice-bob', identities, random });
        for (let i = 0; i < MESSAGE_COUNT; i++) {
          setProgress({ phase: 'record', done: i, total: MESSAGE_COUNT });
          await nextTask();
          if (!alive.current) return;
          const sent = sendInConversation(
            conversation,
            senderOf(i),
            texts[i]!,
            START_MINUTE + MINUTES_BETWEEN * i,
            random,
          );
          if (!sent.delivery.ok)
            throw new Error(`message ${i + 1} did not reach ${MEMBER_NAME[senderOf(i + 1)]}: ${sent.delivery.error}`);
          conversation = sent.conversation;
        }
      }
      // The theft: a copy of exactly the key material on Bob's phone right after message `after`.
      const phone = phoneAfterMessage(conversation, 'bob', after - 1);
      const run = decryptCaptureInChunks(
        conversationCapture(conversation),
        { devices: [phone], escrowKeys: [] },
        { chunkSize: 1 },
      );
      let report: DecryptionReport;
      for (let done = 0; ; done++) {
        setProgress({ phase: 'decrypt', done, total: MESSAGE_COUNT });
        await nextTask();
        if (!alive.current) return;
        const step = run.next();
        if (step.done) {
          report = step.value;
          break;
        }
      }
      const timeline = theftTimeline(conversation.records, phone, report);
      // A transition: React renders the report in slices instead of one long task.
      startTransition(() => setResult({ identities, texts: [...texts], conversation, after, phone, report, timeline }));
      recordLessonAction(`theft:${mode}`);
    } catch (e) {
      setError(`The run stopped: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      if (alive.current) setProgress(null);
    }
  }

  return (
    <section className={styles.widget} aria-label={`Device theft, ${mode} keys`}>
      <h3 className={styles.title}>
        <span>
          <ActorBadge actor="thief" /> steals <ActorBadge actor="bob" />
          &apos;s phone ({mode === 'static' ? 'static keys' : 'ratchet'})
        </span>
      </h3>
      <p className={styles.hint}>
        {mode === 'static'
          ? "Every message key comes from X25519 of Alice's and Bob's identity keys (the key pairs above) and HKDF."
          : 'Each turn the sender makes a fresh X25519 ratchet key pair; HKDF mixes the new DH output into the root key, HMAC derives the message keys from a chain key, and each message key is deleted once used.'}{' '}
        Eve records all ten envelopes on the wire.
      </p>
      {missing.length > 0 && (
        <p className={styles.hint}>
          Needs both key pairs: generate {missing.map((n) => `${n}'s`).join(' and ')} key pair
          {missing.length > 1 ? 's' : ''} first.
        </p>
      )}

      <TheftMessagesEditor texts={texts} setTexts={setTexts} />

      <form
        className={styles.actions}
        onSubmit={(e) => {
          e.preventDefault();
          void steal();
        }}
      >
        <span className={styles.field}>
          <label htmlFor={`${id}-after`}>Bob&apos;s phone is stolen right after message</label>
          <select
            id={`${id}-after`}
            value={after}
            onChange={(e) => setAfter(Number(e.target.value))}
            disabled={running}
          >
            {Array.from({ length: MESSAGE_COUNT - 1 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n} ({formatSimTime(START_MINUTE + MINUTES_BETWEEN * (n - 1))})
              </option>
            ))}
          </select>
        </span>
        <button type="submit" className="danger" disabled={running} aria-describedby={`${id}-progress`}>
          Steal Bob&apos;s phone
        </button>
      </form>
      <p
        id={`${id}-progress`}
        role="status"
        aria-live="polite"
        className={progress || error ? (error ? styles.error : styles.hint) : 'visually-hidden'}
      >
        {error ??
          (progress
            ? progress.phase === 'record'
              ? `Alice and Bob are talking; Eve records… (message ${progress.done + 1} of ${progress.total})`
              : `The thief tries every recorded message… (${progress.done} of ${progress.total})`
            : '')}
      </p>

      {current ? (
        <TheftReport result={current} mode={mode} demo={demo} />
      ) : (
        <p className={styles.hint}>
          {result
            ? "Alice's or Bob's key pair has changed since the last theft: steal the phone again to run the conversation with the new keys."
            : "The phone is still in Bob's pocket. Pick a moment and steal it."}
        </p>
      )}
    </section>
  );
}
