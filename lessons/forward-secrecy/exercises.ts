/**
 * Lesson 5's code exercise: walk a Double Ratchet chain with the chain key a thief copied from
 * Bob's phone, and find out which of Alice's recorded messages it opens. The conversation is run
 * with the lab's own protocol code (lib/protocol/device.ts: simplified X3DH, Double Ratchet, the
 * ratchet message encryption) from a seeded source ("demo randomness"); what the checks expect is
 * what the lab's attacker (lib/protocol/decrypt-capture.ts) opens with the same stolen state.
 */
import { RATCHET_MESSAGE_INFO_LABEL } from '@/lib/protocol/message-encryption';
import { seededRandom } from '@/lib/crypto/random';
import type { LessonExercises } from '@/lib/lessons/lesson-exercises';
import type { Capture, Loot } from '@/lib/protocol/capability';
import { decryptCapture } from '@/lib/protocol/decrypt-capture';
import {
  generatePrekey,
  initialConversationKeyState,
  receiveMessage,
  sendMessage,
  type ConversationKeyState,
  type DeviceContext,
} from '@/lib/protocol/device';
import { encodeHeader } from '@/lib/protocol/envelope-header';
import type { KeyDirectory } from '@/lib/protocol/key-directory';
import { createParticipant, publicIdentity } from '@/lib/protocol/participant';
import type { WireRecord } from '@/lib/protocol/relay';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';

/** HKDF info of a ratchet message's AEAD key and nonce (lib/protocol/message-encryption.ts). */

/** Alice's six messages, sent in a row before Bob answers: one sending chain. */
const TEXTS = [
  'Are you free on Thursday?',
  'I found the old notebook.',
  'It has the supplier list in it.',
  'Bring a bag, it is heavy.',
  'I will be at the library from 4.',
  'Delete this thread after reading.',
];

/** Bob's phone is stolen after he has read this many of them. */
const READ_BEFORE_THEFT = 3;

const STARTER = `import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { aeadOpen, bytesToUtf8, hkdfSha256, utf8ToBytes } from 'backdoor-lab';

type Captured = LessonContext['captured'][number];

// The thief copied Bob's phone after he had read 3 of Alice's messages. For Alice's chain the
// phone held one chain key, lesson.stolen.chainKey: the one that gives the key of message
// number lesson.stolen.nextMessageNumber. The keys of the messages Bob had read were deleted.

/** KDF_CK (Double Ratchet §5.2): this position's message key, and the next chain key. */
function chainStep(chainKey: Uint8Array): { messageKey: Uint8Array; nextChainKey: Uint8Array } {
  return {
    messageKey: new Uint8Array(32), // TODO: HMAC-SHA256 keyed with chainKey, over the byte 0x01
    nextChainKey: chainKey, // TODO: HMAC-SHA256 keyed with chainKey, over the byte 0x02
  };
}

/** Opens one message with its message key (throws if the tag does not verify). */
function openWith(messageKey: Uint8Array, message: Captured): string {
  const okm = hkdfSha256(messageKey, new Uint8Array(32), utf8ToBytes(lesson.labels.messageInfo), 44);
  const plain = aeadOpen({ algorithm: 'chacha20-poly1305', key: okm.subarray(0, 32), nonce: okm.subarray(32, 44), sealed: message.ciphertext, aad: message.header });
  return bytesToUtf8(plain);
}

export const opened: number[] = []; // message numbers the stolen chain key opens
export const texts: string[] = []; // their texts, in the same order

// TODO: walk the chain forward from the stolen chain key and try each captured message.
const { messageKey } = chainStep(lesson.stolen.chainKey);
for (const message of lesson.captured) {
  try {
    texts.push(openWith(messageKey, message));
    opened.push(message.messageNumber);
  } catch {
    console.log('message', message.messageNumber, 'did not open');
  }
}
`;

