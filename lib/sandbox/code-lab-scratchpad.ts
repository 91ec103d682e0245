/**
 * The Code lab's scratchpad programs (route `/code`): short working examples to run, change and
 * break, with nothing checked. They are exercise specs without checks (the exercise store then
 * only runs them: no verdict, no attempts, no solution), over the same seeded `lesson` data as the
 * Code lab exercise (code-lab-exercise.ts), so Alice's keys and Bob's message are at hand.
 * @module
 */
import { buildCodeLabSetup } from './code-lab-exercise';
import type { ExerciseSpec } from './exercise-spec';

interface Example {
  readonly id: string;
  readonly title: string;
  readonly instructions: string;
  readonly code: string;
}

const EXAMPLES: readonly Example[] = [
  {
    id: 'scratchpad-x25519',
    title: 'Scratchpad: X25519 key agreement',
    instructions:
      'A scratchpad: nothing is checked. Run it, change it, break it. `lesson` holds Alice’s key pair and Bob’s public key (seeded demo randomness).',
    code: `import { x25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from 'backdoor-lab';

// Alice's side of the exchange: her secret key and Bob's public key.
const shared = x25519.getSharedSecret(lesson.alice.secretKey, lesson.bob.publicKey);
console.log('Alice computes', bytesToHex(shared));

// A public key is X25519(secret key, 9).
const again = x25519.getPublicKey(lesson.alice.secretKey);
console.log('Alice public key matches:', bytesToHex(again) === bytesToHex(lesson.alice.publicKey));
`,
  },
  {
    id: 'scratchpad-hkdf',
    title: 'Scratchpad: HKDF-SHA256, one secret and several keys',
    instructions:
      'A scratchpad: nothing is checked. The same shared secret with a different `info` gives an unrelated key.',
    code: `import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from 'backdoor-lab';

const shared = x25519.getSharedSecret(lesson.alice.secretKey, lesson.bob.publicKey);
for (const info of ['alice to bob', 'bob to alice']) {
  const key = hkdf(sha256, shared, undefined, utf8ToBytes(info), 32);
  console.log(info.padEnd(12), bytesToHex(key));
}
`,
  },
  {
    id: 'scratchpad-aead',
    title: 'Scratchpad: ChaCha20-Poly1305, seal, open and a flipped bit',
    instructions:
      'A scratchpad: nothing is checked. Seal a message, open it, then change one bit of the ciphertext and watch the tag refuse it.',
    code: `import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex, bytesToUtf8, utf8ToBytes } from 'backdoor-lab';

const key = new Uint8Array(32).fill(7); // a toy key: never do this for real
const nonce = new Uint8Array(12);
const sealed = chacha20poly1305(key, nonce).encrypt(utf8ToBytes('Meet me at noon'));
console.log('ciphertext and tag', bytesToHex(sealed));
console.log('opened:', bytesToUtf8(chacha20poly1305(key, nonce).decrypt(sealed)));

const changed = sealed.slice();
changed[0] ^= 1;
try {
  chacha20poly1305(key, nonce).decrypt(changed);
} catch (e) {
  console.log('one bit changed, refused:', (e as Error).message);
}
`,
  },
];

/** The scratchpad programs, each an unchecked exercise spec over the Code lab's seeded data. */
export function codeLabScratchpads(seed = 'code-lab'): readonly ExerciseSpec[] {
  const setup = buildCodeLabSetup(seed);
  return EXAMPLES.map((e) => ({
    id: e.id,
    title: e.title,
    instructions: e.instructions,
    starter: e.code,
    solution: e.code,
    checks: [],
    hints: [],
    cheats: [],
    timeLimitMs: 3000,
    setup,
  }));
}
