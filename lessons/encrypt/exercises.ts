/**
 * Lesson 3's code exercise: Bob derives the message key with HKDF as the Derive widget does, opens
 * two ChaCha20-Poly1305 messages from Alice, and finds the one Eve changed in transit. The keys,
 * the messages and the flipped bit are made here with the lab's crypto core from a seeded source
 * ("demo randomness"); which message is tampered, and what the intact one says, is found by
 * running Bob's decryption on both, not written down.
 */
import { AeadOpenError, open, seal } from '@/lib/crypto/aead';
import { bytesToUtf8, concatBytes, flipBit, utf8ToBytes } from '@/lib/crypto/bytes';
import { deriveKey } from '@/lib/crypto/hkdf';
import { seededRandom } from '@/lib/crypto/random';
import { generateKeyPair, sharedSecret } from '@/lib/crypto/x25519';
import type { LessonExercises } from '@/lib/lessons/lesson-exercises';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';
import { FIRST_LOOK_INFO } from '@/lib/store/lab-store';

/** The associated data of both messages, as in the lesson's EncryptDecrypt widget. */
const HEADER = 'from alice to bob';

const TEXTS = ['The package is under the third bench.', 'Change of plan: meet at the north gate at 6.'];

const STARTER = `import { x25519 } from '@noble/curves/ed25519.js';
import { aeadOpen, bytesToUtf8, concatBytes, hkdfSha256, utf8ToBytes } from 'backdoor-lab';

// You are Bob. lesson.bob.secretKey is yours; lesson.alice.publicKey arrived over the wire.
const shared = x25519.getSharedSecret(lesson.bob.secretKey, lesson.alice.publicKey);

// 1. The message key, as the Derive widget made it: HKDF-SHA256 of the shared secret,
//    salt = Alice's public key followed by Bob's, info = lesson.info, 32 bytes.
export const key = new Uint8Array(32); // TODO

// 2. Two messages arrived (lesson.messages). Eve flipped one bit of one of them.
//    Open each with ChaCha20-Poly1305 (its nonce, associated data = lesson.header).
export const plaintext = ''; // TODO: the text of the message that opens
export const tampered = -1; // TODO: the index (0 or 1) of the message whose tag fails
`;

const SOLUTION = `import { x25519 } from '@noble/curves/ed25519.js';
import { aeadOpen, bytesToUtf8, concatBytes, hkdfSha256, utf8ToBytes } from 'backdoor-lab';

const shared = x25519.getSharedSecret(lesson.bob.secretKey, lesson.alice.publicKey);
const salt = concatBytes(lesson.alice.publicKey, lesson.bob.publicKey);
export const key = hkdfSha256(shared, salt, utf8ToBytes(lesson.info), 32);

const results = lesson.messages.map((message) => {
  try {
    const opened = aeadOpen({ algorithm: 'chacha20-poly1305', key, nonce: message.nonce, sealed: message.sealed, aad: utf8ToBytes(lesson.header) });
    return bytesToUtf8(opened);
  } catch (error) {
    console.log('rejected:', error instanceof Error ? error.message : String(error));
    return null;
  }
});
export const tampered = results.findIndex((text) => text === null);
export const plaintext = results.find((text) => text !== null) ?? '';
console.log('Alice wrote:', plaintext);
`;

/** The solution's key derivation, for cheats that fake only what follows it. */
const HONEST_KEY = `import { x25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, concatBytes, hkdfSha256, utf8ToBytes } from 'backdoor-lab';
const shared = x25519.getSharedSecret(lesson.bob.secretKey, lesson.alice.publicKey);
export const key = hkdfSha256(shared, concatBytes(lesson.alice.publicKey, lesson.bob.publicKey), utf8ToBytes(lesson.info), 32);
`;

