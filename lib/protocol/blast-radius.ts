/**
 * Blast radius: who and what an attack exposed, computed from the outcomes of actually decrypting
 * the capture (never from the schedule or from a rule about what "should" be readable). Counts per
 * user (messages they sent or received), per conversation, per time bucket, and before vs after a
 * moment such as the theft.
 * @module
 */
import type { Capture } from './capability';
import type { EnvelopeOutcome } from './decryption-outcome';
import type { ParticipantId } from './participant';
import { MINUTES_PER_DAY, type SimTime } from './sim-time';

/** Counts over a set of captured envelopes. */
export interface ExposureCounts {
  readonly total: number;
  readonly opened: number;
  readonly tagFailed: number;
  readonly noKey: number;
  readonly outsideWarrant: number;
}

/** Counts for one conversation, with its two participants. */
export interface ConversationExposure extends ExposureCounts {
  readonly participants: readonly [ParticipantId, ParticipantId];
}

/** Counts for a time bucket [from, to). */
export interface BucketExposure extends ExposureCounts {
  readonly from: SimTime;
  readonly to: SimTime;
}

/** The blast radius of one attack. */
export interface ExposureReport {
  readonly totals: ExposureCounts;
  /** Per participant: envelopes they sent or received. */
  readonly perUser: Readonly<Record<ParticipantId, ExposureCounts>>;
  readonly perConversation: Readonly<Record<string, ConversationExposure>>;
  readonly perBucket: readonly BucketExposure[];
  /** Before (sentAt <= splitAt) vs after, when `splitAt` was given. */
  readonly split: { readonly at: SimTime; readonly before: ExposureCounts; readonly after: ExposureCounts } | null;
  /** Participants with at least one opened envelope, sorted. */
  readonly exposedUsers: readonly ParticipantId[];
  /** Conversations with at least one opened envelope, sorted. */
  readonly exposedConversations: readonly string[];
}

/** Options for {@link computeExposure}. */
export interface ExposureOptions {
  /** Bucket width in minutes (default one day). */
  readonly bucketMinutes?: number;
  /** Split the counts at this minute (e.g. the theft time). */
  readonly splitAt?: SimTime;
}

interface MutableCounts {
  total: number;
  opened: number;
  tagFailed: number;
  noKey: number;
  outsideWarrant: number;
}

const zero = (): MutableCounts => ({ total: 0, opened: 0, tagFailed: 0, noKey: 0, outsideWarrant: 0 });

function add(counts: MutableCounts, outcome: EnvelopeOutcome['kind']): void {
  counts.total++;
  if (outcome === 'opened') counts.opened++;
  else if (outcome === 'tag-failed') counts.tagFailed++;
  else if (outcome === 'no-key') counts.noKey++;
  else counts.outsideWarrant++;
}

/**
 * Joins outcomes to the captured envelopes' headers (by seq) and counts. Envelopes with no outcome
 * (a cancelled run) are left out.
 */
export function computeExposure(
  capture: Capture,
  outcomes: readonly EnvelopeOutcome[],
  options: ExposureOptions = {},
): ExposureReport {
  const bucketMinutes = options.bucketMinutes ?? MINUTES_PER_DAY;
  if (!Number.isSafeInteger(bucketMinutes) || bucketMinutes < 1)
    throw new RangeError(`bucketMinutes must be a positive integer, got ${bucketMinutes}`);
  const outcomeBySeq = new Map(outcomes.map((o) => [o.seq, o.kind]));
  const totals = zero();
  const perUser: Record<ParticipantId, MutableCounts> = {};
  const perConversation: Record<string, MutableCounts & { participants: readonly [ParticipantId, ParticipantId] }> = {};
  const buckets = new Map<number, MutableCounts>();
  const before = zero();
  const after = zero();
  for (const record of capture.records) {
    const kind = outcomeBySeq.get(record.seq);
    if (!kind) continue;
    const h = record.envelope.header;
    add(totals, kind);
    for (const who of [h.sender, h.recipient]) add((perUser[who] ??= zero()), kind);
    const pair = [h.sender, h.recipient].sort() as [ParticipantId, ParticipantId];
    add((perConversation[h.conversationId] ??= { ...zero(), participants: pair }), kind);
    const bucket = Math.floor(h.sentAt / bucketMinutes);
    let b = buckets.get(bucket);
    if (!b) buckets.set(bucket, (b = zero()));
    add(b, kind);
    if (options.splitAt !== undefined) add(h.sentAt <= options.splitAt ? before : after, kind);
  }
  const perBucket = [...buckets.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([index, counts]) => ({ from: index * bucketMinutes, to: (index + 1) * bucketMinutes, ...counts }));
  return {
    totals,
    perUser,
    perConversation,
    perBucket,
    split: options.splitAt !== undefined ? { at: options.splitAt, before, after } : null,
    exposedUsers: Object.keys(perUser)
      .filter((u) => perUser[u]!.opened > 0)
      .sort(),
    exposedConversations: Object.keys(perConversation)
      .filter((c) => perConversation[c]!.opened > 0)
      .sort(),
  };
}
