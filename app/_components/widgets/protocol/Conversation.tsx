'use client';
import { memo, useDeferredValue, useId, useState } from 'react';
import type { RelayedMessage } from '@/lib/store/relay-conversation-store';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { MAX_MESSAGE_CHARS, RELAY_CONVERSATION_ID } from '@/lib/store/relay-conversation-store';
import { formatSimTime } from '@/lib/protocol/sim-time';
import type { TwoPartyMember } from '@/lib/protocol/two-party-conversation';
import { ACTORS, ActorBadge } from '../../actors';
import { ByteView } from '../../bytes/ByteView';
import { SequenceDiagram, type SequenceMessage } from '../../diagram/SequenceDiagram';
import { useLab } from '../crypto/lab-hooks';
import styles from '../crypto/widgets.module.css';
import own from './protocol.module.css';
import { nextTask, useRelayConversation, useRelayStore } from './relay-conversation';

/** Messages drawn in the diagram: the latest few, so it stays readable. */
const DIAGRAM_MESSAGES = 3;

const NAME: Record<TwoPartyMember, string> = { alice: 'Alice', bob: 'Bob' };

/**
 * Alice and Bob chat through the relay server with the lab's key pairs (static key agreement: the
 * X25519 shared secret of their identity keys, HKDF-SHA256, ChaCha20-Poly1305). Each message is
 * sealed by the sender's client, stored and forwarded by the server, and opened by the recipient's
 * client, all by lib/protocol's device code.
 */
export function Conversation() {
  const id = useId();
  const [sender, setSender] = useState<TwoPartyMember>('alice');
  const [text, setText] = useState('');
  const keys = useLab((s) => s.keys);
  const demo = keys.alice?.randomness === 'demo';
  // Deferred: the thread below re-renders in a transition React can slice, not in the send's task.
  const shown = useDeferredValue(useRelayConversation((s) => s.messages));
  const error = useRelayConversation((s) => s.error);
  const store = useRelayStore();
  const [busy, setBusy] = useState(false);
  const recipient: TwoPartyMember = sender === 'alice' ? 'bob' : 'alice';
  const missing = (['alice', 'bob'] as const).filter((p) => !keys[p]).map((p) => NAME[p]);

  return (
    <section className={styles.widget} aria-label="Conversation through the server">
      <h3 className={styles.title}>
        <span>
          <ActorBadge actor="alice" /> and <ActorBadge actor="bob" />, through the <ActorBadge actor="server" />
        </span>
      </h3>
      {missing.length > 0 ? (
        <p className={styles.hint}>
          Needs both key pairs: generate {missing.map((n) => `${n}'s`).join(' and ')} key pair
          {missing.length > 1 ? 's' : ''} first.
        </p>
      ) : (
        <p className={styles.hint}>
          Each phone derives the same key on its own: X25519 of its secret key and the other&apos;s public key (which
          the server passed on), then HKDF-SHA256. The server never gets it.
        </p>
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (busy) return;
          const first = !store.getState().conversation;
          // Before the first message the key setup (one X25519 per phone) gets a task of its own,
          // between the click and the send, so no single task blocks the page for long.
          if (first) {
            setBusy(true);
            await nextTask();
          }
          const ready = store.getState().prepare(sender, text);
          if (first) {
            if (ready) await nextTask();
            setBusy(false);
          }
          if (!ready) return;
          const delivery = store.getState().send(sender, text);
          if (delivery?.ok) {
            recordLessonAction('send');
            setText('');
          }
        }}
      >
        <fieldset className={own.fieldset}>
          <legend>Who writes?</legend>
          {(['alice', 'bob'] as const).map((p) => (
            <label key={p} className={own.choice}>
              <input
                type="radio"
                name={`${id}-sender`}
                value={p}
                checked={sender === p}
                onChange={() => setSender(p)}
              />
              <ActorBadge actor={p} />
            </label>
          ))}
        </fieldset>
        <div className={styles.field}>
          <label htmlFor={`${id}-text`}>
            Message from {NAME[sender]} to {NAME[recipient]}
          </label>
          <textarea
            id={`${id}-text`}
            value={text}
            maxLength={MAX_MESSAGE_CHARS}
            placeholder={`Empty: type ${NAME[sender]}'s message here`}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className={styles.actions}>
          <button type="submit" className="primary" aria-disabled={busy || undefined}>
            Send through the server
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" className={error ? styles.error : 'visually-hidden'}>
        {error ?? ''}
      </p>

      <Thread messages={shown} demo={demo} />
    </section>
  );
}