/** Builds the exercise from `seed` (the page and the validator use the default). */
export function openAndSpotTheTamper(seed = 'encrypt exercise'): ExerciseSpec {
  const random = seededRandom(seed);
  const alice = generateKeyPair(random);
  const bob = generateKeyPair(random);
  const salt = concatBytes(alice.publicKey, bob.publicKey);
  const info = utf8ToBytes(FIRST_LOOK_INFO);
  const aad = utf8ToBytes(HEADER);
  const aliceKey = deriveKey(sharedSecret(alice.secretKey, bob.publicKey), salt, info, 32);
  const sent = TEXTS.map((text) => {
    const nonce = random.bytes(12);
    return {
      nonce,
      sealed: seal({ algorithm: 'chacha20-poly1305', key: aliceKey, nonce, plaintext: utf8ToBytes(text), aad }),
    };
  });
  // Eve flips one bit of one message in transit: which message and which bit come from the seed.
  const [pick, ...bitBytes] = random.bytes(3);
  const target = pick! & 1;
  const bit = ((bitBytes[0]! << 8) | bitBytes[1]!) % (sent[target]!.sealed.length * 8);
  const messages = sent.map((m, i) => (i === target ? { nonce: m.nonce, sealed: flipBit(m.sealed, bit) } : m));

  // Bob's side, run for real: his own key, then an open attempt on each message as it arrived.
  const bobKey = deriveKey(sharedSecret(bob.secretKey, alice.publicKey), salt, info, 32);
  const outcomes = messages.map((m) => {
    try {
      return bytesToUtf8(open({ algorithm: 'chacha20-poly1305', key: bobKey, nonce: m.nonce, sealed: m.sealed, aad }));
    } catch (error) {
      if (error instanceof AeadOpenError) return null;
      throw error;
    }
  });
  const rejected = outcomes.flatMap((text, i) => (text === null ? [i] : []));
  const opened = outcomes.filter((text): text is string => text !== null);
  if (rejected.length !== 1 || opened.length !== 1)
    throw new Error(
      `encrypt exercise: expected one message to open and one to fail, got ${opened.length} and ${rejected.length}`,
    );

  return {
    id: 'open-and-spot-the-tamper',
    title: 'Derive the key, open the message, spot the tampering',
    instructions:
      'You are Bob. Alice sent you two messages, sealed with ChaCha20-Poly1305 under the key she derived with HKDF, exactly as the widgets above did. On the way, Eve flipped one bit of one of them.\n\n' +
      'Derive the same key from your side and export it as `key`. Then open both messages from `lesson.messages`: export the text of the one that opens as `plaintext`, and the index (0 or 1) of the one whose tag fails as `tampered`.',
    starter: STARTER,
    solution: SOLUTION,
    checks: [
      { id: 'ran', kind: 'ran', description: 'The program runs to the end' },
      {
        id: 'key',
        kind: 'bytesEqual',
        path: 'key',
        expected: 'key',
        description: '`key` is the message key Alice used (HKDF-SHA256, 32 bytes)',
        failMessage:
          "hkdfSha256(shared, salt, info, 32), with salt = concatBytes(Alice's public key, Bob's public key) and info = utf8ToBytes(lesson.info).",
      },
      {
        id: 'plaintext',
        kind: 'equals',
        path: 'plaintext',
        expected: 'plaintext',
        description: '`plaintext` is the text of the intact message',
        failMessage:
          'aeadOpen returns bytes; bytesToUtf8 turns them into text. The associated data is utf8ToBytes(lesson.header).',
      },
      {
        // 0 or 1 is a coin toss: it counts only together with the text of the message that opened.
        id: 'tampered',
        kind: 'custom',
        name: 'answerWithProof',
        expected: 'tamperEvidence',
        params: { proof: ['plaintext'], answer: ['tampered'] },
        description: '`tampered` is the index of the message Eve changed (with `plaintext` from the one that opened)',
        failMessage:
          'The changed message is the one whose aeadOpen throws: catch the error instead of letting it stop the program.',
      },
    ],
    cheats: [
      {
        name: 'the lucky guess of the tampered index, nothing opened',
        source: `${HONEST_KEY}export const plaintext = '';\nexport const tampered = ${rejected[0]!};\n`,
        caughtBy: 'tampered',
      },
      {
        name: 'copies a captured ciphertext as the plaintext',
        source: `${HONEST_KEY}export const plaintext = bytesToHex(lesson.messages[${1 - rejected[0]!}].sealed);\nexport const tampered = ${rejected[0]!};\n`,
        caughtBy: 'plaintext',
      },
      {
        name: "returns the setup back: Bob's secret key as the message key",
        source:
          'export const key = lesson.bob.secretKey;\nexport const plaintext = lesson.header;\nexport const tampered = 0;\n',
        caughtBy: 'key',
      },
      {
        name: 'the shared secret itself as the key (HKDF skipped)',
        source:
          "import { x25519 } from '@noble/curves/ed25519.js';\nexport const key = x25519.getSharedSecret(lesson.bob.secretKey, lesson.alice.publicKey);\n",
        caughtBy: 'key',
      },
      {
        name: 'look-alike types: an object with a length, a string index',
        source: "export const key = { length: 32 };\nexport const plaintext = 'x';\nexport const tampered = '1';\n",
        caughtBy: 'key',
      },
    ],
    hints: [
      'The shared secret is already computed. The salt is concatBytes(lesson.alice.publicKey, lesson.bob.publicKey), and the info is utf8ToBytes(lesson.info).',
      "aeadOpen({ algorithm: 'chacha20-poly1305', key, nonce: message.nonce, sealed: message.sealed, aad: utf8ToBytes(lesson.header) }) returns the plaintext bytes, or throws when the tag does not match.",
      'Map over lesson.messages with try { ... } catch { ... }: the message whose open throws is the tampered one; bytesToUtf8 turns the other into text.',
    ],
    timeLimitMs: 3000,
    setup: {
      context: {
        randomness: random.label,
        bob: { secretKey: bob.secretKey, publicKey: bob.publicKey },
        alice: { publicKey: alice.publicKey },
        info: FIRST_LOOK_INFO,
        header: HEADER,
        messages,
      },
      expected: {
        key: bobKey,
        plaintext: opened[0]!,
        tamperEvidence: { plaintext: opened[0]!, tampered: rejected[0]! },
      },
    },
  };
}

/** The lesson's exercises, in the order they appear. */
export const exercises = [() => openAndSpotTheTamper()] satisfies LessonExercises;
