'use client';
/**
 * The escrow lesson's evasion step: Alice's message sent by three clients (compliant, escrow code
 * removed, escrow field garbled), Bob's real client receiving each, and the authority executing a
 * warrant on Alice (lib/scenarios/evasion.ts, run in the design lab worker).
 */
import { startTransition, useState } from 'react';
import type { EvasionRunReply } from '@/lib/design-lab/design-lab-messages';
import type { SenderClient } from '@/lib/scenarios/evasion';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorBadge } from '../../actors';
import widgetStyles from '../crypto/widgets.module.css';
import { Bytes } from '../escrow/Bytes';
import { TaskStatus } from '../escrow/EscrowToggle';
import { useLabTask } from '../escrow/use-lab-task';
import { callDesignLab } from './design-lab-client';
import styles from './mitigations.module.css';

const CLIENT_LABEL: Readonly<Record<SenderClient, string>> = {
  compliant: 'Compliant client (escrow code runs)',
  dropped: 'Modified client: escrow code removed',
  garbled: 'Modified client: escrow field filled with random bytes',
};

export function EscrowEvasion() {
  const [text, setText] = useState('Meet at the docks at nine');
  const [runs, setRuns] = useState<readonly EvasionRunReply[] | null>(null);
  const task = useLabTask();

  const send = () =>
    task.run('Sending from three clients…', async () => {
      const { runs } = await callDesignLab('evasion', { text });
      startTransition(() => setRuns(runs));
      recordLessonAction('evasion');
    });

  return (
    <section className={widgetStyles.widget} aria-label="Evading escrow">
      <h3 className={widgetStyles.title}>Three clients, one recipient, one warrant</h3>
      <div className={widgetStyles.field}>
        <label htmlFor="evasion-text">Alice&apos;s message</label>
        <textarea id="evasion-text" rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={500} />
      </div>
      <div className={widgetStyles.actions}>
        <button type="button" className="primary" onClick={() => void send()} disabled={task.busy !== null}>
          Send from all three clients
        </button>
      </div>
      <TaskStatus error={task.error} busy={task.busy} />
      {runs ? (
        <>
          <ul className={styles.bars} aria-label="What Bob and the authority made of each message">
            {runs.map((r) => (
              <li key={r.client} data-testid={`evasion-${r.client}`} className={styles.card}>
                <strong>{CLIENT_LABEL[r.client]}</strong>
                <br />
                Escrow field: {r.escrowFieldBytes === 0 ? 'none' : `${r.escrowFieldBytes} bytes`}
                <br />
                <ActorBadge actor="bob" />:{' '}
                {r.recipient.accepted ? (
                  <span className={styles.closed}>accepted: “{r.recipient.plaintext}”</span>
                ) : (
                  <span className={styles.opened}>refused: {r.recipient.message}</span>
                )}
                <br />
                <ActorBadge actor="escrow" /> with a warrant on Alice:{' '}
                {r.authority.plaintext !== null ? (
                  <span>read: “{r.authority.plaintext}”</span>
                ) : (
                  <span className={styles.opened}>reads nothing: {r.authority.detail}</span>
                )}
              </li>
            ))}
          </ul>
          <Bytes
            label="Escrow field of the garbled message: wrapped key"
            value={runs.find((r) => r.client === 'garbled')?.wrappedKey}
            actor="escrow"
            from="random bytes, the length of a real wrapped key"
          />
          <p className={widgetStyles.hint}>
            Every verdict above is a real run: Bob&apos;s receive path, and the authority&apos;s HPKE open, unwrap and
            decryption.
          </p>
        </>
      ) : (
        <p className={widgetStyles.hint}>Nothing sent yet.</p>
      )}
    </section>
  );
}
