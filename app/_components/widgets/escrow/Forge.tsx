'use client';
/**
 * Lesson 7: the thief writes a message Alice never sent. A captured envelope from Alice to Bob
 * (ratchet mode, real client), the thief's copy of the escrow key, and Bob's ordinary client
 * receiving the thief's version in place of the original (lib/scenarios/forgery.ts, in the
 * worker). With escrow off, the same attempt has no key and fails the tag.
 */
import { startTransition, useId, useMemo, useState } from 'react';
import { DEFAULT_FORGED_TEXT } from '@/lib/scenarios/forgery';
import type { ForgeReply } from '@/lib/escrow-lab/escrow-lab-messages';
import { encodeHeader } from '@/lib/protocol/envelope-header';
import { formatSimTime } from '@/lib/protocol/sim-time';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorBadge, ActorIcon } from '../../actors';
import widgetStyles from '../crypto/widgets.module.css';
import { callEscrowLab } from './escrow-lab-client';
import { Bytes } from './Bytes';
import styles from './escrow.module.css';
import { EscrowToggle, TaskStatus } from './EscrowToggle';
import { LabTaskError, useLabScope, useLabTask } from './use-lab-task';
import { useProgressive } from './use-progressive';

type Setting = 'on' | 'off';

export function Forge() {
  const id = useId();
  const [escrowOn, setEscrowOn] = useState(true);
  const [text, setText] = useState(DEFAULT_FORGED_TEXT);
  const [results, setResults] = useState<Partial<Record<Setting, ForgeReply>>>({});
  const task = useLabTask();
  const { scope, seed } = useLabScope();
  const setting: Setting = escrowOn ? 'on' : 'off';
  const shown = results[setting];

  const forge = () =>
    task.run('Forging and delivering…', async () => {
      if (text.trim().length === 0) throw new LabTaskError('Type the text the thief wants Bob to read.');
      const reply = await callEscrowLab('forge', { scope, seed, escrow: escrowOn, text });
      startTransition(() => setResults((r) => ({ ...r, [setting]: reply })));
      const accepted = reply.outcome.delivery.accepted;
      if (escrowOn && accepted) recordLessonAction('forge');
      if (!escrowOn && !accepted) recordLessonAction('forge:no-escrow');
    });

  return (
    <section className={widgetStyles.widget} aria-label="Forge a message from Alice">
      <h3 className={`${widgetStyles.title} ${styles.widgetTitle}`}>
        <ActorIcon actor="thief" /> The thief forges a message from Alice
      </h3>
      <p className={widgetStyles.hint}>
        The thief holds the relay (so it can deliver its own envelope in place of Alice&apos;s) and, with escrow on, a
        copy of the escrow secret key.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void forge();
        }}
      >
        <div className={widgetStyles.actions}>
          <EscrowToggle label="Escrow" on={escrowOn} onChange={setEscrowOn} disabled={task.busy !== null} />
        </div>
        <div className={widgetStyles.field}>
          <label htmlFor={`${id}-text`}>The thief&apos;s text</label>
          <textarea id={`${id}-text`} value={text} maxLength={300} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className={widgetStyles.actions}>
          <button type="submit" className="primary" disabled={task.busy !== null}>
            Forge and deliver to Bob
          </button>
        </div>
      </form>
      <TaskStatus error={task.error} busy={task.busy} />
      {!shown ? (
        <p className={widgetStyles.hint}>
          {escrowOn ? 'No forgery yet with escrow on.' : 'No forgery yet with escrow off.'} Press &ldquo;Forge and
          deliver to Bob&rdquo;.
        </p>
      ) : (
        <ForgeryResult reply={shown} escrowOn={escrowOn} />
      )}
    </section>
  );
}

function ForgeryResult({ reply, escrowOn }: { reply: ForgeReply; escrowOn: boolean }) {
  // Captured envelope; wallet and key; forgery and Bob's phone: one commit each.
  const shown = useProgressive(reply, 3);
  return (
    <div data-testid={`forgery-${escrowOn ? 'on' : 'off'}`}>
      <CapturedEnvelope original={reply.original} />
      {shown >= 2 && <KeyRecovery reply={reply} />}
      {shown >= 3 && <ForgeryDelivered outcome={reply.outcome} />}
    </div>
  );
}

