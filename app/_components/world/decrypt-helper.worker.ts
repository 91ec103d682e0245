/**
 * The decryption helper worker: takes half of a large decryption from the world worker, over the
 * port the page connects the two with (world-client.ts). All logic is in
 * lib/attack-lab/decrypt-helper.ts. A classic worker, like world.worker.ts.
 */
import { serveDecryptHelper, warmUpDecryption } from '@/lib/attack-lab/decrypt-helper';
import { createMessagePause } from '@/lib/attack-lab/message-pause';
import type { RpcEndpoint } from '@/lib/worker-rpc/rpc-endpoint';

const scope = self as unknown as { onmessage: ((event: { readonly ports: readonly unknown[] }) => void) | null };

scope.onmessage = (event) => {
  const port = event.ports[0];
  if (!port) return;
  scope.onmessage = null; // connected once, by the page
  serveDecryptHelper(port as RpcEndpoint, createMessagePause());
  // The page connects the helper when the first world is generated: warm up meanwhile.
  void warmUpDecryption().catch(() => undefined);
};
