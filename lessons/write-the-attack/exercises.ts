/**
 * The capstone's exercise: with a stolen escrow key and a wire capture, decrypt every message,
 * find the one that names the meeting place, and forge a replacement the recipient accepts.
 *
 * Everything is computed from a seeded world (lib/protocol/world.ts `generateWorld`, escrow on):
 * the capture is what a tap on the wire records (`captureFor`), the key is what stealing the escrow
 * key yields (`lootFor`), and the expected plaintexts are what the lab's own attacker
 * (`decryptCapture`) opens with that key. The forgery is judged by the recipient's real receive path
 * (lib/lessons/exercise-checks.ts `recipientAcceptsForgery`), on the key state the recipient held
 * just before the original message arrived, as lib/protocol/forgery.ts `deliverToRecipient` does.
 */
import { RATCHET_MESSAGE_INFO_LABEL } from '@/lib/protocol/message-encryption';
import type { LessonExercises } from '@/lib/lessons/lesson-exercises';
import type { ForgeryTarget } from '@/lib/lessons/exercise-checks';
import { captureFor, lootFor } from '@/lib/protocol/capability';
import { recoverTrafficKeyWithEscrow } from '@/lib/protocol/forgery';
import { decryptCapture } from '@/lib/protocol/decrypt-capture';
import { conversationStateBefore } from '@/lib/protocol/device-snapshot';
import { encodeHeader } from '@/lib/protocol/envelope-header';
import { encodeEscrowEpochHeader, ESCROW_INFO_LABEL } from '@/lib/protocol/escrow-epoch';
import { MINUTES_PER_DAY } from '@/lib/protocol/sim-time';
import { generateWorld, type WorldOptions } from '@/lib/protocol/world';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';

/** HKDF info of a ratchet message's AEAD key and nonce (lib/protocol/message-encryption.ts). */

/**
 * The captured week: four people, four conversations, 60 messages, escrow on from the start with
 * two-day epochs (so the capture holds a few epochs per conversation and direction). Small enough
 * that a plain solution runs in well under a second in the browser.
 */
export const CAPSTONE_WORLD: WorldOptions = {
  seed: 'write-the-attack',
  people: 4,
  conversations: 4,
  messages: 60,
  durationMinutes: 7 * MINUTES_PER_DAY,
  mode: 'ratchet',
  escrow: { variant: 'single', epochMinutes: 2 * MINUTES_PER_DAY },
};

const STARTER = `import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { aeadOpen, aeadSeal, bytesToHex, bytesToUtf8, concatBytes, hkdfSha256, hpkeOpen, i2osp, utf8ToBytes } from 'backdoor-lab';

type Envelope = LessonContext['capture'][number];

const first = lesson.capture[0];
console.log('captured', lesson.capture.length, 'envelopes; the first:', first.from, '->', first.to, 'at minute', first.sentAt);

// 1. The epoch key: HPKE-open the envelope's escrow seal with the stolen key.
//    info = utf8(lesson.labels.escrowInfo) ‖ escrow.epochHeader, aad = escrow.epochHeader.
function epochKey(envelope: Envelope): Uint8Array {
  return new Uint8Array(32); // TODO
}

// 2. The message key: walk the epoch's chain from the epoch key to position
//    counter - escrow.firstCounter (next chain key = HMAC(chain key, 0x02)), take the wrap key
//    there (HMAC(chain key, 0x01)), and unwrap escrow.wrappedKey with ChaCha20-Poly1305:
//    nonce = the counter as 12 big-endian bytes, aad = the envelope header.
function trafficKey(envelope: Envelope): Uint8Array {
  return new Uint8Array(32); // TODO
}

// 3. The message's own AEAD key and nonce, from its message key (as in the forward secrecy lesson).
function aeadKeyAndNonce(traffic: Uint8Array): { key: Uint8Array; nonce: Uint8Array } {
  const okm = hkdfSha256(traffic, new Uint8Array(32), utf8ToBytes(lesson.labels.messageInfo), 44);
  return { key: okm.subarray(0, 32), nonce: okm.subarray(32, 44) };
}

function decrypt(envelope: Envelope): string {
  const { key, nonce } = aeadKeyAndNonce(trafficKey(envelope));
  const plain = aeadOpen({ algorithm: 'chacha20-poly1305', key, nonce, sealed: envelope.ciphertext, aad: envelope.header });
  return bytesToUtf8(plain);
}

// Every captured message, in capture order ('' where decryption still fails).
export const plaintexts: string[] = lesson.capture.map((envelope) => {
  try {
    return decrypt(envelope);
  } catch {
    return '';
  }
});
console.log('opened', plaintexts.filter((text) => text !== '').length, 'of', plaintexts.length);

// 4. The message that names the meeting place: its seq and its text.
export const meeting = { seq: -1, text: '' }; // TODO

// 5. The forgery: that message's header, unchanged, and a new text sealed under its message key.
export const forged = { header: new Uint8Array(0), ciphertext: new Uint8Array(0) }; // TODO
`;

