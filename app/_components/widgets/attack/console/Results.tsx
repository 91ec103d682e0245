import { formatSimTime } from '@/lib/protocol/sim-time';
import type { AttackResult, WorldSummary } from '@/lib/attack-lab/world-messages';
import { ExposureMatrixTable } from '../ExposureMatrixTable';
import { OutcomeList } from '../OutcomeList';
import { PersonBadge, personName } from '../PersonBadge';
import styles from '../attack.module.css';

/** What a decryption run decided: counts, before/after the theft, who is exposed, timings, the heat map and every message. */
export function Results({
  result,
  world,
  mine,
}: {
  result: AttackResult;
  world: WorldSummary;
  mine: ReadonlySet<number>;
}) {
  const { counts, exposure, timing } = result;
  const split = exposure.split;
  const mineOpened = result.rows.filter((r) => mine.has(r.seq) && r.kind === 'opened');
  return (
    <div data-testid="attack-results">
      <ul className={styles.counts} aria-label="Decryption results">
        <li className={`${styles.count} ${styles.countOpened}`}>
          <strong data-testid="count-opened">{counts.opened}</strong>
          <span>opened</span>
        </li>
        <li className={styles.count}>
          <strong data-testid="count-tag-failed">{counts.tagFailed}</strong>
          <span>failed the tag</span>
        </li>
        <li className={styles.count}>
          <strong data-testid="count-no-key">{counts.noKey}</strong>
          <span>no key to try</span>
        </li>
        <li className={styles.count}>
          <strong data-testid="count-captured">{result.capture.envelopes}</strong>
          <span>captured{result.cancelled ? ` (${result.rows.length} decided)` : ''}</span>
        </li>
      </ul>
      {split && (
        <p>
          {split.before.total > 0 ? (
            <>
              Sent before the theft ({formatSimTime(split.at)}): <strong>{split.before.opened}</strong> of{' '}
              {split.before.total} opened.
            </>
          ) : (
            <>Nothing was sent before the theft ({formatSimTime(split.at)}).</>
          )}{' '}
          {split.after.total > 0 ? (
            <>
              Sent after it: <strong>{split.after.opened}</strong> of {split.after.total} opened.
            </>
          ) : (
            <>Nothing was sent after it.</>
          )}
        </p>
      )}
      <p>
        Exposed: {exposure.exposedUsers.length} of {world.participants.length} users
        {exposure.exposedUsers.length > 0 && (
          <>
            {' ('}
            {exposure.exposedUsers.map((u, i) => (
              <span key={u}>
                {i > 0 && ', '}
                <PersonBadge id={u} name={personName(u, world.participants)} />
              </span>
            ))}
            {')'}
          </>
        )}
        , {exposure.exposedConversations.length} of {world.conversations.length} conversations.
      </p>
      {mineOpened.length > 0 && (
        <p className={styles.mine} data-testid="my-message-opened">
          Your message opened: &ldquo;{mineOpened[0]!.plaintext}&rdquo;
        </p>
      )}
      <p
        className={styles.timing}
        data-testid="decrypt-timing"
        data-decrypt-ms={timing.decryptMs.toFixed(1)}
        data-generate-ms={world.timing.generateMs.toFixed(1)}
      >
        Measured in the worker: decryption {timing.decryptMs.toFixed(0)} ms for {result.rows.length} envelopes (
        {timing.decryptWorkers > 1
          ? `split by conversation over ${timing.decryptWorkers} workers running at once, ${timing.decryptBusyMs.toFixed(0)} ms of computing in all`
          : `${timing.decryptBusyMs.toFixed(0)} ms computing, the rest progress reports`}
        ); generating this world (every message sealed and opened once) took {world.timing.generateMs.toFixed(0)} ms.
      </p>
      <details>
        <summary>Worker report (raw)</summary>
        <pre data-testid="worker-report" className={styles.text}>
          {JSON.stringify(
            {
              counts,
              captured: result.capture.envelopes,
              decided: result.rows.length,
              cancelled: result.cancelled,
              sources: result.capture.sources,
              timing,
            },
            null,
            1,
          )}
        </pre>
      </details>
      <ExposureMatrixTable
        matrix={exposure.matrix}
        caption="What the decryption opened, by user and conversation over time"
      />
      <h4 style={{ marginTop: 'var(--space-4)' }}>Messages</h4>
      <OutcomeList rows={result.rows} people={world.participants} mine={mine} />
    </div>
  );
}
