/**
 * The decryption helper worker: takes half of a large decryption from the world worker, over the
 * port the page connects the two with (world-client.ts). All logic is in
 * lib/attack-lab/decrypt-helper.ts. A classic worker, like world.worker.ts.
 */
import { DecryptHelperHost, warmUpDecryption, type HelperPort } from '@/lib/attack-lab/decrypt-helper';

const scope = self as unknown as { onmessage: ((event: MessageEvent<unknown>) => void) | null };

// A zero-delay pause between chunks, so a `cancel` can arrive (see world.worker.ts).
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function pause(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

scope.onmessage = (event) => {
  const port = event.ports[0];
  if (!port) return;
  scope.onmessage = null; // connected once, by the page
  new DecryptHelperHost(port as unknown as HelperPort, pause);
  // The page connects the helper when the first world is generated: warm up meanwhile.
  void warmUpDecryption().catch(() => undefined);
};
