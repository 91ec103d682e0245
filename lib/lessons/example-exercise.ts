/**
 * The code exercise the widget gallery renders `<Exercise>` with (the same one `npm run lesson:new
 * -- <slug> --exercise` writes into a new lesson, there as editable text): Alice's public key from
 * her secret key, computed with the lab's own X25519 from a seed, so every render agrees.
 *
 * @module
 */
import { seededRandom } from '../crypto/random';
import { generateKeyPair } from '../crypto/x25519';
import type { ExerciseSpec } from '../sandbox/exercise-spec';

/** Builds the example exercise under `id`. */
export function exampleExercise(id: string): ExerciseSpec {
  const alice = generateKeyPair(seededRandom(`${id} exercise`));
  return {
    id,
    title: "Compute Alice's public key",
    instructions:
      "`lesson.secretKey` is Alice's secret key. Export her public key as `publicKey`: X25519(secret key, 9).",
    starter:
      "import { x25519 } from '@noble/curves/ed25519.js';\n\n// TODO: X25519(lesson.secretKey, 9)\nexport const publicKey = new Uint8Array(32);\n",
    solution:
      "import { x25519 } from '@noble/curves/ed25519.js';\n\nexport const publicKey = x25519.getPublicKey(lesson.secretKey);\n",
    checks: [
      { id: 'ran', kind: 'ran', description: 'The program runs to the end' },
      {
        id: 'public-key',
        kind: 'bytesEqual',
        path: 'publicKey',
        expected: 'publicKey',
        description: "`publicKey` is Alice's public key",
        failMessage: 'x25519.getPublicKey(secretKey) computes X25519(secretKey, 9).',
      },
    ],
    hints: ['The noble library is imported for you: x25519.getPublicKey takes the secret key.'],
    cheats: [
      {
        name: 'returns the setup back: the secret key as the public key',
        source: 'export const publicKey = lesson.secretKey;\n',
        caughtBy: 'public-key',
      },
    ],
    setup: { context: { secretKey: alice.secretKey }, expected: { publicKey: alice.publicKey } },
  };
}
