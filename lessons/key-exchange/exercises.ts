/**
 * Lesson 2's code exercise: Alice's side of the X25519 exchange, by hand. Every value is computed
 * here with the lab's own X25519 (lib/crypto/x25519.ts) from a seeded source ("demo randomness"),
 * so the page and `npm run lessons:check` see the same keys; what the checks expect is what Bob's
 * side computes and what the lab does with a low-order key, both found by running them.
 */
import { seededRandom } from '@/lib/crypto/random';
import { generateKeyPair, sharedSecret, X25519Error } from '@/lib/crypto/x25519';
import type { LessonExercises } from '@/lib/lessons/lesson-exercises';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';

const STARTER = `import { x25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, x25519SharedSecret } from 'backdoor-lab';

// You are Alice. lesson.alice.secretKey is yours; lesson.bob.publicKey arrived over the wire.

// 1. Your public key: X25519(your secret key, 9), as in the first lesson.
export const alicePublicKey = new Uint8Array(32); // TODO

// 2. The shared secret: X25519(your secret key, Bob's public key).
export const shared = new Uint8Array(32); // TODO
console.log('shared secret:', bytesToHex(shared));

// 3. Eve sends 32 zero bytes as a "public key" (lesson.lowOrderPoint). Try it with
//    x25519SharedSecret: refused is true if the lab refuses it (throws), false if it returns a
//    secret; refusal is the message of the error it threw ('' if none).
export const refused = false; // TODO
export const refusal = ''; // TODO
`;

const SOLUTION = `import { x25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, x25519SharedSecret } from 'backdoor-lab';

export const alicePublicKey = x25519.getPublicKey(lesson.alice.secretKey);

export const shared = x25519SharedSecret(lesson.alice.secretKey, lesson.bob.publicKey);
console.log('shared secret:', bytesToHex(shared));

function tryLowOrderPoint(): { refused: boolean; refusal: string } {
  try {
    x25519SharedSecret(lesson.alice.secretKey, lesson.lowOrderPoint);
    return { refused: false, refusal: '' };
  } catch (error) {
    const refusal = error instanceof Error ? error.message : String(error);
    console.log('refused:', refusal);
    return { refused: true, refusal };
  }
}
const attempt = tryLowOrderPoint();
export const refused = attempt.refused;
export const refusal = attempt.refusal;
`;

/** The solution's first two exports, for cheats that only fake the third. */
const HONEST_KEYS = `import { x25519 } from '@noble/curves/ed25519.js';
import { x25519SharedSecret } from 'backdoor-lab';
export const alicePublicKey = x25519.getPublicKey(lesson.alice.secretKey);
export const shared = x25519SharedSecret(lesson.alice.secretKey, lesson.bob.publicKey);
`;