/** The thread, the flow diagram and the latest envelope's bytes. */
const Thread = memo(function Thread({ messages, demo }: { messages: readonly RelayedMessage[]; demo: boolean }) {
  const latest = messages[messages.length - 1];
  const flows: SequenceMessage[] = messages.slice(-DIAGRAM_MESSAGES).flatMap((m) => {
    const detail = `${m.record.envelope.ciphertext.length} B ciphertext ‖ tag`;
    return [
      { id: `${m.seq}-up`, from: m.sender, to: 'server', label: `Envelope ${m.seq + 1}`, detail },
      {
        id: `${m.seq}-down`,
        from: 'server',
        to: m.recipient,
        label: `Envelope ${m.seq + 1}${m.delivery.ok ? '' : ' (refused)'}`,
        detail,
        alarm: !m.delivery.ok,
      },
    ];
  });

  return (
    <>
      <SequenceDiagram
        title={
          messages.length === 0
            ? 'No message has gone through the server yet'
            : `The latest ${flows.length / 2} of ${messages.length} message${messages.length === 1 ? '' : 's'}: each goes to the server, then on to the recipient; Eve copies both hops`
        }
        actors={['alice', 'server', 'bob']}
        tap="eve"
        messages={flows}
      />

      {messages.length === 0 ? (
        <p className={styles.hint}>No messages yet. Pick who writes, type something and send it.</p>
      ) : (
        <ol className={own.thread} aria-label="The conversation">
          {messages.map((m) => (
            <li
              key={m.seq}
              className={own.bubble}
              data-from={m.sender}
              style={{ ['--actor' as string]: ACTORS[m.sender].color }}
            >
              <div className={own.bubbleHead}>
                <span>
                  {m.seq + 1}. <ActorBadge actor={m.sender} /> → <ActorBadge actor={m.recipient} />
                </span>
                <span className={own.meta}>sent {formatSimTime(m.record.envelope.header.sentAt)}</span>
              </div>
              <p className={own.sentText}>
                <span className="visually-hidden">{NAME[m.sender]} wrote: </span>
                {m.text}
              </p>
              {m.delivery.ok ? (
                <p className={`${own.opened} ${styles.ok}`} data-testid={`delivered-${m.seq}`}>
                  {NAME[m.recipient]}&apos;s phone opened it (tag verified): <q>{m.delivery.plaintext}</q>
                </p>
              ) : (
                <p className={`${own.opened} ${styles.bad}`} role="alert">
                  {NAME[m.recipient]}&apos;s phone refused it: {m.delivery.error}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}

      {latest && (
        <div className={own.envelope}>
          <h4>
            Envelope {latest.seq + 1}, as it left {NAME[latest.sender]}&apos;s phone
          </h4>
          <dl className={own.fields} aria-label={`Header of envelope ${latest.seq + 1}`}>
            <dt>Sender</dt>
            <dd>{latest.record.envelope.header.sender}</dd>
            <dt>Recipient</dt>
            <dd>{latest.record.envelope.header.recipient}</dd>
            <dt>Conversation</dt>
            <dd>{RELAY_CONVERSATION_ID}</dd>
            <dt>Counter</dt>
            <dd>{latest.record.envelope.header.counter}</dd>
            <dt>Sent</dt>
            <dd>{formatSimTime(latest.record.envelope.header.sentAt)}</dd>
          </dl>
          <ByteView
            label="Header (associated data, in the clear)"
            value={latest.headerBytes}
            actor={latest.sender}
            from="the fields above, encoded: the server reads it to deliver; the tag covers every byte"
            testId="envelope-header"
          />
          <ByteView
            label="Nonce (computed on each phone, not sent)"
            value={latest.nonce}
            actor={latest.sender}
            from="direction (4 bytes: 0 from Alice, 1 from Bob) ‖ the header's counter (8 bytes): never repeats under this key"
            testId="envelope-nonce"
          />
          <ByteView
            label="Ciphertext ‖ tag"
            value={latest.record.envelope.ciphertext}
            actor={latest.sender}
            demo={demo}
            from={`ChaCha20-Poly1305 under the conversation key: ${latest.record.envelope.ciphertext.length - 16} bytes of message + a 16-byte tag`}
            testId="envelope-ciphertext"
          />
        </div>
      )}
    </>
  );
});
