/**
 * The decryption helper worker: takes half of a large decryption from the world worker, over the
 * port the page connects the two with (world-client.ts). All logic is in
 * lib/attack-lab/decrypt-helper.ts. A classic worker, like world.worker.ts.
 */
import { DecryptHelperHost, warmUpDecryption } from '@/lib/attack-lab/decrypt-helper';
import type { HelperPort } from '@/lib/attack-lab/decrypt-helper-protocol';
import { createMessagePause } from '@/lib/attack-lab/message-pause';

const scope = self as unknown as { onmessage: ((event: MessageEvent<unknown>) => void) | null };

scope.onmessage = (event) => {
  const port = event.ports[0];
  if (!port) return;
  scope.onmessage = null; // connected once, by the page
  new DecryptHelperHost(port as unknown as HelperPort, createMessagePause());
  // The page connects the helper when the first world is generated: warm up meanwhile.
  void warmUpDecryption().catch(() => undefined);
};