/** The solution up to the forgery: it reads every message and finds the meeting (cheats reuse it). */
const SOLUTION_READ = `import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { aeadOpen, aeadSeal, bytesToHex, bytesToUtf8, concatBytes, hkdfSha256, hpkeOpen, i2osp, utf8ToBytes } from 'backdoor-lab';

type Envelope = LessonContext['capture'][number];

// One HPKE open per epoch: every envelope of an epoch carries the same seal.
const epochKeys = new Map<string, Uint8Array>();
function epochKey(envelope: Envelope): Uint8Array {
  const { epochHeader, enc, sealedKey } = envelope.escrow;
  const id = bytesToHex(epochHeader);
  let key = epochKeys.get(id);
  if (!key) {
    const info = concatBytes(utf8ToBytes(lesson.labels.escrowInfo), epochHeader);
    key = hpkeOpen({ enc, ciphertext: sealedKey }, lesson.stolenKey, info, epochHeader);
    epochKeys.set(id, key);
  }
  return key;
}

function trafficKey(envelope: Envelope): Uint8Array {
  let chainKey = epochKey(envelope);
  for (let position = envelope.escrow.firstCounter; position < envelope.counter; position++) {
    chainKey = hmac(sha256, chainKey, Uint8Array.of(0x02));
  }
  const wrapKey = hmac(sha256, chainKey, Uint8Array.of(0x01));
  return aeadOpen({ algorithm: 'chacha20-poly1305', key: wrapKey, nonce: i2osp(envelope.counter, 12), sealed: envelope.escrow.wrappedKey, aad: envelope.header });
}

function aeadKeyAndNonce(traffic: Uint8Array): { key: Uint8Array; nonce: Uint8Array } {
  const okm = hkdfSha256(traffic, new Uint8Array(32), utf8ToBytes(lesson.labels.messageInfo), 44);
  return { key: okm.subarray(0, 32), nonce: okm.subarray(32, 44) };
}

function decrypt(envelope: Envelope): string {
  const { key, nonce } = aeadKeyAndNonce(trafficKey(envelope));
  const plain = aeadOpen({ algorithm: 'chacha20-poly1305', key, nonce, sealed: envelope.ciphertext, aad: envelope.header });
  return bytesToUtf8(plain);
}

export const plaintexts = lesson.capture.map(decrypt);
console.log('opened', plaintexts.length, 'messages with', epochKeys.size, 'HPKE opens');

const found = plaintexts.findIndex((text) => text.includes('boathouse'));
const target = lesson.capture[found];
export const meeting = { seq: target.seq, text: plaintexts[found] };
console.log('seq', target.seq, target.from, '->', target.to + ':', meeting.text);

`;

/** The solution's forgery: the meeting's header, a new text sealed under its recovered message key. */
const SOLUTION_FORGE = `const { key, nonce } = aeadKeyAndNonce(trafficKey(target));
const newText = 'Change of plan: meet at the train station on Sunday at 7. Come alone.';
export const forged = {
  header: target.header,
  ciphertext: aeadSeal({ algorithm: 'chacha20-poly1305', key, nonce, plaintext: utf8ToBytes(newText), aad: target.header }),
};
`;