const SOLUTION = `import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { aeadOpen, bytesToUtf8, hkdfSha256, utf8ToBytes } from 'backdoor-lab';

type Captured = LessonContext['captured'][number];

function chainStep(chainKey: Uint8Array): { messageKey: Uint8Array; nextChainKey: Uint8Array } {
  return {
    messageKey: hmac(sha256, chainKey, Uint8Array.of(0x01)),
    nextChainKey: hmac(sha256, chainKey, Uint8Array.of(0x02)),
  };
}

function openWith(messageKey: Uint8Array, message: Captured): string {
  const okm = hkdfSha256(messageKey, new Uint8Array(32), utf8ToBytes(lesson.labels.messageInfo), 44);
  const plain = aeadOpen({ algorithm: 'chacha20-poly1305', key: okm.subarray(0, 32), nonce: okm.subarray(32, 44), sealed: message.ciphertext, aad: message.header });
  return bytesToUtf8(plain);
}

export const opened: number[] = [];
export const texts: string[] = [];

let chainKey = lesson.stolen.chainKey;
let position = lesson.stolen.nextMessageNumber;
for (const message of lesson.captured) {
  if (message.messageNumber < position) {
    console.log('message', message.messageNumber, 'stays closed: its key was deleted, and HMAC does not run backwards');
    continue;
  }
  while (position < message.messageNumber) {
    chainKey = chainStep(chainKey).nextChainKey;
    position++;
  }
  const step = chainStep(chainKey);
  texts.push(openWith(step.messageKey, message));
  opened.push(message.messageNumber);
  chainKey = step.nextChainKey;
  position++;
}
console.log('opened', opened.join(', '));
`;

