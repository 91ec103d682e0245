'use client';
import { memo, startTransition, useEffect, useId, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { X25519KeyPair } from '@/lib/crypto/x25519';
import { decryptCaptureInChunks, type DecryptionReport, type EnvelopeOutcome, type KeyProvenance } from '@/lib/protocol/decrypt-capture';
import type { DeviceSnapshot } from '@/lib/protocol/device-snapshot';
import type { KeyAgreementMode } from '@/lib/protocol/envelope-header';
import { formatSimTime } from '@/lib/protocol/sim-time';
import { theftTimeline, type TheftTimeline } from '@/lib/protocol/theft-timeline';
import {
  conversationCapture,
  phoneAfterMessage,
  sendInConversation,
  startTwoPartyConversation,
  type TwoPartyConversation,
  type TwoPartyMember,
} from '@/lib/protocol/two-party-conversation';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ACTORS, ActorBadge } from '../../actors';
import { ByteView } from '../../bytes/ByteView';
import { useLab } from '../crypto/lab-hooks';
import styles from '../crypto/widgets.module.css';
import own from './protocol.module.css';
import { hexPreview } from './relay-conversation';

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

const MAX_TEXT_CHARS = 120;

/** The conversation starts at 09:00 on day 1 and a message follows every 7 minutes. */
const START_MINUTE = 9 * 60;
const MINUTES_BETWEEN = 7;

const NAME: Record<TwoPartyMember, string> = { alice: 'Alice', bob: 'Bob' };
const senderOf = (i: number): TwoPartyMember => (i % 2 === 0 ? 'alice' : 'bob');

/** One run: the recorded conversation and what the thief made of it. */
interface TheftResult {
  readonly identities: Readonly<Record<TwoPartyMember, X25519KeyPair>>;
  readonly texts: readonly string[];
  readonly conversation: TwoPartyConversation;
  /** 1-based: the phone was taken right after this message. */
  readonly after: number;
  readonly phone: DeviceSnapshot;
  readonly report: DecryptionReport;
  readonly timeline: TheftTimeline;
}

type Progress = { readonly phase: 'record' | 'decrypt'; readonly done: number; readonly total: number } | null;

/** Yields to the browser so a long run never blocks the page (each chunk is one message). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

function provenanceText(p: KeyProvenance): string {
  switch (p.kind) {
    case 'device-static-key':
      return "with the conversation key derived from Bob's identity secret key";
    case 'device-ratchet-chain':
      return 'with a key derived from the ratchet state on the phone';
    default:
      return 'with a key from the loot';
  }
}

/** The rest of the verdict after "Opened" / "Not opened". */
function outcomeText(o: EnvelopeOutcome): string {
  if (o.kind === 'opened') return ` ${provenanceText(o.openedWith)}`;
  if (o.kind === 'tag-failed') return ': the thief had a key to try and the tag rejected it';
  return ': nothing on the phone gives a key for this message';
}

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

  const missing = (['alice', 'bob'] as const).filter((p) => !keys[p]).map((p) => NAME[p]);
  // A result made with other key pairs no longer belongs to this lesson's Alice and Bob.
  const current = result && result.identities.alice === keys.alice && result.identities.bob === keys.bob ? result : null;
  const running = progress !== null;

  async function steal() {
    if (running) return;
    if (missing.length > 0) return setError(`Generate ${missing.map((n) => `${n}'s`).join(' and ')} key pair${missing.length > 1 ? 's' : ''} first.`);
    const empty = texts.findIndex((t) => t.trim().length === 0);
    if (empty >= 0) return setError(`Message ${empty + 1} is empty: give it some text.`);
    if (!Number.isInteger(after) || after < 1 || after >= MESSAGE_COUNT) return setError(`Pick a message from 1 to ${MESSAGE_COUNT - 1}.`);
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
          const sent = sendInConversation(conversation, senderOf(i), texts[i]!, START_MINUTE + MINUTES_BETWEEN * i, random);
          if (!sent.delivery.ok) throw new Error(`message ${i + 1} did not reach ${NAME[senderOf(i + 1)]}: ${sent.delivery.error}`);
          conversation = sent.conversation;
        }
      }
      // The theft: a copy of exactly the key material on Bob's phone right after message `after`.
      const phone = phoneAfterMessage(conversation, 'bob', after - 1);
      const run = decryptCaptureInChunks(conversationCapture(conversation), { devices: [phone], escrowKeys: [] }, { chunkSize: 1 });
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
          <ActorBadge actor="thief" /> steals <ActorBadge actor="bob" />&apos;s phone ({mode === 'static' ? 'static keys' : 'ratchet'})
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
          Needs both key pairs: generate {missing.map((n) => `${n}'s`).join(' and ')} key pair{missing.length > 1 ? 's' : ''} first.
        </p>
      )}

      <TextEditor texts={texts} setTexts={setTexts} />

      <form
        className={styles.actions}
        onSubmit={(e) => {
          e.preventDefault();
          void steal();
        }}
      >
        <span className={styles.field}>
          <label htmlFor={`${id}-after`}>Bob&apos;s phone is stolen right after message</label>
          <select id={`${id}-after`} value={after} onChange={(e) => setAfter(Number(e.target.value))} disabled={running}>
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
      <p id={`${id}-progress`} role="status" aria-live="polite" className={progress || error ? (error ? styles.error : styles.hint) : 'visually-hidden'}>
        {error ??
          (progress
            ? progress.phase === 'record'
              ? `Alice and Bob are talking; Eve records… (message ${progress.done + 1} of ${progress.total})`
              : `The thief tries every recorded message… (${progress.done} of ${progress.total})`
            : '')}
      </p>

      {current ? <TheftReport result={current} mode={mode} demo={demo} /> : <p className={styles.hint}>The phone is still in Bob&apos;s pocket. Pick a moment and steal it.</p>}
    </section>
  );
}

