/**
 * Why "ratchet with escrow" opens more than "ratchet" after a phone theft, from the comparison's
 * own outcomes: the messages the stolen phone's escrow wrap chain opened, which conversation and
 * epoch, and when that epoch rotates. Pinned by lib/scenarios/escrow-healing.test.ts.
 */
import { formatSimTime } from '@/lib/protocol/sim-time';
import type { ComparisonResult } from '@/lib/scenarios/three-worlds';
import styles from './blast-chart.module.css';

const hours = (minutes: number) =>
  minutes % 1440 === 0 ? `${minutes / 1440} day${minutes === 1440 ? '' : 's'}` : `${Math.round(minutes / 60)} hours`;

/** Renders nothing unless some phone theft opened messages through the escrow wrap chain. */
export function EscrowChainFinding({ result, names }: { result: ComparisonResult; names: (id: string) => string }) {
  const phone = result.rows.find((r) => r.id === 'phone');
  const escrow = phone?.cells.find((c) => c.world === 'ratchet-escrow');
  const ratchet = phone?.cells.find((c) => c.world === 'ratchet');
  if (!escrow || !ratchet || escrow.escrowChainOpens.length === 0) return null;
  const extra = escrow.escrowChainOpens.reduce((n, g) => n + g.seqs.length, 0);
  const epochMinutes = result.escrowEpochMinutes;
  const victim = names(result.victim);
  return (
    <div className={styles.finding} data-testid="escrow-chain-finding">
      <h4>
        Why the phone opens more with escrow: {escrow.counts.opened} against {ratchet.counts.opened}
      </h4>
      <p>
        The ratchet heals: once {victim}&apos;s phone mixes a fresh Diffie-Hellman output into its root key, the copied
        ratchet keys stop working. But the phone also held the chain key of the escrow epoch it was sending in, and that
        chain only steps forward by HMAC; nothing fresh ever enters it. So the thief unwrapped the message key of{' '}
        <strong>
          {extra} more message{extra === 1 ? '' : 's'}
        </strong>{' '}
        {victim} sent, until the epoch&apos;s key was replaced:
      </p>
      <ul>
        {escrow.escrowChainOpens.map((g) => (
          <li key={`${g.conversationId}-${g.epoch}`}>
            to {names(g.recipient)}: {g.seqs.length} message{g.seqs.length === 1 ? '' : 's'} (
            {g.seqs.map((s) => `#${s}`).join(', ')}), sent {formatSimTime(g.firstSentAt)} to{' '}
            {formatSimTime(g.lastSentAt)}, in epoch {g.epoch}, begun {formatSimTime(g.epochStartedAt)}
            {epochMinutes !== null ? `, replaced from ${formatSimTime(g.epochStartedAt + epochMinutes)}` : ''}.
          </li>
        ))}
      </ul>
      <p>
        This is a choice of this lab&apos;s escrow: one epoch key per sender and conversation
        {epochMinutes !== null ? ` for ${hours(epochMinutes)}` : ''}, so the authority needs one HPKE open per epoch.
        Drawing a new epoch key at every ratchet step would heal with the ratchet, at one HPKE seal and open per step.
      </p>
    </div>
  );
}
