/**
 * The world worker: generates, holds and attacks simulated worlds off the main thread. All logic
 * is in lib/attack-lab/world-host.ts, served over lib/worker-rpc; this file wires it to the
 * worker's scope. Bundlers load it as a classic worker (no top-level await, no import.meta here:
 * platform-pitfalls.md §8).
 */
import { DecryptHelperClient } from '@/lib/attack-lab/decrypt-helper';
import { DECRYPT_HELPER_PORT_MESSAGE } from '@/lib/attack-lab/decrypt-helper-protocol';
import { createMessagePause } from '@/lib/attack-lab/message-pause';
import { WorldHost } from '@/lib/attack-lab/world-host';
import type { RpcEndpoint } from '@/lib/worker-rpc/rpc-endpoint';

const scope = self as unknown as RpcEndpoint;
const host = new WorldHost();
// Long runs pause between chunks so a cancel can be handled.
host.serve(scope, {
  pause: createMessagePause(),
  // The page may connect a decryption helper worker (world-client.ts): a port, once.
  onOtherMessage: (event) => {
    const port = event.ports?.[0];
    if (event.data !== DECRYPT_HELPER_PORT_MESSAGE || !port) return false;
    host.useDecryptHelper(new DecryptHelperClient(port as RpcEndpoint));
    return true;
  },
});
