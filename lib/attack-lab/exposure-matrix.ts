/**
 * The heat map behind the blast radius: users × time buckets and conversations × time buckets,
 * with a before/after split (the moment of a theft). Like lib/protocol/blast-radius.ts, it counts
 * the outcomes of the decryption the attacker actually ran, joined to the captured headers by seq;
 * a row for an envelope the attacker never captured does not exist.
 * @module
 */
import type { Capture } from '@/lib/protocol/capability';
import type { EnvelopeOutcome } from '@/lib/protocol/decryption-outcome';
import type { Conversation } from '@/lib/protocol/schedule';
import type { Participant } from '@/lib/protocol/participant';
import type { SimTime } from '@/lib/protocol/sim-time';
import type { ExposureMatrix, MatrixRow } from './world-messages';

/** Options: bucket width (minutes) and the split moment. */
export interface ExposureMatrixOptions {
  readonly bucketMinutes: number;
  readonly splitAt?: SimTime;
  /** The world's last minute: buckets cover [0, endsAt]. */
  readonly endsAt: SimTime;
}

interface Cell {
  opened: number;
  tagFailed: number;
  total: number;
}

const cell = (): Cell => ({ opened: 0, tagFailed: 0, total: 0 });
function add(c: Cell, kind: EnvelopeOutcome['kind']): void {
  c.total++;
  if (kind === 'opened') c.opened++;
  else if (kind === 'tag-failed') c.tagFailed++;
}

/** A bucket width that splits `endsAt` minutes into about `count` whole hours or days. */
export function defaultBucketMinutes(endsAt: SimTime, count = 6): number {
  const raw = Math.max(1, Math.ceil((endsAt + 1) / count));
  const unit = raw >= 1440 ? 1440 : 60;
  return Math.ceil(raw / unit) * unit;
}

/** Counts outcomes per user and per conversation, by bucket and before/after `splitAt`. */
export function computeExposureMatrix(
  capture: Capture,
  outcomes: readonly EnvelopeOutcome[],
  participants: readonly Pick<Participant, 'id' | 'name'>[],
  conversations: readonly Conversation[],
  options: ExposureMatrixOptions,
): ExposureMatrix {
  const { bucketMinutes, splitAt, endsAt } = options;
  if (!Number.isSafeInteger(bucketMinutes) || bucketMinutes < 1)
    throw new RangeError(`bucketMinutes must be a positive integer, got ${bucketMinutes}`);
  const bucketCount = Math.floor(endsAt / bucketMinutes) + 1;
  const buckets = Array.from({ length: bucketCount }, (_, i) => ({
    from: i * bucketMinutes,
    to: (i + 1) * bucketMinutes,
  }));
  type Acc = { cells: Cell[]; before: Cell; after: Cell; total: Cell };
  const acc = (): Acc => ({ cells: buckets.map(cell), before: cell(), after: cell(), total: cell() });
  const users = new Map(participants.map((p) => [p.id, acc()]));
  const convs = new Map(conversations.map((c) => [c.id, acc()]));
  const kindBySeq = new Map(outcomes.map((o) => [o.seq, o.kind]));
  for (const record of capture.records) {
    const kind = kindBySeq.get(record.seq);
    if (!kind) continue;
    const h = record.envelope.header;
    const bucket = Math.min(bucketCount - 1, Math.floor(h.sentAt / bucketMinutes));
    const targets = [users.get(h.sender), users.get(h.recipient), convs.get(h.conversationId)];
    for (const t of targets) {
      if (!t) continue;
      add(t.cells[bucket]!, kind);
      add(t.total, kind);
      if (splitAt !== undefined) add(h.sentAt <= splitAt ? t.before : t.after, kind);
    }
  }
  const row = (id: string, label: string, a: Acc): MatrixRow => ({
    id,
    label,
    cells: a.cells,
    before: splitAt !== undefined ? a.before : null,
    after: splitAt !== undefined ? a.after : null,
    total: a.total,
  });
  const name = new Map(participants.map((p) => [p.id, p.name]));
  return {
    buckets,
    splitAt: splitAt ?? null,
    users: participants.map((p) => row(p.id, p.name, users.get(p.id)!)),
    conversations: conversations.map((c) =>
      row(
        c.id,
        `${name.get(c.initiator) ?? c.initiator} ↔ ${name.get(c.responder) ?? c.responder}: ${c.topic}`,
        convs.get(c.id)!,
      ),
    ),
  };
}
