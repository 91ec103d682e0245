'use client';
/**
 * One escrow design against the steal-the-key theft (lib/scenarios/mitigations.ts, computed on
 * the design lab worker): the thief takes what the design leaves, decrypts all 36 recorded messages, and forges
 * one for Bob. Shown: opened before and after the theft, per conversation, the forgery's fate and,
 * for the public log, its entries. Reports `mitigation:<design>`.
 */
import { startTransition, useId, useState } from 'react';
import type { MitigationId } from '@/lib/scenarios/mitigation-world';
import type { MitigationReply as MitigationReport } from '@/lib/design-lab/design-lab-messages';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import widgetStyles from '../crypto/widgets.module.css';
import { TaskStatus } from '../escrow/EscrowToggle';
import { useLabTask } from '../escrow/use-lab-task';
import { callDesignLab } from './design-lab-client';
import { MITIGATION_LABEL, MITIGATION_REMAINS } from './mitigation-labels';
import styles from './mitigations.module.css';

const NAMES: Readonly<Record<string, string>> = { alice: 'Alice', bob: 'Bob', carol: 'Carol' };
const conversationName = (id: string) =>
  id
    .split('-')
    .map((p) => NAMES[p] ?? p)
    .join(' and ');

export function Mitigation({ design }: { design: MitigationId }) {
  const name = useId();
  const [report, setReport] = useState<MitigationReport | null>(null);
  const [robbed, setRobbed] = useState<1 | 2>(1);
  const task = useLabTask();

  const steal = () =>
    task.run('Stealing and decrypting 36 messages…', async () => {
      const r = await callDesignLab('mitigation', { design, agenciesRobbed: robbed });
      startTransition(() => setReport(r));
      recordLessonAction(`mitigation:${design}`);
    });

  return (
    <section className={widgetStyles.widget} aria-label={`Mitigation: ${MITIGATION_LABEL[design]}`}>
      <h3 className={widgetStyles.title}>{MITIGATION_LABEL[design]}</h3>
      {design === 'threshold' ? (
        <div className={styles.checkRow} role="group" aria-label="Agencies the thief robs">
          {([1, 2] as const).map((n) => (
            <label key={n}>
              <input type="radio" name={name} checked={robbed === n} onChange={() => setRobbed(n)} />
              The thief robs {n === 1 ? 'one agency' : 'two agencies'}
            </label>
          ))}
        </div>
      ) : null}
      <div className={widgetStyles.actions}>
        <button type="button" className="danger" onClick={() => void steal()} disabled={task.busy !== null}>
          Steal, then decrypt everything
        </button>
      </div>
      <TaskStatus error={task.error} busy={task.busy} />
      {report ? <ReportView report={report} /> : <p className={widgetStyles.hint}>Nothing stolen yet.</p>}
    </section>
  );
}

function ReportView({ report }: { report: MitigationReport }) {
  return (
    <div data-testid={`mitigation-${report.mitigation}`}>
      <p>
        The thief took {report.stolen}. Decryption opened{' '}
        <strong className={report.opened > 0 ? styles.opened : styles.closed}>
          {report.opened} of {report.total}
        </strong>{' '}
        messages: {report.before.opened} of {report.before.total} sent before the theft, {report.after.opened} of{' '}
        {report.after.total} after.
      </p>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption className="visually-hidden">Messages opened per conversation</caption>
          <thead>
            <tr>
              <th scope="col">Conversation</th>
              <th scope="col">Opened</th>
            </tr>
          </thead>
          <tbody>
            {report.conversations.map((c) => (
              <tr key={c.conversationId}>
                <th scope="row">{conversationName(c.conversationId)}</th>
                <td className={c.opened > 0 ? styles.opened : styles.closed}>
                  {c.opened} of {c.total}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Forgery to Bob (“{report.forgery.text}”):{' '}
        <span className={`${widgetStyles.verdict} ${report.forgery.accepted ? widgetStyles.bad : widgetStyles.ok}`}>
          {report.forgery.accepted ? 'accepted' : 'refused'}
        </span>{' '}
        {report.forgery.detail}.
      </p>
      {report.log ? (
        <>
          <p>
            The public log holds {report.log.entries.length} entries; {report.log.withoutWarrant} cite no warrant. Its
            hash chain {report.log.intact ? 'verifies' : 'is broken'}.
          </p>
          <ol className={styles.risks} aria-label="The last entries of the public log">
            {report.log.entries.slice(-3).map((e) => (
              <li key={e.index}>
                #{e.index}: message {e.messageSeq} ({conversationName(e.conversationId)}), by {e.requester},{' '}
                {e.warrantId ? `warrant ${e.warrantId}` : 'no warrant'}; hash{' '}
                <span className={styles.number}>{e.hash.slice(0, 16)}…</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <p className={widgetStyles.hint}>What remains: {MITIGATION_REMAINS[report.mitigation]}</p>
    </div>
  );
}
