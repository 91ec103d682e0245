/**
 * Outcome counts of a chunked decryption kept as the chunks arrive, for the progress reports.
 * @module
 */
import type { EnvelopeOutcome, OutcomeCounts } from '@/lib/protocol/decryption-outcome';

/**
 * Outcome counts kept as outcomes arrive, so a progress report costs its chunk, not the whole run
 * so far. An outcome for a seq already counted (the retry phase revises no-key and tag-failed
 * ones) replaces it.
 */
export class RunningCounts {
  private readonly kinds = new Map<number, EnvelopeOutcome['kind']>();
  private readonly tally: Record<EnvelopeOutcome['kind'], number> = {
    opened: 0,
    'tag-failed': 0,
    'no-key': 0,
    'outside-warrant': 0,
  };

  /** Counts `outcome`, in place of an earlier outcome for its seq if there was one. */
  decide(outcome: EnvelopeOutcome): void {
    const earlier = this.kinds.get(outcome.seq);
    if (earlier) this.tally[earlier]--;
    this.kinds.set(outcome.seq, outcome.kind);
    this.tally[outcome.kind]++;
  }

  /** The counts so far. */
  current(): OutcomeCounts {
    const t = this.tally;
    return { opened: t.opened, tagFailed: t['tag-failed'], noKey: t['no-key'], outsideWarrant: t['outside-warrant'] };
  }
}