const SOLUTION = SOLUTION_READ + '\n' + SOLUTION_FORGE;

/**
 * Known ways to pass without the work (lessons:check requires a check to refuse each). The forgery
 * cheats do all the reading honestly, so only the forgery check stands between them and a pass;
 * the first is the red team's: a genuine envelope from later in the same chain, replayed unchanged.
 */
function capstoneCheats(meetingSeq: number): ExerciseSpec['cheats'] {
  const read = `${SOLUTION_READ}\n`;
  const later =
    'const later = lesson.capture.find((e) => e.seq > target.seq && e.conversation === target.conversation && e.from === target.from)!;\n';
  return [
    {
      name: 'replays a genuine envelope from later in the same chain (the red team report)',
      source: `${read}${later}export const forged = { header: later.header, ciphertext: later.ciphertext };\n`,
      caughtBy: 'forged',
    },
    {
      name: 'replays the meeting envelope itself',
      source: `${read}export const forged = { header: target.header, ciphertext: target.ciphertext };\n`,
      caughtBy: 'forged',
    },
    {
      name: 'a captured envelope as hex strings',
      source: `${read}${later}export const forged = { header: bytesToHex(later.header), ciphertext: bytesToHex(later.ciphertext) };\n`,
      caughtBy: 'forged',
    },
    {
      name: "the meeting header with a later envelope's ciphertext",
      source: `${read}${later}export const forged = { header: target.header, ciphertext: later.ciphertext };\n`,
      caughtBy: 'forged',
    },
    {
      name: 'the meeting ciphertext with one bit flipped (no key)',
      source: `${read}const flipped = target.ciphertext.slice();\nflipped[0] ^= 1;\nexport const forged = { header: target.header, ciphertext: flipped };\n`,
      caughtBy: 'forged',
    },
    {
      name: 'a keyless edit: the new text XORed into the ciphertext, tag kept',
      source: `${read}const edited = target.ciphertext.slice();\nconst delta = utf8ToBytes('Change of plan!');\nfor (let i = 0; i < delta.length; i++) edited[i] ^= delta[i] ^ utf8ToBytes(meeting.text)[i];\nexport const forged = { header: target.header, ciphertext: edited };\n`,
      caughtBy: 'forged',
    },
    {
      name: "another captured message's text, resealed under the recovered key",
      source: `${read}const sealedFor = aeadKeyAndNonce(trafficKey(target));\nconst borrowed = plaintexts.find((text, i) => i !== found)!;\nexport const forged = { header: target.header, ciphertext: aeadSeal({ algorithm: 'chacha20-poly1305', key: sealedFor.key, nonce: sealedFor.nonce, plaintext: utf8ToBytes(borrowed), aad: target.header }) };\n`,
      caughtBy: 'forged',
    },
    {
      name: 'look-alike types: objects with a length',
      source: `${read}export const forged = { header: { length: 40 }, ciphertext: { length: 64 } };\n`,
      caughtBy: 'forged',
    },
    {
      name: 'the lucky guess of the meeting seq, no text',
      source: `${SOLUTION_READ.replace('export const meeting = { seq: target.seq, text: plaintexts[found] };', `export const meeting = { seq: ${meetingSeq}, text: '' };`)}\n${SOLUTION_FORGE}`,
      caughtBy: 'meeting',
    },
    {
      name: 'copies the captured ciphertexts as the plaintexts',
      source:
        "import { bytesToHex } from 'backdoor-lab';\nexport const plaintexts = lesson.capture.map((e) => bytesToHex(e.ciphertext));\n",
      caughtBy: 'plaintexts',
    },
    {
      name: 'returns the setup back',
      source:
        'export const plaintexts = lesson.capture;\nexport const meeting = lesson.capture[0];\nexport const forged = lesson.capture[0];\n',
      caughtBy: 'plaintexts',
    },
  ];
}

