/**
 * The Code lab's scratchpad exercise (route `/code`): Alice received a message from Bob; compute the
 * X25519 shared secret, derive the message key with HKDF-SHA256 and open the ChaCha20-Poly1305
 * ciphertext. Every value is computed here with the app's crypto core from a seeded source, labelled
 * "demo randomness", so the page and the validator see the same bytes.
 * @module
 */
import { seal } from '../crypto/aead';
import { utf8ToBytes } from '../crypto/bytes';
import { deriveKey } from '../crypto/hkdf';
import { seededRandom } from '../crypto/random';
import { generateKeyPair, sharedSecret } from '../crypto/x25519';
import type { ExerciseCheat, ExerciseSetup, ExerciseSpec } from './exercise-spec';

/** The HKDF info string of the Code lab exercise. */
const CODE_LAB_INFO = 'backdoor-lab code lab v1';

/** Builds the Code lab's context and expected values from `seed`. */
export function buildCodeLabSetup(seed = 'code-lab'): ExerciseSetup {
  const random = seededRandom(seed);
  const alice = generateKeyPair(random);
  const bob = generateKeyPair(random);
  const plaintext = 'Meet me at the library at noon. Bring the notebook.';
  const shared = sharedSecret(bob.secretKey, alice.publicKey);
  const key = deriveKey(shared, new Uint8Array(0), utf8ToBytes(CODE_LAB_INFO), 32);
  const nonce = random.bytes(12);
  const ciphertext = seal({ algorithm: 'chacha20-poly1305', key, nonce, plaintext: utf8ToBytes(plaintext) });
  return {
    context: {
      randomness: random.label,
      alice: { secretKey: alice.secretKey, publicKey: alice.publicKey },
      bob: { publicKey: bob.publicKey },
      info: CODE_LAB_INFO,
      message: { nonce, ciphertext },
    },
    expected: { sharedSecret: shared, key, plaintext },
  };
}

const STARTER = `import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToUtf8, utf8ToBytes } from 'backdoor-lab';

// You are Alice. lesson.alice.secretKey is yours; lesson.bob.publicKey is Bob's.
console.log('Bob sent', lesson.message.ciphertext.length, 'bytes of ciphertext');

// 1. The shared secret: X25519(Alice's secret key, Bob's public key).
export const sharedSecret = new Uint8Array(32); // TODO

// 2. The message key: HKDF-SHA256 of the shared secret, no salt, info = lesson.info, 32 bytes.
export const key = new Uint8Array(32); // TODO

// 3. Bob's message: ChaCha20-Poly1305 with that key and lesson.message.nonce, as text.
export const plaintext = ''; // TODO
`;

const SOLUTION = `import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToUtf8, utf8ToBytes } from 'backdoor-lab';

export const sharedSecret = x25519.getSharedSecret(lesson.alice.secretKey, lesson.bob.publicKey);
export const key = hkdf(sha256, sharedSecret, undefined, utf8ToBytes(lesson.info), 32);
const opened = chacha20poly1305(key, lesson.message.nonce).decrypt(lesson.message.ciphertext);
export const plaintext = bytesToUtf8(opened);
console.log('Bob wrote:', plaintext);
`;

/** Ways to pass without the work; `npm run lessons:check`-style validation requires each to fail. */
const CODE_LAB_CHEATS: readonly ExerciseCheat[] = [
  {
    name: 'returns the setup back',
    source:
      'export const sharedSecret = lesson.bob.publicKey;\nexport const key = lesson.alice.secretKey;\nexport const plaintext = lesson.info;\n',
    caughtBy: 'shared-secret',
  },
  {
    name: 'copies the ciphertext as the answer',
    source:
      "import { bytesToHex } from 'backdoor-lab';\nexport const sharedSecret = lesson.alice.publicKey;\nexport const key = lesson.message.nonce;\nexport const plaintext = bytesToHex(lesson.message.ciphertext);\n",
    caughtBy: 'plaintext',
  },
  {
    name: 'constants of the right length',
    source:
      "export const sharedSecret = new Uint8Array(32);\nexport const key = '00'.repeat(32);\nexport const plaintext = 'Meet me at noon.';\n",
    caughtBy: 'key',
  },
  {
    name: 'look-alike types: an object with a length, a string where bytes are wanted',
    source:
      "export const sharedSecret = { length: 32 };\nexport const key = 'k'.repeat(64);\nexport const plaintext = ['Meet'];\n",
    caughtBy: 'shared-secret',
  },
];

/** The Code lab exercise. */
export function codeLabExercise(seed = 'code-lab'): ExerciseSpec {
  return {
    id: 'code-lab',
    title: 'Open Bob’s message',
    instructions:
      'You are Alice. Bob encrypted a message to you: he computed X25519 with his secret key and your public key, derived a key with HKDF-SHA256, and sealed the text with ChaCha20-Poly1305.\n\n' +
      'Do the same from your side with `lesson.alice.secretKey` and `lesson.bob.publicKey`, then open `lesson.message`. Export `sharedSecret`, `key` and `plaintext`.',
    starter: STARTER,
    solution: SOLUTION,
    checks: [
      { id: 'ran', kind: 'ran', description: 'The program runs to the end' },
      {
        id: 'shared-secret',
        kind: 'bytesEqual',
        path: 'sharedSecret',
        expected: 'sharedSecret',
        description: '`sharedSecret` is the X25519 secret Alice shares with Bob',
        failMessage: "Use x25519.getSharedSecret with Alice's secret key and Bob's public key.",
      },
      {
        id: 'key',
        kind: 'bytesEqual',
        path: 'key',
        expected: 'key',
        description: '`key` is HKDF-SHA256(sharedSecret, info) (32 bytes)',
        failMessage: 'hkdf(sha256, ikm, salt, info, length): salt undefined, info as bytes.',
      },
      {
        id: 'plaintext',
        kind: 'equals',
        path: 'plaintext',
        expected: 'plaintext',
        description: '`plaintext` is Bob’s message as text',
      },
    ],
    hints: [
      'x25519.getSharedSecret(secretKey, peerPublicKey) returns the 32-byte shared secret.',
      'hkdf(sha256, sharedSecret, undefined, utf8ToBytes(lesson.info), 32) derives the key.',
      'chacha20poly1305(key, nonce).decrypt(ciphertext) returns bytes; bytesToUtf8 turns them into text.',
    ],
    cheats: CODE_LAB_CHEATS,
    timeLimitMs: 3000,
    setup: buildCodeLabSetup(seed),
  };
}
