/**
 * A second worker for bulk decryption. The world worker keeps half of a large capture (split by
 * conversation, lib/protocol/decrypt-partition.ts) and hands the other half to a helper worker over
 * a MessagePort, so on a machine with two cores the thief's decryption takes about half the wall
 * time. Both sides are framework-free: app/_components/world/decrypt-helper.worker.ts wires
 * {@link DecryptHelperHost} to its scope, and the world worker drives a {@link DecryptHelperClient}.
 * @module
 */
import { captureFor, lootFor, type Capture, type Loot } from '@/lib/protocol/capability';
import { decryptCapture, type DecryptionReport, type OutcomeCounts } from '@/lib/protocol/decrypt-capture';
import type { Warrant } from '@/lib/protocol/warrant';
import { generateWorld } from '@/lib/protocol/world';
import { decryptWithPauses } from './attack-run';
import type { HelperPort, HelperRequest, HelperResponse } from './decrypt-helper-protocol';

function hasTypeAndId(data: unknown): data is { type: string; id: number } {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string' && Number.isInteger((data as { id?: unknown }).id);
}

/**
 * Runs the thief's whole path once on a small seeded world (escrow on, ratchet mode): real
 * generation and decryption, whose only purpose is to get this worker's JIT to compile the
 * decryption code before the learner's first large run arrives. Measured with
 * `ATTACK_PERF_BUDGET_MS=1000 npx playwright test e2e/attack-perf.spec.ts`: first 10,000-message
 * run 1,026-1,059 ms without it, 819-892 ms with it. Returns how many messages it opened, so the
 * work cannot be optimised away.
 */
export async function warmUpDecryption(): Promise<number> {
  const world = await generateWorld({ seed: 'helper-warm-up', people: 3, conversations: 2, messages: 60, mode: 'ratchet', escrow: { variant: 'single' } });
  const capabilities = [{ kind: 'tap-wire' as const }, { kind: 'steal-escrow-key' as const, scenario: 'breach' as const }];
  const { loot } = await lootFor(world, capabilities);
  return decryptCapture(captureFor(world, capabilities), loot).counts.opened;
}

/** The helper worker's side: decrypts one part per request, in chunks, and can be cancelled between them. */
export class DecryptHelperHost {
  private readonly cancelled = new Set<number>();

  constructor(
    private readonly port: HelperPort,
    private readonly pause: () => Promise<void>,
  ) {
    port.onmessage = (event) => this.receive(event.data);
  }

  private receive(data: unknown): void {
    if (!hasTypeAndId(data)) return;
    const request = data as HelperRequest;
    if (request.type === 'cancel') this.cancelled.add(request.id);
    else if (request.type === 'decrypt') void this.decrypt(request);
  }

  private async decrypt(request: Extract<HelperRequest, { type: 'decrypt' }>): Promise<void> {
    const { id } = request;
    try {
      // The same chunked loop as the world worker's own half (no helper of its own: one split only).
      const { report, busyMs } = await decryptWithPauses(
        request.capture,
        request.loot,
        { chunkSize: request.chunkSize, ...(request.warrant ? { warrant: request.warrant } : {}) },
        {
          onProgress: (progress) => this.post({ type: 'progress', id, done: progress.done, counts: progress.counts! }),
          isCancelled: () => this.cancelled.has(id),
          pause: this.pause,
        },
      );
      this.post({ type: 'report', id, report, busyMs });
    } catch (error) {
      this.post({ type: 'failed', id, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    } finally {
      this.cancelled.delete(id);
    }
  }

  private post(message: HelperResponse): void {
    this.port.postMessage(message);
  }
}

/** A part of a capture being decrypted by the helper. */
export interface HelperRun {
  /** Resolves with the part's report, or rejects if the helper failed (the caller decrypts the part itself). */
  readonly done: Promise<{ report: DecryptionReport; busyMs: number }>;
  cancel(): void;
}

/** The world worker's side. */
export class DecryptHelperClient {
  private nextId = 1;
  private readonly runs = new Map<number, { onProgress: (done: number, counts: OutcomeCounts) => void; resolve: (value: { report: DecryptionReport; busyMs: number }) => void; reject: (error: Error) => void }>();

  constructor(private readonly port: HelperPort) {
    port.onmessage = (event) => this.receive(event.data);
    port.addEventListener?.('close', () => this.failAll('the decryption helper stopped'));
  }

  private failAll(why: string): void {
    const runs = [...this.runs.values()];
    this.runs.clear();
    for (const run of runs) run.reject(new Error(why));
  }

  /** Sends `capture` (one part) to the helper. `onProgress` gets the part's envelopes decided so far. */
  decrypt(capture: Capture, loot: Loot, options: { readonly chunkSize: number; readonly warrant?: Warrant }, onProgress: (done: number, counts: OutcomeCounts) => void): HelperRun {
    const id = this.nextId++;
    const done = new Promise<{ report: DecryptionReport; busyMs: number }>((resolve, reject) => {
      this.runs.set(id, { onProgress, resolve, reject });
    });
    try {
      this.port.postMessage({ type: 'decrypt', id, capture, loot, chunkSize: options.chunkSize, ...(options.warrant ? { warrant: options.warrant } : {}) } satisfies HelperRequest);
    } catch (error) {
      this.runs.get(id)?.reject(error instanceof Error ? error : new Error(String(error)));
      this.runs.delete(id);
    }
    return { done, cancel: () => this.port.postMessage({ type: 'cancel', id } satisfies HelperRequest) };
  }

  private receive(data: unknown): void {
    if (!hasTypeAndId(data)) return;
    const message = data as HelperResponse;
    const run = this.runs.get(message.id);
    if (!run) return;
    if (message.type === 'progress') run.onProgress(message.done, message.counts);
    else if (message.type === 'report') {
      this.runs.delete(message.id);
      run.resolve({ report: message.report, busyMs: message.busyMs });
    } else if (message.type === 'failed') {
      this.runs.delete(message.id);
      run.reject(new Error(`the decryption helper failed: ${message.message}`));
    }
  }
}
