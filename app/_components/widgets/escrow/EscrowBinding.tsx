'use client';
/**
 * Lesson 7: what binding the escrow field to its message decides. Alice's two messages (to Bob, to
 * Carol) get an escrow field made the lab's way (bound) or with the binding deliberately left out
 * (unbound); a rogue client moves message 1's field onto message 2 and the authority tries to read
 * message 2 (lib/escrow-lab/escrow-binding-scene.ts, in the worker).
 */
import { startTransition, useId, useState } from 'react';
import type {
  AuthorityReading,
  AuthorityStage,
  EscrowBindingMode,
  FieldSwap,
} from '@/lib/escrow-lab/escrow-binding-scene';
import type { BindingSealReply } from '@/lib/escrow-lab/escrow-lab-messages';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorBadge } from '../../actors';
import widgetStyles from '../crypto/widgets.module.css';
import { callEscrowLab } from './escrow-lab-client';
import { Bytes } from './Bytes';
import styles from './escrow.module.css';
import { TaskStatus } from './EscrowToggle';
import { useLabScope, useLabTask } from './use-lab-task';
import { useProgressive } from './use-progressive';

const CODE: Readonly<Record<EscrowBindingMode, string>> = {
  bound:
    'seal   = HPKE.Seal(authorityPk, info = "backdoor-lab escrow v1" ‖ epochHeader, aad = epochHeader, epochKey)\nwrapped = ChaCha20Poly1305(wrapKey, aad = messageHeader, messageKey)',
  unbound:
    'seal   = HPKE.Seal(authorityPk, info = "backdoor-lab escrow v1", aad = "", epochKey)\nwrapped = ChaCha20Poly1305(wrapKey, aad = "", messageKey)',
};

const STAGE_LABEL: Readonly<Record<AuthorityStage, string>> = {
  'field-check': 'The field says it belongs to this message',
  'hpke-open': 'HPKE open with the escrow secret key',
  unwrap: 'Unwrap the message key',
  'message-tag': 'Decrypt the message with it',
};

interface BindingState {
  readonly sealed?: BindingSealReply;
  readonly swap?: FieldSwap;
}

export function EscrowBinding() {
  const id = useId();
  const [binding, setBinding] = useState<EscrowBindingMode>('bound');
  const [state, setState] = useState<Partial<Record<EscrowBindingMode, BindingState>>>({});
  const task = useLabTask();
  const { scope, seed } = useLabScope();
  const mine = state[binding] ?? {};
  // Message 1, message 2: one commit each (the swap result is small).
  const shown = useProgressive(mine.sealed, 2);

  const seal = () =>
    task.run('Sealing two messages…', async () => {
      const sealed = await callEscrowLab('binding-seal', { scope, seed, binding });
      startTransition(() => setState((s) => ({ ...s, [binding]: { sealed } })));
    });
  const move = () =>
    task.run("Moving message 1's escrow field…", async () => {
      const swap = await callEscrowLab('binding-move', { scope, seed, binding });
      startTransition(() => setState((s) => ({ ...s, [binding]: { ...s[binding], swap } })));
      recordLessonAction(`blob-swap:${binding}`);
    });

  return (
    <section className={widgetStyles.widget} aria-label="Binding the escrow field">
      <h3 className={widgetStyles.title}>One line of escrow code</h3>
      <fieldset className={styles.radioRow}>
        <legend>How the escrow field is sealed</legend>
        {(['bound', 'unbound'] as const).map((b) => (
          <label key={b}>
            <input
              type="radio"
              name={`${id}-binding`}
              value={b}
              checked={binding === b}
              onChange={() => setBinding(b)}
            />
            {b === 'bound' ? 'Bound (the header goes into HPKE and the wrap)' : 'Unbound (the header is left out)'}
          </label>
        ))}
      </fieldset>
      <figure className={styles.codeFigure}>
        <figcaption className={widgetStyles.hint}>The escrow code, {binding}:</figcaption>
        <pre className={styles.code}>{CODE[binding]}</pre>
      </figure>
      <div className={widgetStyles.actions}>
        <button
          type="button"
          className={mine.sealed ? undefined : 'primary'}
          onClick={() => void seal()}
          disabled={task.busy !== null}
        >
          Seal two messages
        </button>
        <button
          type="button"
          className={mine.sealed && !mine.swap ? 'danger' : undefined}
          onClick={() => void move()}
          disabled={task.busy !== null}
        >
          Move message 1&apos;s escrow field onto message 2
        </button>
      </div>
      <TaskStatus error={task.error} busy={task.busy} />
      {!mine.sealed ? (
        <p className={widgetStyles.hint}>Nothing sealed in the {binding} setting yet.</p>
      ) : (
        <div data-testid={`binding-${binding}`}>
          <h4>The normal check: the authority reads each message through its own field</h4>
          <div className={widgetStyles.cols}>
            {mine.sealed.messages.slice(0, shown).map((m, i) => (
              <div key={m.number} className={widgetStyles.col} data-testid={`message-${m.number}`}>
                <p className={widgetStyles.colHead}>
                  Message {m.number}: <ActorBadge actor="alice" /> → <ActorBadge actor={m.recipient} />
                </p>
                <Bytes
                  label={`Message ${m.number}: sealed epoch key`}
                  value={m.envelope.escrow!.epochBlob.seals[0]!.ciphertext}
                  actor="escrow"
                  from={binding === 'bound' ? 'HPKE, bound to this epoch header' : 'HPKE with a fixed info and no aad'}
                />
                <Bytes
                  label={`Message ${m.number}: wrapped message key`}
                  value={m.envelope.escrow!.wrappedKey}
                  actor="escrow"
                  from={binding === 'bound' ? 'aad = this message header' : 'no aad'}
                />
                <Reading reading={mine.sealed!.readings[i]!} />
                <Delivery who={m.recipient} result={mine.sealed!.deliveries[i]!} />
              </div>
            ))}
          </div>
          {mine.swap ? (
            <SwapResult swap={mine.swap} binding={binding} />
          ) : (
            <p className={widgetStyles.hint}>Both pass. Now move message 1&apos;s escrow field onto message 2.</p>
          )}
        </div>
      )}
    </section>
  );
}

