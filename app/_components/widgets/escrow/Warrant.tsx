'use client';
/**
 * Lesson 6: the authority executes a warrant. A recorded day of escrowed traffic among Alice, Bob
 * and Carol; a warrant names a target and a time window; the authority's software opens exactly
 * what it covers, and the same key, without the check, opens the rest
 * (lib/scenarios/warrant.ts, in the worker).
 */
import { startTransition, useId, useState } from 'react';
import type { WarrantRecordReply, WarrantRunReply } from '@/lib/escrow-lab/escrow-lab-messages';
import { formatSimTime, MINUTES_PER_HOUR } from '@/lib/protocol/sim-time';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorBadge, ActorIcon, type ActorId } from '../../actors';
import widgetStyles from '../crypto/widgets.module.css';
import { callEscrowLab } from './escrow-lab-client';
import { Bytes } from './Bytes';
import styles from './escrow.module.css';
import { TaskStatus } from './EscrowToggle';
import { LabTaskError, useLabScope, useLabTask } from './use-lab-task';
import { useProgressive } from './use-progressive';

const PEOPLE = [
  { id: 'alice', name: 'Alice' },
  { id: 'bob', name: 'Bob' },
  { id: 'carol', name: 'Carol' },
] as const;

const HOURS = Array.from({ length: 25 }, (_, h) => h * MINUTES_PER_HOUR);

function hourLabel(minutes: number): string {
  return minutes === 24 * MINUTES_PER_HOUR ? 'day 2, 00:00' : formatSimTime(minutes);
}

function actorOf(id: string): ActorId {
  return id === 'alice' || id === 'bob' || id === 'carol' ? id : 'server';
}