/** Builds the capstone exercise from `options` (the page and the validator use {@link CAPSTONE_WORLD}). */
export async function writeTheAttack(options: WorldOptions = CAPSTONE_WORLD): Promise<ExerciseSpec> {
  const world = await generateWorld(options);
  const capture = captureFor(world, [{ kind: 'tap-wire' }]);
  const { loot } = await lootFor(world, [{ kind: 'steal-escrow-key', scenario: 'insider' }]);
  const stolen = loot.escrowKeys[0];
  if (!stolen) throw new Error('write-the-attack: stealing the escrow key yielded nothing (is escrow on?)');

  // What the lab's attacker opens with that key: the answers the checks compare against.
  const report = decryptCapture(capture, { devices: [], escrowKeys: [stolen] });
  const plaintexts = report.outcomes.map((o) => {
    if (o.kind !== 'opened')
      throw new Error(`write-the-attack: the stolen key does not open record ${o.seq} (${o.kind})`);
    return o.plaintext;
  });
  const phrase = world.meetingPlace.phrase;
  const meetingAt = plaintexts.findIndex((text) => text.includes(phrase));
  const meetingRecord = capture.records[meetingAt];
  if (!meetingRecord || plaintexts.filter((text) => text.includes(phrase)).length !== 1) {
    throw new Error(`write-the-attack: the capture must hold exactly one message naming "${phrase}"`);
  }
  const h = meetingRecord.envelope.header;
  // The key the learner must recover, recovered here with the lab's own code: the forgery check opens with it.
  const trafficKey = recoverTrafficKeyWithEscrow(meetingRecord.envelope, [stolen]);
  if (!trafficKey)
    throw new Error("write-the-attack: the stolen key does not recover the meeting message's message key");
  const recipient = world.participants.find((p) => p.id === h.recipient)!;
  const sender = world.participants.find((p) => p.id === h.sender)!;
  const forgeryTarget: ForgeryTarget = {
    recipient: { id: recipient.id, name: recipient.name, identity: recipient.identity },
    senderName: sender.name,
    directory: world.directory,
    stateBefore: conversationStateBefore(world, recipient.id, h.conversationId, meetingRecord.seq),
    originalText: plaintexts[meetingAt]!,
    seed: `${options.seed}|forgery-check`,
    trafficKey,
    captured: capture.records.map((r) => ({
      seq: r.seq,
      header: encodeHeader(r.envelope.header),
      ciphertext: r.envelope.ciphertext,
    })),
    capturedTexts: plaintexts,
  };
  const names = world.participants.map((p) => p.name);
  const placeWord = phrase.split(' ').pop()!;

  return {
    id: 'write-the-attack',
    title: 'Read every message, then forge one',
    instructions:
      `You hold the escrow authority's secret key (\`lesson.stolenKey\`) and a week of traffic between ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}, recorded on the wire (\`lesson.capture\`, ${capture.records.length} envelopes in the order they were sent).\n\n` +
      'Decrypt every envelope and export the texts, in capture order, as `plaintexts`. ' +
      `Somebody arranged to meet at a ${placeWord}: export that message's \`seq\` and text as \`meeting\`. ` +
      `Then rewrite it: export \`forged\` = { header, ciphertext }, with the message's own header and a new text sealed under its message key. The check delivers it to ${recipient.name}'s phone, whose client accepts it only if its own keys verify the tag.`,
    starter: STARTER,
    solution: SOLUTION,
    checks: [
      { id: 'ran', kind: 'ran', description: 'The program runs to the end' },
      {
        id: 'plaintexts',
        kind: 'custom',
        name: 'sameItems',
        path: 'plaintexts',
        expected: 'plaintexts',
        params: { noun: 'messages' },
        description: '`plaintexts` holds every captured message, decrypted, in capture order',
        failMessage: 'Fill in epochKey and trafficKey first: the hints go one step at a time.',
      },
      {
        // A seq out of 60 is found by re-running: it counts only with the message's decrypted text.
        id: 'meeting',
        kind: 'custom',
        name: 'answerWithProof',
        expected: 'meeting',
        params: { proof: ['meeting.text'], answer: ['meeting.seq'] },
        description: `\`meeting\` is the message that names the meeting place: its text and its seq`,
        failMessage: `Search plaintexts for "${placeWord}" and take the seq of that envelope (lesson.capture[i].seq).`,
      },
      {
        id: 'forged',
        kind: 'custom',
        name: 'recipientAcceptsForgery',
        path: 'forged',
        expected: 'forgeryTarget',
        description: `\`forged\` is an envelope you made: sealed under the recovered key, with a new text, and ${recipient.name}'s phone accepts it as ${sender.name}'s message`,
      },
    ],
    cheats: capstoneCheats(meetingRecord.seq),
    hints: [
      'epochKey: const info = concatBytes(utf8ToBytes(lesson.labels.escrowInfo), envelope.escrow.epochHeader); then hpkeOpen({ enc: envelope.escrow.enc, ciphertext: envelope.escrow.sealedKey }, lesson.stolenKey, info, envelope.escrow.epochHeader). The HPKE info and aad bind the seal to its epoch, so nothing else opens it.',
      "trafficKey: start with chainKey = epochKey(envelope); repeat chainKey = hmac(sha256, chainKey, Uint8Array.of(0x02)) (counter - firstCounter) times; the wrap key is hmac(sha256, chainKey, Uint8Array.of(0x01)). Unwrap with aeadOpen({ algorithm: 'chacha20-poly1305', key: wrapKey, nonce: i2osp(envelope.counter, 12), sealed: envelope.escrow.wrappedKey, aad: envelope.header }).",
      `The meeting: plaintexts.findIndex((text) => text.includes('${placeWord}')) gives i; lesson.capture[i].seq is its seq.`,
      "The forgery: take that envelope's message key, get { key, nonce } from aeadKeyAndNonce, and aeadSeal your own text with aad = the envelope's header. Keep the header exactly as it was: it is the associated data, and it tells the recipient's ratchet which key to use.",
      'Slow? Every envelope of an epoch carries the same seal: cache the epoch key by bytesToHex(epochHeader), and HPKE runs once per epoch instead of once per message.',
    ],
    timeLimitMs: 10_000,
    setup: {
      context: {
        randomness: `demo randomness (seed '${options.seed}')`,
        stolenKey: stolen.secretKey,
        labels: { escrowInfo: ESCROW_INFO_LABEL, messageInfo: RATCHET_MESSAGE_INFO_LABEL },
        capture: capture.records.map((r) => {
          const e = r.envelope;
          const escrow = e.escrow;
          const seal = escrow?.epochBlob.seals.find((s) => s.authorityId === stolen.authorityId);
          if (!escrow || !seal)
            throw new Error(`write-the-attack: record ${r.seq} carries no escrow seal for the stolen key`);
          return {
            seq: r.seq,
            from: e.header.sender,
            to: e.header.recipient,
            conversation: e.header.conversationId,
            counter: e.header.counter,
            sentAt: e.header.sentAt,
            header: encodeHeader(e.header),
            ciphertext: e.ciphertext,
            escrow: {
              epochHeader: encodeEscrowEpochHeader(escrow.epochBlob.header),
              firstCounter: escrow.epochBlob.header.firstCounter,
              enc: seal.enc,
              sealedKey: seal.ciphertext,
              wrappedKey: escrow.wrappedKey,
            },
          };
        }),
      },
      expected: {
        plaintexts,
        meetingSeq: meetingRecord.seq,
        meeting: { 'meeting.text': plaintexts[meetingAt]!, 'meeting.seq': meetingRecord.seq },
        forgeryTarget,
      },
    },
  };
}

/** The lesson's exercises, in the order they appear. */
export const exercises = [() => writeTheAttack()] satisfies LessonExercises;
