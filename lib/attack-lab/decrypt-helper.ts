/**
 * A second worker for bulk decryption. The world worker keeps half of a large capture (split by
 * conversation, lib/protocol/decrypt-partition.ts) and hands the other half to a helper worker over
 * a MessagePort, so on a machine with two cores the thief's decryption takes about half the wall
 * time. Both sides speak decrypt-helper-protocol.ts's contract over lib/worker-rpc:
 * app/_components/world/decrypt-helper.worker.ts serves it with {@link serveDecryptHelper}, and the
 * world worker calls it through a {@link DecryptHelperClient}.
 * @module
 */
import { captureFor, lootFor, type Capture, type Loot } from '@/lib/protocol/capability';
import { decryptCapture } from '@/lib/protocol/decrypt-capture';
import { type OutcomeCounts } from '@/lib/protocol/decryption-outcome';
import { generateWorld } from '@/lib/protocol/world';
import { RpcClient } from '@/lib/worker-rpc/rpc-client';
import type { RpcEndpoint } from '@/lib/worker-rpc/rpc-endpoint';
import { serveContract, type RpcHost } from '@/lib/worker-rpc/rpc-host';
import { decryptHelperContract } from './decrypt-helper-protocol';
import { decryptWithPauses, type DecryptHelper, type DecryptOptions, type HelperRun } from './decrypt-with-pauses';

/**
 * Runs the thief's whole path once on a small seeded world (escrow on, ratchet mode): real
 * generation and decryption, whose only purpose is to get this worker's JIT to compile the
 * decryption code before the learner's first large run arrives. Measured with
 * `ATTACK_PERF_BUDGET_MS=1000 npx playwright test e2e/attack-perf.spec.ts`: first 10,000-message
 * run 1,026-1,059 ms without it, 819-892 ms with it. Returns how many messages it opened, so the
 * work cannot be optimised away.
 */
export async function warmUpDecryption(): Promise<number> {
  const world = await generateWorld({
    seed: 'helper-warm-up',
    people: 3,
    conversations: 2,
    messages: 60,
    mode: 'ratchet',
    escrow: { variant: 'single' },
  });
  const capabilities = [
    { kind: 'tap-wire' as const },
    { kind: 'steal-escrow-key' as const, scenario: 'breach' as const },
  ];
  const { loot } = await lootFor(world, capabilities);
  return decryptCapture(captureFor(world, capabilities), loot).counts.opened;
}

/** The helper worker's side: decrypts one part per call, in chunks, and can be cancelled between them. */
export function serveDecryptHelper(port: RpcEndpoint, pause: () => Promise<void>): RpcHost {
  return serveContract(
    decryptHelperContract,
    {
      // The same chunked loop as the world worker's own half (no helper of its own: one split only).
      decrypt: ({ capture, loot, chunkSize, warrant }, { onProgress, isCancelled }) =>
        decryptWithPauses(
          capture,
          loot,
          { chunkSize, ...(warrant ? { warrant } : {}) },
          { onProgress: (p) => p.counts && onProgress({ done: p.done, counts: p.counts }), isCancelled, pause },
        ).then(({ report, busyMs }) => ({ report, busyMs })),
    },
    port,
    { pause },
  );
}

/** The world worker's side. */
export class DecryptHelperClient implements DecryptHelper {
  private readonly rpc: RpcClient<typeof decryptHelperContract>;

  constructor(port: RpcEndpoint) {
    this.rpc = new RpcClient(decryptHelperContract, port);
  }

  /** Sends `capture` (one part) to the helper. `onProgress` gets the part's envelopes decided so far. */
  decrypt(
    capture: Capture,
    loot: Loot,
    options: DecryptOptions,
    onProgress: (done: number, counts: OutcomeCounts) => void,
  ): HelperRun {
    const controller = new AbortController();
    const done = this.rpc.call(
      'decrypt',
      { capture, loot, chunkSize: options.chunkSize, ...(options.warrant ? { warrant: options.warrant } : {}) },
      { signal: controller.signal, onProgress: (p) => onProgress(p.done, p.counts) },
    );
    return { done, cancel: () => controller.abort() };
  }
}
