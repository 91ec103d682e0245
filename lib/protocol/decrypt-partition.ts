/**
 * Splitting a capture's decryption across workers. Everything the decryption learns is scoped to
 * one conversation (a ratchet follower, an epoch key and its wrap chain, a static conversation key
 * recovered from escrow), so a capture split by conversation decrypts to exactly the outcomes of the
 * whole; `decrypt-partition.test.ts` checks that against a real world. The merge puts outcomes back
 * in capture order and recounts them, so the caller cannot tell how many workers ran.
 * @module
 */
import type { Capture } from './capability';
import { type DecryptionReport } from './decrypt-capture';
import { countOutcomes, type EnvelopeOutcome } from './decryption-outcome';

/**
 * Splits `capture` into at most `parts` captures with disjoint sets of whole conversations,
 * balanced by envelope count (largest conversation first onto the lightest part). Records keep
 * their order; empty parts are dropped.
 */
export function partitionCaptureByConversation(capture: Capture, parts: number): Capture[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`parts must be a positive integer, got ${parts}`);
  const sizes = new Map<string, number>();
  for (const record of capture.records) {
    const id = record.envelope.header.conversationId;
    sizes.set(id, (sizes.get(id) ?? 0) + 1);
  }
  const load = new Array<number>(parts).fill(0);
  const partOf = new Map<string, number>();
  for (const [id, size] of [...sizes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
    const lightest = load.indexOf(Math.min(...load));
    partOf.set(id, lightest);
    load[lightest]! += size;
  }
  const records = Array.from({ length: parts }, () => [] as Capture['records'][number][]);
  for (const record of capture.records) records[partOf.get(record.envelope.header.conversationId)!]!.push(record);
  return records
    .filter((r) => r.length > 0)
    .map((r) => ({ records: r, directory: capture.directory, sources: capture.sources }));
}

/** Joins the reports of a partitioned capture: outcomes in `capture` order, counts recomputed. */
export function mergeDecryptionReports(capture: Capture, reports: readonly DecryptionReport[]): DecryptionReport {
  const bySeq = new Map<number, EnvelopeOutcome>();
  for (const report of reports) for (const outcome of report.outcomes) bySeq.set(outcome.seq, outcome);
  const outcomes: EnvelopeOutcome[] = [];
  for (const record of capture.records) {
    const outcome = bySeq.get(record.seq);
    if (outcome) outcomes.push(outcome);
  }
  return { outcomes, counts: countOutcomes(outcomes), cancelled: reports.some((r) => r.cancelled) };
}
