'use client';
import { useId, useMemo, useState } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { formatSimTime } from '@/lib/protocol/sim-time';
import type { AttackConsoleState } from '@/lib/store/attack-console-store';
import { personName } from '../PersonBadge';
import styles from '../attack.module.css';
import w from '../../crypto/widgets.module.css';

/** Who a lesson console's learner can write as before the world is loaded. */
const LESSON_CAST = [
  { id: 'alice', name: 'Alice' },
  { id: 'bob', name: 'Bob' },
  { id: 'carol', name: 'Carol' },
];

/**
 * The learner's own message, sent into the world through the real send path, and the ones sent so
 * far. The form's fields are its own; sending and its outcome are the store's.
 */
export function LearnerMessagePanel({ store }: { store: StoreApi<AttackConsoleState> }) {
  const deck = useStore(store, (s) => s.deck);
  const world = useStore(store, (s) => s.world);
  const mine = useStore(store, (s) => s.learnerMessages);
  const error = useStore(store, (s) => s.learnerError);
  const busy = useStore(store, (s) => s.learnerSending);
  const id = useId();
  const people = world?.participants ?? LESSON_CAST;
  const [from, setFrom] = useState(people[0]!.id);
  const peers = useMemo(() => {
    const conversations = world?.conversations;
    if (!conversations) return people.filter((p) => p.id !== from);
    const ids = new Set(
      conversations.flatMap((c) => (c.initiator === from ? [c.responder] : c.responder === from ? [c.initiator] : [])),
    );
    return people.filter((p) => ids.has(p.id));
  }, [world, people, from]);
  const [to, setTo] = useState('bob');
  const recipient = peers.some((p) => p.id === to) ? to : (peers[0]?.id ?? '');
  // A real message to send (a placeholder would look filled in and send nothing).
  const [text, setText] = useState('Meet me at the station at 9');

  return (
    <details className={styles.panel} open={deck.kind === 'lab' || mine.length > 0 || undefined}>
      <summary>
        <strong>Your own message</strong> (sent into the world through the real send path)
      </summary>
      <form
        className={styles.learner}
        onSubmit={async (e) => {
          e.preventDefault();
          if (!text.trim() || !recipient) return;
          const ok = await store.getState().sendLearnerMessage({ sender: from, recipient, text: text.trim() });
          if (ok) setText('');
        }}
      >
        <div className={styles.row}>
          <label htmlFor={`${id}-from`}>From</label>
          <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-to`}>To</label>
          <select id={`${id}-to`} value={recipient} onChange={(e) => setTo(e.target.value)}>
            {peers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <label htmlFor={`${id}-text`}>
          Your message from {personName(from, people)} to {recipient ? personName(recipient, people) : '…'}
        </label>
        <textarea id={`${id}-text`} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
        <div className={styles.row}>
          <button type="submit" disabled={busy || !text.trim() || !recipient}>
            Send it through the server
          </button>
        </div>
        {error && (
          <p role="alert" className={w.error}>
            {error}
          </p>
        )}
      </form>
      {mine.length > 0 && (
        <div role="status">
          <ul>
            {mine.map((m) => (
              <li key={m.seq}>
                #{m.seq} {personName(m.sender, people)} → {personName(m.recipient, people)}, {formatSimTime(m.sentAt)}:
                &ldquo;{m.text}&rdquo; (sealed, relayed, opened by {personName(m.recipient, people)})
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
