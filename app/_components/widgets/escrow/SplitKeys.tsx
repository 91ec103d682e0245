'use client';
/**
 * Lesson 8: the escrow secret key split between agencies (XOR 2-of-2 as Clipper's escrow agents,
 * or Shamir k-of-n), a thief stealing pieces of its choice, recombination checked against the
 * public key, a corrupted share caught by that check, and the authority's own recombination at
 * every use. Every verdict comes from lib/scenarios/split-custody.ts in the worker: real
 * recombination, the named public-key check, real decryption of the recorded traffic. Instances with
 * the same scheme in one lesson share one store (key, shares, thief).
 */
import { useId, useState } from 'react';
import type { SplitScheme } from '@/lib/scenarios/split-custody';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import widgetStyles from '../crypto/widgets.module.css';
import { useScoped } from '../LessonScope';
import { callEscrowLab } from './escrow-lab-client';
import styles from './escrow.module.css';
import { TaskStatus } from './EscrowToggle';
import { PieceList } from './PieceList';
import { RecombinationView } from './RecombinationView';
import { SplitHeader } from './SplitHeader';
import { createSplitStore, releaseSplitStore, useSplitState } from './split-keys-store';
import { LabTaskError, useLabTask } from './use-lab-task';
import { useProgressive } from './use-progressive';

const SIZES = [2, 3, 4, 5] as const;

