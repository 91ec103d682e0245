/**
 * The world worker: generates, holds and attacks simulated worlds off the main thread. All logic
 * is in lib/attack-lab/world-host.ts; this file wires it to the worker's message port. Bundlers
 * load it as a classic worker (no top-level await, no import.meta here: platform-pitfalls.md §8).
 */
import { DecryptHelperClient } from '@/lib/attack-lab/decrypt-helper';
import { DECRYPT_HELPER_PORT_MESSAGE, type HelperPort } from '@/lib/attack-lab/decrypt-helper-protocol';
import { createMessagePause } from '@/lib/attack-lab/message-pause';
import { WorldHost } from '@/lib/attack-lab/world-host';

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
};

// Long runs pause between chunks so a `cancel` message can be handled.
const host = new WorldHost((message) => scope.postMessage(message), createMessagePause());
scope.onmessage = (event) => {
  // The page may connect a decryption helper worker (world-client.ts): a port, once.
  if (event.data === DECRYPT_HELPER_PORT_MESSAGE && event.ports[0]) {
    host.useDecryptHelper(new DecryptHelperClient(event.ports[0] as unknown as HelperPort));
    return;
  }
  host.receive(event.data);
};
scope.postMessage({ type: 'ready' });