function Reading({ reading }: { reading: AuthorityReading }) {
  return (
    <>
      <ol className={styles.stages} aria-label="The authority's software, stage by stage">
        {reading.stages.map((s) => (
          <li key={s.stage} data-stage={s.stage} data-ok={s.ok}>
            <span className={`${styles.mark} ${s.ok ? styles.yes : styles.no}`} aria-hidden="true">
              {s.ok ? '✓' : '✗'}
            </span>
            <span>
              <strong>{STAGE_LABEL[s.stage]}</strong>:{' '}
              <span className="visually-hidden">{s.ok ? 'passed' : 'failed'}. </span>
              {s.detail}
            </span>
          </li>
        ))}
      </ol>
      {reading.plaintext !== null ? (
        <p className={`${styles.result} ${widgetStyles.ok}`}>
          <ActorBadge actor="escrow" /> reads: &ldquo;{reading.plaintext}&rdquo;
        </p>
      ) : null}
    </>
  );
}

function Delivery({
  who,
  result,
}: {
  who: 'bob' | 'carol';
  result: { accepted: true; plaintext: string } | { accepted: false; reason: string; message: string };
}) {
  return result.accepted ? (
    <p className={widgetStyles.hint}>
      <ActorBadge actor={who} suffix="'s client" /> accepts it: &ldquo;{result.plaintext}&rdquo; (it never looks at the
      escrow field)
    </p>
  ) : (
    <p className={`${styles.result} ${widgetStyles.bad}`}>
      <ActorBadge actor={who} suffix="'s client" /> refuses it: {result.message}
    </p>
  );
}

function SwapResult({ swap, binding }: { swap: FieldSwap; binding: EscrowBindingMode }) {
  const failed = swap.authority.stages.find((s) => !s.ok);
  const silent = failed?.stage === 'message-tag';
  return (
    <div data-testid={`swap-${binding}`}>
      <h4>A warrant for message 2, after the move</h4>
      <p className={widgetStyles.hint}>
        A faulty or rogue client put message 1&apos;s sealed epoch key and wrapped key into message 2&apos;s escrow
        field, keeping message 2&apos;s epoch header so the field still claims to be message 2&apos;s.
      </p>
      <Reading reading={swap.authority} />
      <p
        className={`${styles.result} ${silent ? widgetStyles.bad : widgetStyles.ok}`}
        role="status"
        data-testid="swap-verdict"
      >
        {silent
          ? '✗ Lawful access to message 2 is lost, and nothing says why: every escrow check passed, and the key it gave is message 1’s.'
          : failed?.stage === 'hpke-open'
            ? '✓ Caught where it happened: HPKE refused the field, because it was sealed under another message’s epoch header.'
            : failed
              ? `Stopped at: ${STAGE_LABEL[failed.stage]}.`
              : 'The moved field opened message 2.'}
      </p>
      <Delivery who="carol" result={swap.recipient} />
    </div>
  );
}