export function SplitKeys({ scheme }: { scheme: SplitScheme }) {
  const id = useId();
  const store = useScoped(`split-keys:${scheme}`, createSplitStore, releaseSplitStore);
  const s = useSplitState(store);
  const task = useLabTask();
  const [corruptWho, setCorruptWho] = useState<string>('');
  const pieceWord = scheme === 'xor' ? 'component' : 'share';
  // The key, then its pieces: one commit each.
  const shown = useProgressive(s.split, 2);

  const split = () =>
    task.run('Splitting the key…', async () => {
      const { scope, seed, shares, threshold } = store.getState();
      if (scheme === 'shamir' && threshold > shares)
        throw new LabTaskError(`A threshold of ${threshold} needs at least ${threshold} shares: choose k ≤ n.`);
      const reply = await callEscrowLab('split', {
        scope,
        seed,
        scheme,
        shares: scheme === 'xor' ? 2 : shares,
        threshold: scheme === 'xor' ? 2 : threshold,
      });
      store.setState({ split: reply, stolen: [], thief: null, badShare: null, warrant: null });
      setCorruptWho('');
      recordLessonAction(`split:${scheme}`);
    });

  const recombineAs = (purpose: 'thief' | 'bad-share' | 'warrant') =>
    task.run(
      purpose === 'thief'
        ? 'Recombining and decrypting…'
        : purpose === 'warrant'
          ? 'The agencies recombine the key…'
          : 'Corrupting a share and recombining…',
      async () => {
        const { scope, seed, split: current, stolen } = store.getState();
        if (!current) throw new LabTaskError('Split the key first: there are no pieces yet.');
        const ids = current.pieces.map((p) => p.agencyId);
        if (purpose === 'thief') {
          if (stolen.length === 0)
            throw new LabTaskError(`Steal at least one ${pieceWord} first: tick the agencies the thief breaks into.`);
          const r = await callEscrowLab('recombine', { scope, seed, agencies: stolen, corrupt: [] });
          store.setState({ thief: r });
          if (r.check.passed && r.opened === r.total && r.total > 0) recordLessonAction(`stolen:${scheme}`);
        } else if (purpose === 'warrant') {
          const r = await callEscrowLab('recombine', {
            scope,
            seed,
            agencies: ids.slice(0, current.threshold),
            corrupt: [],
          });
          store.setState({ warrant: r });
        } else {
          // The authority's own recombination with enough shares, one of them damaged in storage.
          const victim = corruptWho && ids.includes(corruptWho) ? corruptWho : ids[0]!;
          const others = ids.filter((a) => a !== victim).slice(0, current.threshold - 1);
          const r = await callEscrowLab('recombine', { scope, seed, agencies: [victim, ...others], corrupt: [victim] });
          store.setState({ badShare: r });
          if (!r.check.passed && r.corrupted.length === 1) recordLessonAction('split:bad-share');
        }
      },
    );

  return (
    <section
      className={widgetStyles.widget}
      aria-label={scheme === 'xor' ? 'Split the key in two (XOR)' : 'Split the key k of n (Shamir)'}
    >
      <h3 className={widgetStyles.title}>
        {scheme === 'xor' ? 'Two escrow agents: KU = KU1 ⊕ KU2' : "Any k of n agencies: Shamir's secret sharing"}
      </h3>
      {scheme === 'shamir' && (
        <div className={styles.fields}>
          <div>
            <label htmlFor={`${id}-n`}>Agencies (n)</label>
            <select
              id={`${id}-n`}
              value={s.shares}
              onChange={(e) => store.setState({ shares: Number(e.target.value) })}
            >
              {SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-k`}>Needed to rebuild (k)</label>
            <select
              id={`${id}-k`}
              value={s.threshold}
              onChange={(e) => store.setState({ threshold: Number(e.target.value) })}
            >
              {SIZES.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <div className={widgetStyles.actions}>
        <button
          type="button"
          className={s.split ? undefined : 'primary'}
          onClick={() => void split()}
          disabled={task.busy !== null}
        >
          {s.split ? 'Split a new key' : 'Split the key'}
        </button>
      </div>
      <TaskStatus error={task.error} busy={task.busy} />
      {!s.split ? (
        <p className={widgetStyles.hint}>
          No key split yet. The widget makes the authority&apos;s key pair, records ten escrowed messages, and splits
          the secret key.
        </p>
      ) : (
        <>
          <SplitHeader split={s.split} scheme={scheme} />
          {shown >= 2 && <PieceList split={s.split} scheme={scheme} stolen={s.stolen} store={store} />}
          <div className={widgetStyles.actions}>
            <button
              type="button"
              className={!s.thief?.check.passed ? 'primary' : undefined}
              onClick={() => void recombineAs('thief')}
              disabled={task.busy !== null}
            >
              Recombine and decrypt
            </button>
            <span className={styles.count} role="status" aria-live="polite">
              The thief holds {s.stolen.length} of {s.split.pieces.length} {pieceWord}s ({s.split.threshold} needed).
            </span>
          </div>
          {s.thief && <RecombinationView r={s.thief} who="thief" testId={`thief-${scheme}`} />}

          {scheme === 'shamir' && (
            <>
              <h4>A share that lies</h4>
              <div className={styles.fields}>
                <div>
                  <label htmlFor={`${id}-corrupt`}>Share to corrupt</label>
                  <select
                    id={`${id}-corrupt`}
                    value={corruptWho || s.split.pieces[0]!.agencyId}
                    onChange={(e) => setCorruptWho(e.target.value)}
                  >
                    {s.split.pieces.map((p, i) => (
                      <option key={p.agencyId} value={p.agencyId}>
                        Share {i + 1} ({p.agencyName})
                      </option>
                    ))}
                  </select>
                </div>
                <button
                  type="button"
                  className="danger"
                  onClick={() => void recombineAs('bad-share')}
                  disabled={task.busy !== null}
                >
                  Corrupt a share and recombine
                </button>
              </div>
              {s.badShare && <RecombinationView r={s.badShare} who="escrow" testId="bad-share" />}
            </>
          )}

          <h4>The authority uses its key</h4>
          <div className={widgetStyles.actions}>
            <button type="button" onClick={() => void recombineAs('warrant')} disabled={task.busy !== null}>
              Use the key (warrant)
            </button>
          </div>
          {s.warrant && (
            <>
              <p className={widgetStyles.hint}>
                To execute a warrant, {s.warrant.agencies.length} agencies hand over their {pieceWord}s and one machine
                recombines them. The whole key exists again, in one place:
              </p>
              <RecombinationView r={s.warrant} who="escrow" testId={`warrant-${scheme}`} />
            </>
          )}
        </>
      )}
    </section>
  );
}
