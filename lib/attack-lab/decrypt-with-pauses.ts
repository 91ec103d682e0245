/**
 * The worker's decryption loop: decryptCaptureInChunks driven to the end, pausing between chunks
 * so a cancel can arrive, reporting running counts after each, and with a helper worker
 * (decrypt-helper.ts) a large capture split by conversation so the two halves run at once (the
 * merged report is the same as one worker's, lib/protocol/decrypt-partition.ts). Each worker first
 * opens its part's escrow epochs ahead, concurrently, on the platform's X25519
 * (lib/protocol/escrow-epochs-ahead.ts): same outcomes, without the HPKE opens inside the loop.
 * @module
 */
import { detectX25519Engine, type X25519Engine } from '@/lib/crypto/x25519-platform';
import type { Capture, Loot } from '@/lib/protocol/capability';
import { decryptCaptureInChunks, type DecryptionReport } from '@/lib/protocol/decrypt-capture';
import { type OutcomeCounts } from '@/lib/protocol/decryption-outcome';
import { openEscrowEpochsAhead } from '@/lib/protocol/escrow-epochs-ahead';
import { mergeDecryptionReports, partitionCaptureByConversation } from '@/lib/protocol/decrypt-partition';
import type { Warrant } from '@/lib/protocol/warrant';
import type { RunControls, WorkerProgress } from '@/lib/scenarios/run-controls';
import { PARALLEL_DECRYPT_MIN_ENVELOPES } from './decrypt-helper-protocol';
import { RunningCounts } from './running-outcome-counts';

/** A part of a capture being decrypted by the helper. */
export interface HelperRun {
  /** Resolves with the part's report, or rejects if the helper failed (the caller decrypts the part itself). */
  readonly done: Promise<{ report: DecryptionReport; busyMs: number }>;
  cancel(): void;
}

/** A second worker that decrypts one part of a capture (decrypt-helper.ts's client). */
export interface DecryptHelper {
  decrypt(
    capture: Capture,
    loot: Loot,
    options: DecryptOptions,
    onProgress: (done: number, counts: OutcomeCounts) => void,
  ): HelperRun;
}

/** Envelopes per chunk, and the warrant to check, if any. */
export interface DecryptOptions {
  readonly chunkSize: number;
  readonly warrant?: Warrant;
}

/** A run's controls (lib/scenarios/run-controls.ts), and the worker's decryption helper when there is one. */
export interface DecryptControls extends RunControls {
  /** A second worker that takes half of a large decryption, when there is one. */
  readonly helper?: DecryptHelper;
  /** The X25519 that opens escrow epochs ahead of the loop; default the platform's, detected once. */
  readonly x25519?: X25519Engine;
}

let detected: Promise<X25519Engine> | undefined;
/** This worker's X25519 engine, detected once (WebCrypto where it passes RFC 7748's vector, else noble). */
function platformX25519(): Promise<X25519Engine> {
  detected ??= detectX25519Engine();
  return detected;
}

/**
 * Drives decryptCaptureInChunks to the end, pausing between chunks and stopping when cancelled.
 * With a helper and a large capture, half the conversations go to the helper worker and the two
 * halves run at once. Returns the report, the time spent decrypting (excluding pauses, summed over
 * workers) and how many workers did it.
 */
export async function decryptWithPauses(
  capture: Capture,
  loot: Loot,
  options: DecryptOptions,
  controls: DecryptControls,
): Promise<{ report: DecryptionReport; busyMs: number; workers: number }> {
  const { helper } = controls;
  const parts =
    helper && capture.records.length >= PARALLEL_DECRYPT_MIN_ENVELOPES
      ? partitionCaptureByConversation(capture, 2)
      : [];
  if (!helper || parts.length < 2)
    return { ...(await decryptHere(capture, loot, options, controls, () => undefined)), workers: 1 };
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
  const helped = helper.decrypt(theirs, loot, options, (done, counts) => {
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
  const local = await decryptHere(
    mine,
    loot,
    options,
    { ...controls, onProgress: (p) => ((myDone = p.done), (myCounts = p.counts ?? myCounts), report(p.phase)) },
    () => helped.cancel(),
  );
  // null: the helper failed, so this worker does its half after all (same outcomes, one core).
  const helperResult = await waitPassingCancel(remoteSettled, helped, controls);
  const remote =
    helperResult ??
    (await decryptHere(theirs, loot, options, { ...controls, onProgress: () => undefined }, () => undefined));
  return {
    report: mergeDecryptionReports(capture, [local.report, remote.report]),
    busyMs: local.busyMs + remote.busyMs,
    workers: helperResult ? 2 : 1,
  };
}

/** Waits for `settled`, checking for a cancel every few ms meanwhile (without spinning). */
async function waitPassingCancel<T>(settled: Promise<T>, run: HelperRun, controls: DecryptControls): Promise<T> {
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
  options: DecryptOptions,
  controls: DecryptControls,
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
  const t0 = performance.now();
  const openedEpochs = await openEscrowEpochsAhead(capture, loot, controls.x25519 ?? (await platformX25519()));
  let busyMs = performance.now() - t0;
  const steps = decryptCaptureInChunks(capture, loot, {
    chunkSize: options.chunkSize,
    signal,
    openedEpochs,
    ...(options.warrant ? { warrant: options.warrant } : {}),
  });
  const counts = new RunningCounts();
  for (;;) {
    const t1 = performance.now();
    const next = steps.next();
    busyMs += performance.now() - t1;
    if (next.done) return { report: next.value, busyMs };
    for (const o of next.value.outcomes) counts.decide(o);
    controls.onProgress({
      phase: next.value.phase,
      done: next.value.done,
      total: next.value.total,
      counts: counts.current(),
    });
    await controls.pause();
  }
}
