/**
 * One attack as the worker runs it: capture and loot from the capabilities, then real decryption
 * of the capture in chunks (decryptCaptureInChunks), pausing between chunks so a cancel request
 * can arrive, reporting running counts after each (a large capture is split by conversation with a
 * helper worker when the host has one, decrypt-helper.ts); finally the exposure (lib/protocol/blast-radius
 * and the matrix) computed from the outcomes. The steps are lib/scenarios/attack.ts's pipeline.
 * Timings are taken inside the worker, with performance.now(): what the page shows is what the
 * decryption cost.
 * @module
 */
import type { Capability, Capture, Loot } from '@/lib/protocol/capability';
import { countOutcomes, decryptCaptureInChunks, type DecryptionReport, type EnvelopeOutcome, type OutcomeCounts } from '@/lib/protocol/decrypt-capture';
import { mergeDecryptionReports, partitionCaptureByConversation } from '@/lib/protocol/decrypt-partition';
import { formatSimTime } from '@/lib/protocol/sim-time';
import type { Warrant } from '@/lib/protocol/warrant';
import type { World } from '@/lib/protocol/world';
import { runAttack } from '@/lib/scenarios/attack';
import type { DecryptHelperClient, HelperRun } from './decrypt-helper';
import { PARALLEL_DECRYPT_MIN_ENVELOPES } from './decrypt-helper-protocol';
import { describeKeyProvenance } from './key-provenance-label';
import { computeExposureMatrix, defaultBucketMinutes } from './exposure-matrix';
import type { AttackOptions, AttackResult, LootItem, OutcomeRow, WorkerProgress } from './world-messages';

/** How a long run talks to its host: progress out, cancel in, and a pause that lets messages in. */
export interface RunControls {
  readonly onProgress: (progress: WorkerProgress) => void;
  readonly isCancelled: () => boolean;
  /** Resolves after pending messages (a cancel) have been handled. */
  readonly pause: () => Promise<void>;
  /** A second worker that takes half of a large decryption (decrypt-helper.ts), when there is one. */
  readonly helper?: DecryptHelperClient;
}


/** The default chunk: about 40 progress reports per run, at least 25 envelopes each. */
export function defaultChunkSize(total: number): number {
  return Math.max(25, Math.ceil(total / 40));
}

/** The loot as the wallet shows it: each stolen phone's identity key and each escrow key, with real bytes. */
export function describeLoot(world: World, loot: Loot): LootItem[] {
  const name = (id: string) => world.participants.find((p) => p.id === id)?.name ?? id;
  const items: LootItem[] = [];
  for (const d of loot.devices) {
    const conversations = Object.keys(d.conversations).length;
    items.push({
      kind: 'device',
      label: `${name(d.participantId)}'s phone, taken ${formatSimTime(d.takenAt)}`,
      detail:
        d.mode === 'static'
          ? `identity key pair and ${conversations} static conversation keys`
          : `identity key pair and the ratchet state (root, chain and ratchet keys) of ${conversations} conversations; used message keys were already deleted`,
      keyName: `${name(d.participantId)}'s identity secret key`,
      keyBytes: d.identity.secretKey,
    });
  }
  for (const k of loot.escrowKeys) {
    const authority = world.escrow?.authorities.find((a) => a.id === k.authorityId);
    items.push({
      kind: 'escrow-key',
      label: `Escrow secret key of ${authority?.name ?? k.authorityId}`,
      detail: k.how,
      keyName: `${authority?.name ?? k.authorityId}: X25519 secret key`,
      keyBytes: k.secretKey,
    });
  }
  return items;
}

/** Joins outcomes to the captured headers, for the page's list. */
export function outcomeRows(capture: Capture, outcomes: readonly EnvelopeOutcome[]): OutcomeRow[] {
  const headers = new Map(capture.records.map((r) => [r.seq, r.envelope.header]));
  return outcomes.map((o) => {
    const h = headers.get(o.seq)!;
    const base = { seq: o.seq, kind: o.kind, sender: h.sender, recipient: h.recipient, conversationId: h.conversationId, sentAt: h.sentAt };
    if (o.kind === 'opened') return { ...base, plaintext: o.plaintext, key: describeKeyProvenance(o.openedWith) };
    if (o.kind === 'tag-failed') return { ...base, key: o.triedWith.map(describeKeyProvenance).join('; ') };
    return base;
  });
}

/**
 * Drives decryptCaptureInChunks to the end, pausing between chunks and stopping when cancelled.
 * With a helper and a large capture, half the conversations go to the helper worker and the two
 * halves run at once (the merged report is the same as one worker's). Returns the report, the time
 * spent decrypting (excluding pauses, summed over workers) and how many workers did it.
 */
