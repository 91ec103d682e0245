'use client';
import { memo } from 'react';
import type { KeyAgreementMode } from '@/lib/protocol/envelope-header';
import styles from '../crypto/widgets.module.css';
import own from './protocol.module.css';
import { StolenPhoneKeys } from './StolenPhoneKeys';
import type { TheftResult } from './theft-conversation';
import { TheftTimelineEntry } from './TheftTimelineEntry';

/** What the thief copied and what it opened. Memoized: progress updates do not re-render it. */
export const TheftReport = memo(function TheftReport({
  result,
  mode,
  demo,
  notHealedYet = "The conversation ends before Bob's phone makes a fresh ratchet key pair, so healing does not show here. Steal it earlier to see it.",
}: {
  result: TheftResult;
  mode: KeyAgreementMode;
  demo: boolean;
  /** Said in ratchet mode when no message after the theft was sent under a fresh ratchet key pair. */
  notHealedYet?: string;
}) {
  const { timeline, phone, after } = result;
  const healed = timeline.healedAtSeq;
  return (
    <div className={own.report}>
      <h4 className={own.sub}>What the thief copied off the phone (right after message {after})</h4>
      <StolenPhoneKeys phone={phone} demo={demo} />
      <h4 className={own.sub}>Every recorded message, tried with that</h4>
      <p className={own.tally} data-testid="theft-summary">
        <span data-testid="theft-before">
          Before the theft: {timeline.before.opened} of {timeline.before.total} earlier message
          {timeline.before.total === 1 ? '' : 's'} opened.
        </span>{' '}
        <span data-testid="theft-after">
          After the theft: {timeline.after.opened} of {timeline.after.total} opened.
        </span>
      </p>
      <ol className={own.timeline} aria-label="The conversation, as the thief tried it">
        {timeline.entries.map((e) => (
          <TheftTimelineEntry
            key={e.seq}
            entry={e}
            envelope={result.conversation.records[e.seq]!.envelope}
            healed={e.seq === healed}
            stolenAfter={e.seq + 1 === after}
            takenAt={phone.takenAt}
          />
        ))}
      </ol>
      {mode === 'static' ? (
        <p className={styles.hint}>
          Static keys never change, so nothing heals: the stolen key opens the conversation&apos;s past and its future.
        </p>
      ) : healed === null && timeline.after.total > 0 ? (
        <p className={styles.hint}>{notHealedYet}</p>
      ) : null}
    </div>
  );
});
