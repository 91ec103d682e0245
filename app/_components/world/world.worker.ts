/**
 * The world worker: generates, holds and attacks simulated worlds off the main thread. All logic
 * is in lib/attack-lab/world-host.ts; this file wires it to the worker's message port. Bundlers
 * load it as a classic worker (no top-level await, no import.meta here: platform-pitfalls.md §8).
 */
import { DECRYPT_HELPER_PORT_MESSAGE, DecryptHelperClient, type HelperPort } from '@/lib/attack-lab/decrypt-helper';
import { WorldHost } from '@/lib/attack-lab/world-host';

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
};

// A zero-delay pause between decryption chunks, so a `cancel` message can be handled. A
// MessageChannel round trip is not clamped to 4 ms the way nested setTimeout(0) is.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function pause(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

const host = new WorldHost((message) => scope.postMessage(message), pause);
scope.onmessage = (event) => {
  // The page may connect a decryption helper worker (world-client.ts): a port, once.
  if (event.data === DECRYPT_HELPER_PORT_MESSAGE && event.ports[0]) {
    host.useDecryptHelper(new DecryptHelperClient(event.ports[0] as unknown as HelperPort));
    return;
  }
  host.receive(event.data);
};
scope.postMessage({ type: 'ready' });
