/**
 * An X25519 engine for a process that plays both ends of every exchange: the world generator runs
 * every participant's device, so each Diffie-Hellman value of the Double Ratchet is computed twice,
 * once by each side: X25519(a, B) when Alice ratchets, then X25519(b, A) when Bob receives her new
 * key. The two are equal (X25519(a, X25519(b, 9)) = X25519(b, X25519(a, 9)), RFC 7748 §6.1), so the
 * second end can reuse the first's result. Half the shared-secret computations of world generation
 * disappear; every byte stays the same (world-pin.test.ts generates pinned worlds through this).
 *
 * Only results for secrets whose public key this engine computed are remembered, keyed by the
 * unordered pair of public keys, and each is handed out once (the other end) and then dropped.
 * Never use it where the two ends are different parties: it exists because the simulator already
 * holds both secrets.
 * @module
 */
import { bytesToHex } from './bytes';
import type { X25519Engine } from './x25519-platform';

/** Wraps `engine` so that the second end of a DH both of whose public keys it knows reuses the first's result. */
export function rememberingBothEnds(engine: X25519Engine): X25519Engine {
  const publicKeys = new WeakMap<Uint8Array, Promise<Uint8Array>>();
  const waiting = new Map<string, Promise<Uint8Array>>();
  const pairId = (a: Uint8Array, b: Uint8Array) => {
    const [x, y] = [bytesToHex(a), bytesToHex(b)];
    return x < y ? `${x}|${y}` : `${y}|${x}`;
  };
  return {
    name: engine.name,
    publicKey(secretKey) {
      let publicKey = publicKeys.get(secretKey);
      if (!publicKey) publicKeys.set(secretKey, (publicKey = engine.publicKey(secretKey)));
      return publicKey;
    },
    async sharedSecret(secretKey, publicKey) {
      const own = publicKeys.get(secretKey);
      if (!own) return engine.sharedSecret(secretKey, publicKey);
      const id = pairId(await own, publicKey);
      const first = waiting.get(id);
      if (first) {
        waiting.delete(id);
        return (await first).slice();
      }
      const result = engine.sharedSecret(secretKey, publicKey);
      waiting.set(id, result);
      result.catch(() => waiting.delete(id));
      return (await result).slice();
    },
  };
}