/** Runs the conversation and the theft from `seed`, and builds the exercise (the page and the validator use the default). */
export function walkTheChain(seed = 'forward-secrecy exercise'): ExerciseSpec {
  const random = seededRandom(seed);
  const alice = createParticipant('Alice', random);
  const bob = createParticipant('Bob', random);
  const conversationId = 'alice-bob';
  const prekey = generatePrekey(random);
  const directory: KeyDirectory = {
    identities: { alice: publicIdentity(alice), bob: publicIdentity(bob) },
    prekeys: { [conversationId]: { owner: bob.id, conversationId, publicKey: prekey.publicKey } },
  };
  const aliceContext: DeviceContext = { self: alice.id, identity: alice.identity, directory, random, escrow: null };
  const bobContext: DeviceContext = { self: bob.id, identity: bob.identity, directory, random, escrow: null };
  let aliceState = initialConversationKeyState('ratchet', 'initiator', {
    conversationId,
    peer: bob.id,
    identity: alice.identity,
    directory,
  });
  let bobState = initialConversationKeyState('ratchet', 'responder', {
    conversationId,
    peer: alice.id,
    identity: bob.identity,
    directory,
    prekey,
  });

  const records: WireRecord[] = [];
  let stolen: ConversationKeyState | null = null;
  let stolenAt = 0;
  for (const [i, text] of TEXTS.entries()) {
    const sentAt = 60 * (9 + i);
    const sent = sendMessage(aliceState, text, sentAt, aliceContext);
    aliceState = sent.state;
    records.push({ seq: i, at: sentAt, envelope: sent.envelope });
    const received = receiveMessage(bobState, sent.envelope, bobContext);
    if (received.plaintext !== text) throw new Error(`forward-secrecy exercise: message ${i} did not round-trip`);
    bobState = received.state;
    if (i + 1 === READ_BEFORE_THEFT) {
      stolen = bobState;
      stolenAt = sentAt;
    }
  }
  if (!stolen || stolen.session.kind !== 'ratchet' || !stolen.session.receivingChainKey) {
    throw new Error('forward-secrecy exercise: the stolen state has no receiving chain');
  }

  // What the lab's attacker opens with exactly that state, by decrypting the recorded envelopes.
  const capture: Capture = { records, directory, sources: ["the relay's log of Alice's messages"] };
  const loot: Loot = {
    devices: [
      {
        participantId: bob.id,
        takenAt: stolenAt,
        mode: 'ratchet',
        identity: bob.identity,
        conversations: { [conversationId]: stolen },
      },
    ],
    escrowKeys: [],
  };
  const report = decryptCapture(capture, loot);
  const openedOutcomes = report.outcomes.flatMap((o) => (o.kind === 'opened' ? [o] : []));
  const messageNumberOf = (seq: number) => records[seq]!.envelope.header.ratchet!.messageNumber;

  return {
    id: 'walk-the-chain',
    title: 'Walk the chain from a stolen phone',
    instructions:
      'Alice sent Bob six messages in a row, so they share one chain: message key n is HMAC(chain key n, 0x01) and chain key n + 1 is HMAC(chain key n, 0x02). Eve recorded all six (`lesson.captured`). After Bob had read three, his phone was stolen; for this chain it held `lesson.stolen.chainKey`, the chain key of message number `lesson.stolen.nextMessageNumber`.\n\n' +
      'Finish `chainStep`, walk the chain from the stolen key, and try every captured message. Export the message numbers that open as `opened`, and their texts (same order) as `texts`. Which messages can the thief never open, and why?',
    starter: STARTER,
    solution: SOLUTION,
    checks: [
      { id: 'ran', kind: 'ran', description: 'The program runs to the end' },
      {
        // A few numbers out of six, and the instructions all but say which: they count only with the texts.
        id: 'opened',
        kind: 'custom',
        name: 'answerWithProof',
        expected: 'openedWithTexts',
        params: { proof: ['texts'], answer: ['opened'] },
        description: '`opened` lists exactly the message numbers the stolen chain key opens (with their `texts`)',
        failMessage:
          'Each message key comes from the chain key at its own position: step the chain forward to message n before taking HMAC(chain key, 0x01).',
      },
      {
        id: 'texts',
        kind: 'custom',
        name: 'sameItems',
        path: 'texts',
        expected: 'texts',
        params: { noun: 'texts' },
        description: '`texts` holds the text of each opened message, in the same order',
      },
    ],
    hints: [
      'chainStep: hmac(sha256, chainKey, Uint8Array.of(0x01)) is the message key and hmac(sha256, chainKey, Uint8Array.of(0x02)) the next chain key.',
      'Keep a position next to the chain key, starting at lesson.stolen.nextMessageNumber. For message n, step the chain forward until the position is n, then use that message key.',
      'A message whose number is below the stolen position has no key: HMAC cannot be run backwards, so skip it. That is forward secrecy.',
    ],
    cheats: [
      {
        name: 'the lucky guess: the message numbers from the stolen position on, no text opened',
        source: `export const opened = ${JSON.stringify(openedOutcomes.map((o) => messageNumberOf(o.seq)))};\nexport const texts: string[] = [];\n`,
        caughtBy: 'opened',
      },
      {
        name: 'copies the captured ciphertexts as the texts',
        source: `import { bytesToHex } from 'backdoor-lab';\nconst open = lesson.captured.filter((m) => m.messageNumber >= lesson.stolen.nextMessageNumber);\nexport const opened = open.map((m) => m.messageNumber);\nexport const texts = open.map((m) => bytesToHex(m.ciphertext));\n`,
        caughtBy: 'opened',
      },
      {
        name: 'returns the setup back: every captured message number',
        source:
          'export const opened = lesson.captured.map((m) => m.messageNumber);\nexport const texts = lesson.captured.map(() => lesson.labels.messageInfo);\n',
        caughtBy: 'texts',
      },
      {
        name: 'look-alike types: an object with a length',
        source: "export const opened = { length: 3 };\nexport const texts = { length: 3, 0: 'x' };\n",
        caughtBy: 'texts',
      },
    ],
    timeLimitMs: 3000,
    setup: {
      context: {
        randomness: random.label,
        labels: { messageInfo: RATCHET_MESSAGE_INFO_LABEL },
        stolen: { chainKey: stolen.session.receivingChainKey, nextMessageNumber: stolen.session.receiveMessageNumber },
        captured: records.map((r) => ({
          messageNumber: r.envelope.header.ratchet!.messageNumber,
          header: encodeHeader(r.envelope.header),
          ciphertext: r.envelope.ciphertext,
        })),
      },
      expected: {
        // `opened` is what the e2e driver reads; the check compares it only together with `texts`.
        opened: openedOutcomes.map((o) => messageNumberOf(o.seq)),
        texts: openedOutcomes.map((o) => o.plaintext),
        openedWithTexts: {
          texts: openedOutcomes.map((o) => o.plaintext),
          opened: openedOutcomes.map((o) => messageNumberOf(o.seq)),
        },
      },
    },
  };
}

/** The lesson's exercises, in the order they appear. */
export const exercises = [() => walkTheChain()] satisfies LessonExercises;
