'use client';
/**
 * The blast radius, side by side: the same people, conversations and messages (one seed) under
 * static keys, the Double Ratchet, and the Double Ratchet with escrow; in each, the same thefts at
 * the same moment, and a forgery. Generated and attacked in the world worker on request; every
 * number is a decryption or a tag check. Spec: lib/lessons/widget-names.ts, BlastRadius.
 */
import { useEffect, useRef, useState } from 'react';
import type { ExposureCounts } from '@/lib/protocol/blast-radius';
import { formatSimTime } from '@/lib/protocol/sim-time';
import type { WorkerProgress } from '@/lib/scenarios/run-controls';
import {
  COMPARED_WORLDS,
  LESSON_COMPARISON,
  type CompareOptions,
  type ComparisonCellSummary,
  type ComparisonResult,
} from '@/lib/scenarios/three-worlds';
import { CancelledError } from '@/lib/worker-rpc/rpc-error';
import { getWorldClient } from '../../world/world-client';
import { ActorIcon } from '../../actors';
import { BlastRadiusChart } from './BlastRadiusChart';
import { EscrowChainFinding } from './EscrowChainFinding';
import { personName } from './PersonBadge';
import styles from './attack.module.css';
import chart from './blast-chart.module.css';
import w from '../crypto/widgets.module.css';

const ratio = (c: ExposureCounts | null) => (c ? `${c.opened}/${c.total}` : '–');

function CellView({
  cell,
  result,
  names,
}: {
  cell: ComparisonCellSummary;
  result: ComparisonResult;
  names: (id: string) => string;
}) {
  const nothing = cell.lootNotes.filter((n) => n.outcome !== 'obtained');
  return (
    <td data-testid={`cell-${cell.world}`}>
      <div className={styles.cellBig}>
        {cell.counts.opened}/{cell.counts.total} <span className={w.hint}>opened</span>
      </div>
      <div>
        before {formatSimTime(result.compromiseAt)}: <strong>{ratio(cell.before)}</strong>
        <br />
        after: <strong>{ratio(cell.after)}</strong>
      </div>
      <ul className={styles.cellList}>
        <li>
          users exposed: {cell.exposedUsers.length === 0 ? 'none' : cell.exposedUsers.map(names).join(', ')} (
          {cell.exposedUsers.length}/{result.users})
        </li>
        <li>
          conversations exposed: {cell.exposedConversations.length}/{result.conversations}
        </li>
        {cell.forgery && (
          <li>
            forged message #{cell.forgery.seq}:{' '}
            <span className={cell.forgery.accepted ? styles.accepted : styles.refused}>
              {cell.forgery.accepted ? 'accepted as genuine' : 'refused by the tag check'}
            </span>
          </li>
        )}
        {nothing.map((n, i) => (
          <li key={i} className={w.hint}>
            {n.message}
          </li>
        ))}
      </ul>
    </td>
  );
}

/** The three-world grid with its run button. `options` defaults to the lesson's world. */
export function BlastRadius({
  options = LESSON_COMPARISON,
  title = 'Blast radius: three worlds, the same thefts',
}: {
  options?: CompareOptions;
  title?: string;
}) {
  const [result, setResult] = useState<ComparisonResult | null>(null);
  const [progress, setProgress] = useState<WorkerProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const names = (id: string) => personName(id);
  // The comparison's three worlds exist only while it runs: leaving stops it, so the worker lets them go.
  useEffect(() => () => controller.current?.abort(), []);

  const run = async () => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setRunning(true);
    setError(null);
    setProgress(null);
    try {
      const r = await getWorldClient().compareWorlds(options, { signal: own.signal, onProgress: setProgress });
      if (controller.current === own) setResult(r);
    } catch (e) {
      if (controller.current === own)
        setError(e instanceof CancelledError ? 'Cancelled.' : e instanceof Error ? e.message : String(e));
    } finally {
      if (controller.current === own) {
        controller.current = null;
        setRunning(false);
      }
    }
  };

  return (
    <section className={w.widget} aria-label={title}>
      <h3 className={w.title}>
        <ActorIcon actor="thief" /> {title}
      </h3>
      <p className={w.hint}>
        One seed, so one schedule: the same {options.people ?? 8} people, {options.conversations ?? 20} conversations
        and {options.messages ?? 300} messages in each world. The thief records all traffic, and at one moment steals{' '}
        {options.victim ? `${names(options.victim)}'s` : 'a'} phone, or the escrow key.
      </p>
      <div className={styles.row}>
        <button type="button" className={result ? undefined : 'primary'} disabled={running} onClick={() => void run()}>
          {result ? 'Run the three worlds again' : 'Run the three worlds'}
        </button>
        {running && (
          <>
            <div
              className={styles.progress}
              role="progressbar"
              aria-label="Comparison progress"
              aria-valuemin={0}
              aria-valuemax={progress?.total ?? 6}
              aria-valuenow={progress?.done ?? 0}
              aria-valuetext={progress?.label ?? 'starting'}
            >
              <div
                className={styles.progressBar}
                style={{ width: `${progress ? Math.round((progress.done / progress.total) * 100) : 0}%` }}
              />
            </div>
            <button type="button" onClick={() => controller.current?.abort()}>
              Cancel
            </button>
          </>
        )}
      </div>
      <p role="status" aria-live="polite" className={w.hint}>
        {running ? `Working in a worker: ${progress?.label ?? 'starting'}…` : ''}
      </p>
      {error && (
        <p role="alert" className={w.error}>
          {error}
        </p>
      )}
      {result && (
        <>
          <BlastRadiusChart result={result} victimName={names(result.victim)} />
          <EscrowChainFinding result={result} names={names} />
          <details className={chart.numbersTable}>
            <summary>Every number: users, conversations and forgeries</summary>
            <p className={w.hint} aria-hidden="true">
              Messages opened / captured, by theft and world; compromise at {formatSimTime(result.compromiseAt)}.
              Forgery: the thief rewrites the last message {names(result.victim)} received before then, and{' '}
              {names(result.victim)}&apos;s client checks the tag.
            </p>
            <div className={styles.scroll} tabIndex={0} role="region" aria-label="Blast radius grid">
              <table className={styles.grid}>
                <caption className="visually-hidden">
                  Messages opened / captured, by theft and world; compromise at {formatSimTime(result.compromiseAt)}.
                  Forgery: the thief rewrites the last message {names(result.victim)} received before then, and{' '}
                  {names(result.victim)}&apos;s client checks the tag.
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Theft</th>
                    {COMPARED_WORLDS.map((c) => (
                      <th key={c.kind} scope="col">
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((row) => (
                    <tr key={row.id} data-testid={`row-${row.id}`}>
                      <th scope="row">{row.label}</th>
                      {row.cells.map((cell) => (
                        <CellView key={cell.world} cell={cell} result={result} names={names} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <p className={styles.timing}>
            Three worlds generated and attacked in the worker in {result.timing.totalMs.toFixed(0)} ms.
          </p>
        </>
      )}
    </section>
  );
}
