'use client';
/**
 * Messages exposed per escrow design: all six designs of lib/scenarios/mitigations.ts run one after
 * another in the design lab worker (each a real theft, decryption and forgery), drawn as SVG bars of opened / total, with
 * the forgery's fate and the risk that remains. Reports `mitigation-chart`.
 */
import { startTransition, useState } from 'react';
import { MITIGATION_IDS, type MitigationId } from '@/lib/scenarios/mitigation-world';
import type { MitigationReply as MitigationReport } from '@/lib/design-lab/design-lab-messages';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import widgetStyles from '../crypto/widgets.module.css';
import { TaskStatus } from '../escrow/EscrowToggle';
import { useLabTask } from '../escrow/use-lab-task';
import { callDesignLab } from './design-lab-client';
import { MITIGATION_LABEL, MITIGATION_REMAINS } from './mitigation-labels';
import styles from './mitigations.module.css';

export function MitigationChart() {
  const [reports, setReports] = useState<readonly MitigationReport[]>([]);
  const task = useLabTask();

  const runAll = () =>
    task.run('Running the theft against every design…', async () => {
      const done: MitigationReport[] = [];
      for (const id of MITIGATION_IDS) {
        done.push(await callDesignLab('mitigation', { design: id, agenciesRobbed: 1 }));
        const snapshot = [...done];
        startTransition(() => setReports(snapshot));
      }
      recordLessonAction('mitigation-chart');
    });

  return (
    <section className={widgetStyles.widget} aria-label="Messages exposed per mitigation">
      <h3 className={widgetStyles.title}>Messages exposed per mitigation</h3>
      <div className={widgetStyles.actions}>
        <button type="button" className="primary" onClick={() => void runAll()} disabled={task.busy !== null}>
          Run the theft against every design
        </button>
      </div>
      <TaskStatus error={task.error} busy={task.busy} />
      {reports.length === 0 ? (
        <p className={widgetStyles.hint}>Nothing run yet.</p>
      ) : (
        <figure className={styles.figure}>
          <figcaption className={widgetStyles.hint}>
            Each bar: messages the thief decrypted, of 36 recorded. One theft at noon on day 4.
          </figcaption>
          <ul className={styles.bars}>
            {reports.map((r) => (
              <Bar key={r.mitigation} report={r} id={r.mitigation} />
            ))}
          </ul>
        </figure>
      )}
    </section>
  );
}

function Bar({ report, id }: { report: MitigationReport; id: MitigationId }) {
  const share = report.total === 0 ? 0 : report.opened / report.total;
  return (
    <li data-testid={`chart-${id}`}>
      <strong>{MITIGATION_LABEL[id]}</strong>: {report.opened} of {report.total} opened; forgery{' '}
      {report.forgery.accepted ? 'accepted' : 'refused'}
      {report.log ? `; ${report.log.withoutWarrant} openings logged without a warrant` : ''}.
      <svg className={styles.chart} viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
        <rect className={styles.barTrack} x="0" y="0" width="100" height="6" rx="1" />
        <rect className={styles.barOpened} x="0" y="0" width={100 * share} height="6" rx="1" />
      </svg>
      <span className={widgetStyles.hint}>What remains: {MITIGATION_REMAINS[id]}</span>
    </li>
  );
}