/** The ten texts, editable. Memoized: progress updates during a run do not re-render it. */
const TextEditor = memo(function TextEditor({ texts, setTexts }: { texts: readonly string[]; setTexts: Dispatch<SetStateAction<string[]>> }) {
  const id = useId();
  return (
    <details className={own.details}>
      <summary>Edit the messages</summary>
      <ol className={own.editList}>
        {texts.map((t, i) => (
          <li key={i} className={styles.field}>
            <label htmlFor={`${id}-t${i}`}>
              Message {i + 1} ({NAME[senderOf(i)]} → {NAME[senderOf(i + 1)]})
            </label>
            <input
              id={`${id}-t${i}`}
              value={t}
              maxLength={MAX_TEXT_CHARS}
              aria-invalid={t.trim().length === 0 || undefined}
              onChange={(e) => setTexts((old) => old.map((x, j) => (j === i ? e.target.value : x)))}
            />
          </li>
        ))}
      </ol>
    </details>
  );
});

/** What the thief copied and what it opened. Memoized: progress updates do not re-render it. */
const TheftReport = memo(function TheftReport({ result, mode, demo }: { result: TheftResult; mode: KeyAgreementMode; demo: boolean }) {
  const { timeline, phone, after } = result;
  const state = Object.values(phone.conversations)[0];
  const session = state?.session;
  const healed = timeline.healedAtSeq;
  return (
    <div className={own.report}>
      <h4 className={own.sub}>What the thief copied off the phone (right after message {after})</h4>
      <ByteView label="Bob's identity secret key" value={phone.identity.secretKey} actor="thief" secret demo={demo} from="on the phone for as long as Bob keeps this key pair" />
      {session?.kind === 'static' && (
        <ByteView
          label="Conversation key"
          value={session.conversationKey}
          actor="thief"
          secret
          demo={demo}
          from="HKDF-SHA256(X25519(Bob's identity secret key, Alice's public key)): the key of every message, past and future"
        />
      )}
      {session?.kind === 'ratchet' && (
        <>
          <ByteView label="Root key" value={session.rootKey} actor="thief" secret demo={demo} from="the ratchet's running secret, as the phone held it" />
          <ByteView
            label="Current ratchet secret key"
            value={session.sendingRatchetKey.secretKey}
            actor="thief"
            secret
            demo={demo}
            from={`Bob's current X25519 ratchet key pair (public key ${hexPreview(session.sendingRatchetKey.publicKey, 4)})`}
          />
          {session.sendingChainKey && (
            <ByteView label="Sending chain key" value={session.sendingChainKey} actor="thief" secret demo={demo} from="gives the keys of Bob's next messages on this chain" />
          )}
          {session.receivingChainKey && (
            <ByteView label="Receiving chain key" value={session.receivingChainKey} actor="thief" secret demo={demo} from="gives the keys of Alice's next messages on this chain" />
          )}
          <p className={styles.hint}>
            Message keys on the phone: {session.skippedMessageKeys.length === 0 ? 'none; each was deleted once its message was opened or sent.' : session.skippedMessageKeys.length}
          </p>
        </>
      )}

      <h4 className={own.sub}>Every recorded message, tried with that</h4>
      <p className={own.tally} data-testid="theft-summary">
        <span data-testid="theft-before">
          Before the theft: {timeline.before.opened} of {timeline.before.total} earlier message{timeline.before.total === 1 ? '' : 's'} opened.
        </span>{' '}
        <span data-testid="theft-after">
          After the theft: {timeline.after.opened} of {timeline.after.total} opened.
        </span>
      </p>
      <ol className={own.timeline} aria-label="The conversation, as the thief tried it">
        {timeline.entries.map((e) => {
          const opened = e.outcome.kind === 'opened';
          const envelope = result.conversation.records[e.seq]!.envelope;
          return (
            <li
              key={e.seq}
              className={own.tlItem}
              data-phase={e.phase}
              data-outcome={opened ? 'opened' : 'closed'}
              data-testid="theft-message"
              style={{ ['--actor' as string]: ACTORS[e.sender as TwoPartyMember].color }}
            >
              {e.seq === healed && (
                <p className={own.marker} data-testid="healed-marker">
                  Healed from here: Bob&apos;s phone made a new ratchet key pair after the theft, and the thief never saw its secret key.
                </p>
              )}
              <div className={own.bubbleHead}>
                <span>
                  {e.seq + 1}. <ActorBadge actor={e.sender as TwoPartyMember} /> → <ActorBadge actor={e.recipient as TwoPartyMember} />
                </span>
                <span className={own.meta}>
                  {formatSimTime(e.sentAt)} · {e.phase === 'before' ? 'before the theft' : 'after the theft'}
                </span>
              </div>
              <p className={own.meta}>
                Recorded: <code className={own.preview}>{hexPreview(envelope.ciphertext)}</code> ({envelope.ciphertext.length} B)
                {envelope.header.ratchet && (
                  <>
                    {' '}
                    · ratchet key <code className={own.preview}>{hexPreview(envelope.header.ratchet.publicKey, 4)}</code>
                    {e.freshRatchetKey ? ' (made after the theft)' : ''}
                  </>
                )}
              </p>
              <p className={`${own.opened} ${opened ? styles.bad : styles.ok}`}>
                <strong>{opened ? 'Opened' : 'Not opened'}</strong>
                {outcomeText(e.outcome)}
                {e.outcome.kind === 'opened' && (
                  <>
                    : <q data-testid="thief-plaintext">{e.outcome.plaintext}</q>
                  </>
                )}
              </p>
              {e.seq + 1 === after && (
                <p className={own.marker} data-testid="theft-marker">
                  <ActorBadge actor="thief" /> steals Bob&apos;s phone here ({formatSimTime(phone.takenAt)})
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {mode === 'static' ? (
        <p className={styles.hint}>Static keys never change, so nothing heals: the stolen key opens the conversation&apos;s past and its future.</p>
      ) : healed === null && timeline.after.total > 0 ? (
        <p className={styles.hint}>The conversation ends before Bob&apos;s phone makes a fresh ratchet key pair, so healing does not show here. Steal it earlier to see it.</p>
      ) : null}
    </div>
  );
});