export async function decryptWithPauses(
  capture: Capture,
  loot: Loot,
  options: { readonly chunkSize: number; readonly warrant?: Warrant },
  controls: RunControls,
): Promise<{ report: DecryptionReport; busyMs: number; workers: number }> {
  if (!controls.helper || capture.records.length < PARALLEL_DECRYPT_MIN_ENVELOPES) return { ...(await decryptHere(capture, loot, options, controls, () => undefined)), workers: 1 };
  const parts = partitionCaptureByConversation(capture, 2);
  if (parts.length < 2) return { ...(await decryptHere(capture, loot, options, controls, () => undefined)), workers: 1 };
  const [mine, theirs] = parts as [Capture, Capture];
  const total = capture.records.length;
  let helperDone = 0;
  let helperCounts: OutcomeCounts = { opened: 0, tagFailed: 0, noKey: 0, outsideWarrant: 0 };
  let myDone = 0;
  let myCounts: OutcomeCounts = helperCounts;
  const report = (phase: WorkerProgress['phase']) =>
    controls.onProgress({
      phase,
      done: myDone + helperDone,
      total,
      counts: {
        opened: myCounts.opened + helperCounts.opened,
        tagFailed: myCounts.tagFailed + helperCounts.tagFailed,
        noKey: myCounts.noKey + helperCounts.noKey,
        outsideWarrant: myCounts.outsideWarrant + helperCounts.outsideWarrant,
      },
    });
  const helped = controls.helper.decrypt(theirs, loot, options, (done, counts) => {
    helperDone = done;
    helperCounts = counts;
    report('decrypt');
  });
  // Settled at once, so a helper that fails while this worker is busy is not an unhandled rejection.
  const remoteSettled = helped.done.then(
    (value) => value,
    () => null,
  );
  // Decrypt the other half here meanwhile, passing a cancel on to the helper.
  const local = await decryptHere(mine, loot, options, { ...controls, onProgress: (p) => ((myDone = p.done), (myCounts = p.counts ?? myCounts), report(p.phase)) }, () => helped.cancel());
  // null: the helper failed, so this worker does its half after all (same outcomes, one core).
  const helperResult = await waitPassingCancel(remoteSettled, helped, controls);
  const remote = helperResult ?? (await decryptHere(theirs, loot, options, { ...controls, onProgress: () => undefined }, () => undefined));
  return { report: mergeDecryptionReports(capture, [local.report, remote.report]), busyMs: local.busyMs + remote.busyMs, workers: helperResult ? 2 : 1 };
}

/** Waits for `settled`, checking for a cancel every few ms meanwhile (without spinning). */
async function waitPassingCancel<T>(settled: Promise<T>, run: HelperRun, controls: RunControls): Promise<T> {
  let finished = false;
  void (async () => {
    while (!finished) {
      if (controls.isCancelled()) {
        run.cancel();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    return await settled;
  } finally {
    finished = true;
  }
}

/** Decrypts `capture` in this worker, pausing between chunks; `onCancel` runs once a cancel is seen. */
async function decryptHere(
  capture: Capture,
  loot: Loot,
  options: { readonly chunkSize: number; readonly warrant?: Warrant },
  controls: RunControls,
  onCancel: () => void,
): Promise<{ report: DecryptionReport; busyMs: number }> {
  let cancelSeen = false;
  const signal = {
    get aborted() {
      const cancelled = controls.isCancelled();
      if (cancelled && !cancelSeen) {
        cancelSeen = true;
        onCancel();
      }
      return cancelled;
    },
  };
  const steps = decryptCaptureInChunks(capture, loot, { chunkSize: options.chunkSize, signal, ...(options.warrant ? { warrant: options.warrant } : {}) });
  const decided = new Map<number, EnvelopeOutcome>();
  let busyMs = 0;
  for (;;) {
    const t0 = performance.now();
    const next = steps.next();
    busyMs += performance.now() - t0;
    if (next.done) return { report: next.value, busyMs };
    for (const o of next.value.outcomes) decided.set(o.seq, o);
    controls.onProgress({ phase: next.value.phase, done: next.value.done, total: next.value.total, counts: countOutcomes([...decided.values()]) });
    await controls.pause();
  }
}

/**
 * Runs the attack through the one pipeline (lib/scenarios/attack.ts) with this worker's chunked,
 * cancellable decryption, then adds the matrix and the rows the page shows.
 */
export async function runAttackInChunks(
  worldId: string,
  world: World,
  capabilities: readonly Capability[],
  options: AttackOptions,
  controls: RunControls,
): Promise<AttackResult> {
  let decryptBusyMs = 0;
  let decryptWorkers = 1;
  const run = await runAttack(world, capabilities, {
    exposure: options.splitAt !== undefined ? { splitAt: options.splitAt } : {},
    onCaptured: (capture) => controls.onProgress({ phase: 'loot', done: 0, total: capture.records.length, label: 'taking the loot' }),
    decrypt: async (capture, loot) => {
      const chunkSize = options.chunkSize ?? defaultChunkSize(capture.records.length);
      const { report, busyMs, workers } = await decryptWithPauses(capture, loot, { chunkSize }, controls);
      decryptBusyMs = busyMs;
      decryptWorkers = workers;
      return report;
    },
  });
  const { capture, report, exposure, splitAt } = run;

  const t = performance.now();
  const matrix = computeExposureMatrix(capture, report.outcomes, world.participants, world.conversations, {
    bucketMinutes: options.bucketMinutes ?? defaultBucketMinutes(world.endsAt),
    endsAt: world.endsAt,
    ...(splitAt !== undefined ? { splitAt } : {}),
  });
  const rows = outcomeRows(capture, report.outcomes);
  const exposureMs = run.timing.exposureMs + performance.now() - t;

  return {
    worldId,
    cancelled: report.cancelled,
    capture: { envelopes: capture.records.length, sources: capture.sources },
    loot: { items: describeLoot(world, run.loot), notes: run.lootNotes.map((n) => ({ ...n })) },
    counts: report.counts,
    rows,
    exposure: {
      totals: exposure.totals,
      split: exposure.split,
      exposedUsers: exposure.exposedUsers,
      exposedConversations: exposure.exposedConversations,
      matrix,
    },
    timing: { captureMs: run.timing.captureMs, lootMs: run.timing.lootMs, decryptMs: run.timing.decryptMs, decryptBusyMs, decryptWorkers, exposureMs },
  };
}