/** Builds the exercise from `seed` (the page and the validator use the default). */
export function sharedSecretByHand(seed = 'key-exchange exercise'): ExerciseSpec {
  const random = seededRandom(seed);
  const alice = generateKeyPair(random);
  const bob = generateKeyPair(random);
  // What Bob computes on his own device: the value Alice's result must equal.
  const bobsResult = sharedSecret(bob.secretKey, alice.publicKey);
  // u = 0 is a point of order 2 on Curve25519: every scalar maps it to 0 (RFC 7748 §6.1's all-zero check).
  const lowOrderPoint = new Uint8Array(32);
  // What the lab does with it, found by trying: whether it refuses, and the words it refuses with.
  let labRefuses: boolean;
  let refusal = '';
  try {
    sharedSecret(alice.secretKey, lowOrderPoint);
    labRefuses = false;
  } catch (error) {
    if (!(error instanceof X25519Error)) throw error;
    labRefuses = true;
    refusal = error.message;
  }
  return {
    id: 'shared-secret-by-hand',
    title: 'Compute the shared secret yourself',
    instructions:
      "You are Alice. Your secret key is `lesson.alice.secretKey`; Bob's public key, `lesson.bob.publicKey`, came over the wire. Bob has computed X25519(his secret key, your public key) on his side.\n\n" +
      'Export your public key as `alicePublicKey`, the shared secret as `shared` (it must equal what Bob computed, although you never see his secret key), `refused`: whether the lab refuses the all-zero "public key" in `lesson.lowOrderPoint`, and `refusal`: the message of the error it threw (\'\' if it threw none).',
    starter: STARTER,
    solution: SOLUTION,
    checks: [
      { id: 'ran', kind: 'ran', description: 'The program runs to the end' },
      {
        id: 'public-key',
        kind: 'custom',
        name: 'x25519PublicKeyOf',
        path: 'alicePublicKey',
        expected: 'aliceSecretKey',
        description: '`alicePublicKey` is the public key of `lesson.alice.secretKey`',
        failMessage: 'x25519.getPublicKey(secretKey) computes X25519(secretKey, 9).',
      },
      {
        id: 'shared',
        kind: 'bytesEqual',
        path: 'shared',
        expected: 'bobsResult',
        description: '`shared` equals the secret Bob computed on his side',
        failMessage: "Combine your own secret key with Bob's public key: x25519SharedSecret(secretKey, peerPublicKey).",
      },
      {
        // A yes/no answer is a coin toss: it counts only with the lab's own words as evidence.
        id: 'refused',
        kind: 'custom',
        name: 'answerWithProof',
        expected: 'lowOrderAttempt',
        params: { proof: ['refusal'], answer: ['refused'] },
        description: '`refused` says whether the lab refuses the all-zero public key, and `refusal` is what it said',
        failMessage:
          'Call x25519SharedSecret(lesson.alice.secretKey, lesson.lowOrderPoint) inside try { ... } catch (error) { ... } and keep error.message.',
      },
    ],
    cheats: [
      {
        name: 'the lucky guess: refused = true without trying',
        source: `${HONEST_KEYS}export const refused = true;\nexport const refusal = '';\n`,
        caughtBy: 'refused',
      },
      {
        name: 'a made-up refusal',
        source: `${HONEST_KEYS}export const refused = true;\nexport const refusal = 'refused';\n`,
        caughtBy: 'refused',
      },
      {
        name: "returns the setup back: Bob's public key as the shared secret",
        source:
          "export const alicePublicKey = lesson.bob.publicKey;\nexport const shared = lesson.bob.publicKey;\nexport const refused = true;\nexport const refusal = '';\n",
        caughtBy: 'shared',
      },
      {
        name: "copies Alice's secret key as her public key",
        source: `${HONEST_KEYS.replace('x25519.getPublicKey(lesson.alice.secretKey)', 'lesson.alice.secretKey')}export const refused = false;\nexport const refusal = '';\n`,
        caughtBy: 'public-key',
      },
      {
        name: 'the all-zero secret a low-order key gives, as a constant',
        source:
          "import { x25519 } from '@noble/curves/ed25519.js';\nexport const alicePublicKey = x25519.getPublicKey(lesson.alice.secretKey);\nexport const shared = new Uint8Array(32);\n",
        caughtBy: 'shared',
      },
      {
        name: 'look-alike types: an object with a length, hex of the wrong bytes',
        source: "export const alicePublicKey = { length: 32 };\nexport const shared = '00'.repeat(32);\n",
        caughtBy: 'public-key',
      },
    ],
    hints: [
      'x25519.getPublicKey(lesson.alice.secretKey) gives your public key; x25519SharedSecret(lesson.alice.secretKey, lesson.bob.publicKey) gives the shared secret.',
      'Bob computes X25519(b, a × P) and you compute X25519(a, b × P): both are (a × b) × P, so your bytes equal his without either secret key travelling.',
      "For the last part, wrap the call in a function: try { x25519SharedSecret(...); return { refused: false, refusal: '' }; } catch (error) { return { refused: true, refusal: (error as Error).message }; }, and export both fields.",
    ],
    timeLimitMs: 3000,
    setup: {
      context: {
        randomness: random.label,
        alice: { secretKey: alice.secretKey },
        bob: { publicKey: bob.publicKey },
        lowOrderPoint,
      },
      expected: { aliceSecretKey: alice.secretKey, bobsResult, lowOrderAttempt: { refusal, refused: labRefuses } },
    },
  };
}

/** The lesson's exercises, in the order they appear. */
export const exercises = [() => sharedSecretByHand()] satisfies LessonExercises;
