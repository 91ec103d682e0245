import type { EnvelopeOutcome, KeyProvenance } from '@/lib/protocol/decryption-outcome';
import { formatSimTime, type SimTime } from '@/lib/protocol/sim-time';
import type { TheftTimelineEntry as TimelineEntry } from '@/lib/protocol/theft-timeline';
import type { TwoPartyConversation, TwoPartyMember } from '@/lib/protocol/two-party-conversation';
import { ACTORS, ActorBadge } from '../../actors';
import styles from '../crypto/widgets.module.css';
import own from './protocol.module.css';
import { hexPreview } from './relay-conversation';

/** Which key opened a message, as the verdict says it. */
function provenanceText(p: KeyProvenance): string {
  switch (p.kind) {
    case 'device-static-key':
      return "with the conversation key derived from Bob's identity secret key";
    case 'device-ratchet-chain':
      return 'with a key derived from the ratchet state on the phone';
    default:
      return 'with a key from the loot';
  }
}

/** The rest of the verdict after "Opened" / "Not opened". */
function outcomeText(o: EnvelopeOutcome): string {
  if (o.kind === 'opened') return ` ${provenanceText(o.openedWith)}`;
  if (o.kind === 'tag-failed') return ': the thief had a key to try and the tag rejected it';
  return ': nothing on the phone gives a key for this message';
}

interface TheftTimelineEntryProps {
  readonly entry: TimelineEntry;
  /** The envelope Eve recorded for this message. */
  readonly envelope: TwoPartyConversation['records'][number]['envelope'];
  /** The first message the thief cannot open because Bob's phone made a fresh ratchet key pair. */
  readonly healed: boolean;
  /** The phone was stolen right after this message. */
  readonly stolenAfter: boolean;
  /** When the phone was stolen. */
  readonly takenAt: SimTime;
}

/** One recorded message as the thief tried it: who sent it, what was recorded, and whether it opened. */
export function TheftTimelineEntry({ entry: e, envelope, healed, stolenAfter, takenAt }: TheftTimelineEntryProps) {
  const opened = e.outcome.kind === 'opened';
  return (
    <li
      className={own.tlItem}
      data-phase={e.phase}
      data-outcome={opened ? 'opened' : 'closed'}
      data-testid="theft-message"
      style={{ ['--actor' as string]: ACTORS[e.sender as TwoPartyMember].color }}
    >
      {healed && (
        <p className={own.marker} data-testid="healed-marker">
          Healed from here: Bob&apos;s phone made a new ratchet key pair after the theft, and the thief never saw its
          secret key.
        </p>
      )}
      <div className={own.bubbleHead}>
        <span>
          {e.seq + 1}. <ActorBadge actor={e.sender as TwoPartyMember} /> →{' '}
          <ActorBadge actor={e.recipient as TwoPartyMember} />
        </span>
        <span className={own.meta}>
          {formatSimTime(e.sentAt)} · {e.phase === 'before' ? 'before the theft' : 'after the theft'}
        </span>
      </div>
      <p className={own.meta}>
        Recorded: <code className={own.preview}>{hexPreview(envelope.ciphertext)}</code> ({envelope.ciphertext.length}{' '}
        B)
        {envelope.header.ratchet && (
          <>
            {' '}
            · ratchet key <code className={own.preview}>{hexPreview(envelope.header.ratchet.publicKey, 4)}</code>
            {e.freshRatchetKey ? ' (made after the theft)' : ''}
          </>
        )}
      </p>
      <p className={`${own.opened} ${opened ? styles.bad : styles.ok}`}>
        <strong>{opened ? 'Opened' : 'Not opened'}</strong>
        {outcomeText(e.outcome)}
        {e.outcome.kind === 'opened' && (
          <>
            : <q data-testid="thief-plaintext">{e.outcome.plaintext}</q>
          </>
        )}
      </p>
      {stolenAfter && (
        <p className={own.marker} data-testid="theft-marker">
          <ActorBadge actor="thief" /> steals Bob&apos;s phone here ({formatSimTime(takenAt)})
        </p>
      )}
    </li>
  );
}
