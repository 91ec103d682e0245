/**
 * Sources of random bytes. Real use takes the platform CSPRNG (`crypto.getRandomValues`). Demos,
 * workshops and tests can take a seeded source whose output is reproducible from its seed; its
 * `kind` is `'demo'` so every value derived from it can be labelled "demo randomness" on screen.
 * @module
 */
import { chacha20 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, i2osp, utf8ToBytes } from './bytes';

/** Where bytes come from. `kind` travels with every value a UI shows. */
export interface RandomSource {
  readonly kind: 'csprng' | 'demo';
  /** For display: "platform CSPRNG" or "demo randomness (seed 'workshop-1')". */
  readonly label: string;
  bytes(length: number): Uint8Array;
}

/** The platform's cryptographically secure generator (Web Crypto, in browsers and Node >= 19). */
export function csprng(): RandomSource {
  return {
    kind: 'csprng',
    label: 'platform CSPRNG',
    bytes(length) {
      const out = new Uint8Array(length);
      // getRandomValues fills at most 65,536 bytes per call.
      for (let off = 0; off < length; off += 65536) {
        globalThis.crypto.getRandomValues(out.subarray(off, Math.min(length, off + 65536)));
      }
      return out;
    },
  };
}

/**
 * A deterministic source: the ChaCha20 keystream (RFC 8439 §2.4) under key SHA-256("backdoor-lab
 * demo v1" ‖ seed), with the call number as nonce. The same seed and the same sequence of requests
 * give the same bytes on every machine. Never use it for anything but demonstration.
 */
export function seededRandom(seed: string): RandomSource {
  const key = sha256(concatBytes(utf8ToBytes('backdoor-lab demo v1'), utf8ToBytes(seed)));
  let call = 0;
  return {
    kind: 'demo',
    label: `demo randomness (seed '${seed}')`,
    bytes(length) {
      const nonce = i2osp(call++, 12);
      return chacha20(key, nonce, new Uint8Array(length));
    },
  };
}
