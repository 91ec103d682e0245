/**
 * The small shared part of the decryption helper (decrypt-helper.ts): what the page, the world
 * worker and the helper agree on. Kept apart so the page's world client imports these constants
 * without the decryption code.
 * @module
 */
import type { Capture, Loot } from '@/lib/protocol/capability';
import type { DecryptionReport, OutcomeCounts } from '@/lib/protocol/decrypt-capture';
import type { Warrant } from '@/lib/protocol/warrant';

/** What the page posts to the world worker, with the port to the helper, to connect the two. */
export const DECRYPT_HELPER_PORT_MESSAGE = 'backdoor-lab:decrypt-helper-port';

/** Below this many envelopes, sending half to the helper costs more than it saves. */
export const PARALLEL_DECRYPT_MIN_ENVELOPES = 1500;

/** World worker → helper. */
export type HelperRequest =
  | {
      readonly type: 'decrypt';
      readonly id: number;
      readonly capture: Capture;
      readonly loot: Loot;
      readonly chunkSize: number;
      readonly warrant?: Warrant;
    }
  | { readonly type: 'cancel'; readonly id: number };

/** Helper → world worker. */
export type HelperResponse =
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly counts: OutcomeCounts }
  | { readonly type: 'report'; readonly id: number; readonly report: DecryptionReport; readonly busyMs: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/** The minimal port both sides use (a MessagePort, or a fake in tests). */
export interface HelperPort {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  /** MessagePort's `close` event (Chromium 122+): the other side is gone. */
  addEventListener?(type: 'close', listener: () => void): void;
}