export function Warrant() {
  const id = useId();
  const [target, setTarget] = useState('bob');
  const [from, setFrom] = useState(8 * MINUTES_PER_HOUR);
  const [to, setTo] = useState(16 * MINUTES_PER_HOUR);
  const [recorded, setRecorded] = useState<WarrantRecordReply | null>(null);
  const [run, setRun] = useState<WarrantRunReply | null>(null);
  const [beyond, setBeyond] = useState<WarrantRunReply | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const task = useLabTask();
  const { scope, seed } = useLabScope();

  const record = () =>
    task.run("Recording the day's traffic…", async () => {
      const reply = await callEscrowLab('warrant-record', { scope, seed });
      startTransition(() => {
        setRecorded(reply);
        setRun(null);
        setBeyond(null);
        setNote(null);
      });
    });
  const execute = () =>
    task.run('Executing the warrant…', async () => {
      if (!recorded) throw new LabTaskError("Record the day's traffic first: there is nothing to open yet.");
      if (to < from)
        throw new LabTaskError('The window ends before it starts: pick a "to" time after the "from" time.');
      const reply = await callEscrowLab('warrant-execute', { scope, seed, target, from, to });
      startTransition(() => {
        setRun(reply);
        setBeyond(null);
        setNote(
          reply.tried === 0
            ? `The warrant covers no message: ${nameOf(target)} sent or received nothing in that window. Widen it and execute again.`
            : null,
        );
      });
      if (reply.tried === 0) return;
      if (reply.opened === reply.tried) recordLessonAction('warrant');
    });
  const tryBeyond = () =>
    task.run('Trying the same key on the other messages…', async () => {
      if (!run)
        throw new LabTaskError('Execute a warrant first: then try the same key on the messages it did not cover.');
      const reply = await callEscrowLab('warrant-beyond', { scope, seed });
      startTransition(() => setBeyond(reply));
      if (reply.tried > 0 && reply.opened > 0) recordLessonAction('warrant:beyond');
    });

  // The authority's key and the counts, then the table: one commit each.
  const shown = useProgressive(recorded, 2);
  const outcome = (seq: number) => run?.outcomes.find((o) => o.seq === seq);
  const beyondOutcome = (seq: number) => beyond?.outcomes.find((o) => o.seq === seq);

  return (
    <section className={widgetStyles.widget} aria-label="The authority's warrant console">
      <h3 className={`${widgetStyles.title} ${styles.widgetTitle}`}>
        <ActorIcon actor="escrow" /> The escrow authority executes a warrant
      </h3>
      <div className={widgetStyles.actions}>
        <button
          type="button"
          className={recorded ? undefined : 'primary'}
          onClick={() => void record()}
          disabled={task.busy !== null}
        >
          {recorded ? "Record a new day's traffic" : "Record the day's traffic"}
        </button>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void execute();
        }}
      >
        <fieldset className={styles.radioRow}>
          <legend>The warrant (signed by Judge Rivera, District Court)</legend>
          <div className={styles.fields}>
            <div>
              <label htmlFor={`${id}-target`}>Target</label>
              <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
                {PEOPLE.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-from`}>From</label>
              <select id={`${id}-from`} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
                {HOURS.slice(0, -1).map((m) => (
                  <option key={m} value={m}>
                    {hourLabel(m)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-to`}>To</label>
              <select id={`${id}-to`} value={to} onChange={(e) => setTo(Number(e.target.value))}>
                {HOURS.slice(1).map((m) => (
                  <option key={m} value={m}>
                    {hourLabel(m)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
        <div className={widgetStyles.actions}>
          <button type="submit" className={recorded && !run ? 'primary' : undefined} disabled={task.busy !== null}>
            Execute the warrant
          </button>
          <button
            type="button"
            className={run && !beyond ? 'danger' : undefined}
            onClick={() => void tryBeyond()}
            disabled={task.busy !== null}
          >
            Try the same key on the other messages
          </button>
        </div>
      </form>
      <TaskStatus error={task.error} busy={task.busy} />
      {note && (
        <p className={widgetStyles.hint} role="status">
          {note}
        </p>
      )}

      {!recorded ? (
        <p className={widgetStyles.hint}>No traffic recorded yet.</p>
      ) : (
        <>
          <Bytes
            label="Escrow authority's public key"
            value={recorded.authorityPublicKey}
            actor="escrow"
            from="every envelope's escrow field is sealed to it"
          />
          {run && (
            <p
              className={`${styles.result} ${run.opened > 0 ? widgetStyles.ok : ''}`}
              role="status"
              data-testid="warrant-summary"
            >
              Warrant for {nameOf(run.warrant.target)}, {hourLabel(run.warrant.from)} to {hourLabel(run.warrant.to)}:{' '}
              <span className={styles.count}>
                {run.opened} of {run.tried}
              </span>{' '}
              covered message{run.tried === 1 ? '' : 's'} opened; {run.outcomes.length - run.tried} left untouched.
            </p>
          )}
          {beyond && (
            <p className={`${styles.result} ${widgetStyles.bad}`} role="status" data-testid="beyond-summary">
              The same key, without the warrant check:{' '}
              <span className={styles.count}>
                {beyond.opened} of {beyond.tried}
              </span>{' '}
              messages outside the warrant opened.
            </p>
          )}
          {shown >= 2 && (
            <div className={styles.tableWrap}>
              <table className={styles.table} data-testid="warrant-table">
                <caption>The relay&apos;s record of the day: {recorded.messages.length} escrowed messages</caption>
                <thead>
                  <tr>
                    <th scope="col">Message</th>
                    <th scope="col">What the authority reads</th>
                  </tr>
                </thead>
                <tbody>
                  {recorded.messages.map((m) => {
                    const o = outcome(m.seq);
                    const b = beyondOutcome(m.seq);
                    const underWarrant = o !== undefined && o.kind !== 'outside-warrant';
                    return (
                      <tr
                        key={m.seq}
                        data-seq={m.seq}
                        data-sender={m.sender}
                        data-recipient={m.recipient}
                        data-sent-at={m.sentAt}
                        data-outcome={b ? `beyond-${b.kind}` : (o?.kind ?? 'none')}
                        className={underWarrant ? styles.covered : undefined}
                      >
                        <td className={styles.msgCell}>
                          <ActorBadge actor={actorOf(m.sender)} /> → <ActorBadge actor={actorOf(m.recipient)} />
                          <span className={styles.msgMeta}>
                            {formatSimTime(m.sentAt)}, {m.size} bytes
                          </span>
                        </td>
                        <td>
                          {!o ? (
                            <span className={styles.neutral}>ciphertext only</span>
                          ) : o.kind === 'opened' ? (
                            <span className={styles.yes}>
                              ✓ opened under the warrant
                              <span className={styles.quote}>&ldquo;{o.plaintext}&rdquo;</span>
                            </span>
                          ) : o.kind === 'outside-warrant' ? (
                            b?.kind === 'opened' ? (
                              <span className={styles.no}>
                                ✓ opened anyway, outside the warrant
                                <span className={styles.quote}>&ldquo;{b.plaintext}&rdquo;</span>
                              </span>
                            ) : (
                              <span className={styles.neutral}>untouched: outside the warrant</span>
                            )
                          ) : (
                            <span className={styles.no}>✗ {o.kind}</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function nameOf(id: string): string {
  return PEOPLE.find((p) => p.id === id)?.name ?? id;
}