function CapturedEnvelope({ original }: { original: ForgeReply['original'] }) {
  const headerBytes = useMemo(() => encodeHeader(original.header), [original]);
  const tagStart = original.ciphertext.length - 16;
  return (
    <>
      <h4>1. The captured envelope, Alice → Bob ({formatSimTime(original.header.sentAt)})</h4>
      <Bytes
        label="Header"
        value={headerBytes}
        actor="alice"
        from="ratchet public key, counters, time, escrow epoch: in the clear, covered by the tag"
      />
      <Bytes
        label="Ciphertext ‖ tag"
        value={original.ciphertext}
        actor="alice"
        from={`Alice's text under her ratchet message key: ${tagStart} + 16 bytes`}
      />
      {original.escrow ? (
        <fieldset className={styles.fieldGroup}>
          <legend>Escrow field</legend>
          <Bytes
            label="enc"
            value={original.escrow.epochBlob.seals[0]!.enc}
            actor="escrow"
            from="HPKE encapsulated key"
          />
          <Bytes
            label="Sealed epoch key"
            value={original.escrow.epochBlob.seals[0]!.ciphertext}
            actor="escrow"
            from="HPKE to the authority's public key"
          />
          <Bytes
            label="Wrapped message key"
            value={original.escrow.wrappedKey}
            actor="escrow"
            from="this message's key under the epoch chain, aad = header"
          />
        </fieldset>
      ) : (
        <p className={widgetStyles.hint}>No escrow field: this envelope is sealed for Bob alone.</p>
      )}
    </>
  );
}

function KeyRecovery({ reply }: { reply: ForgeReply }) {
  const { outcome } = reply;
  return (
    <>
      <h4>2. The thief&apos;s wallet</h4>
      {reply.thiefKey ? (
        <Bytes
          label="Stolen escrow secret key"
          value={reply.thiefKey}
          actor="thief"
          secret
          from="a copy of the authority's key (how it was stolen does not matter here)"
        />
      ) : (
        <p className={widgetStyles.hint}>
          Nothing that applies: with escrow off there is no escrow key, and the thief has no key of Alice&apos;s or
          Bob&apos;s.
        </p>
      )}
      <h4>3. Recover the message key</h4>
      {outcome.method === 'resealed-with-escrowed-key' ? (
        <Bytes
          label="Recovered message key"
          value={outcome.recoveredKey}
          actor="thief"
          secret
          testId="recovered-key"
          from="HPKE open of the epoch key with the stolen key, the wrap chain to this message, unwrap; checked by opening Alice's message"
        />
      ) : (
        <p className={`${styles.result} ${widgetStyles.bad}`}>✗ No key: {outcome.noKeyReason}.</p>
      )}
    </>
  );
}

function ForgeryDelivered({ outcome }: { outcome: ForgeReply['outcome'] }) {
  return (
    <>
      <h4>4. Write the forgery</h4>
      {outcome.method === 'resealed-with-escrowed-key' ? (
        <Bytes
          label="Forged ciphertext ‖ tag"
          value={outcome.forged.ciphertext}
          actor="thief"
          from="the thief's text sealed under the recovered key and the original header (so the same AEAD key and nonce), with a fresh tag"
        />
      ) : (
        <>
          <p className={widgetStyles.hint}>
            The best keyless attempt: XOR (Alice&apos;s text ⊕ the thief&apos;s text) into the ciphertext, as if the
            thief knew Alice&apos;s text exactly. A stream cipher keeps the length, so the new text is cut or padded to{' '}
            {outcome.attemptedText.length} characters. The tag cannot be recomputed without the key, so it stays as it
            was.
          </p>
          <Bytes
            label="Edited ciphertext ‖ old tag"
            value={outcome.forged.ciphertext}
            actor="thief"
            from="original ciphertext ⊕ (old text ⊕ new text); tag unchanged"
          />
        </>
      )}
      <h4>5. Bob&apos;s phone</h4>
      <div className={styles.phone} role="group" aria-label="Bob's phone">
        <div className={styles.phoneHead}>
          <ActorBadge actor="bob" suffix="'s phone" />
          <span>conversation with Alice</span>
        </div>
        {outcome.delivery.accepted ? (
          <>
            <div className={styles.bubble}>
              <span className={styles.bubbleFrom}>
                <ActorIcon actor="alice" size={14} /> Alice
              </span>
              <span data-testid="bob-inbox">{outcome.delivery.plaintext}</span>
            </div>
            <p className={`${styles.result} ${widgetStyles.ok}`} role="status">
              ✓ Tag verified: Bob&apos;s client shows it as a genuine message from Alice.
            </p>
          </>
        ) : (
          <p className={`${styles.result} ${widgetStyles.bad}`} role="status" data-testid="bob-refused">
            ✗ Refused ({outcome.delivery.reason}).{' '}
            <span className={styles.detail}>{outcome.delivery.message.replace(/\.$/, '')}.</span> Bob sees nothing from
            this envelope.
          </p>
        )}
      </div>
    </>
  );
}
