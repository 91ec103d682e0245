import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisTestServer, type RedisTestServer } from '../../scripts/redis-test-server';
import { seal } from '../crypto/aead';
import { bytesToBase64, bytesToHex, utf8ToBytes } from '../crypto/bytes';
import { csprng } from '../crypto/random';
import { x25519 } from '@noble/curves/ed25519.js';
import { MemoryRoomStore } from './memory-room-store';
import { RedisRoomStore } from './redis-room-store';
import { createMemoryRelay, createRedisRelay, type RelaySetup } from './relay-setup';
import type { SealedMessage } from './room-protocol';

let redis: RedisTestServer;
beforeAll(async () => {
  redis = await startRedisTestServer();
});
afterAll(async () => {
  await redis?.stop();
});

const PLAINTEXTS = ['Meet at the north gate at 7', 'The escrow key is in the blue folder', 'Ünïcödé sécret 🔑'];

/** Seals `text` as a device would: ChaCha20-Poly1305 under a fresh key, the header as associated data. */
function sealAs(memberId: string, text: string) {
  const random = csprng();
  const key = random.bytes(32);
  const nonce = random.bytes(12);
  const header = utf8ToBytes(JSON.stringify({ v: 1, n: bytesToHex(nonce) }));
  const ciphertext = seal({ algorithm: 'chacha20-poly1305', key, nonce, plaintext: utf8ToBytes(text), aad: header });
  const message: SealedMessage = {
    to: 'room',
    header: bytesToHex(header),
    ciphertext: bytesToHex(ciphertext),
    recipients: [{ member: memberId, wrappedKey: bytesToHex(random.bytes(48)) }],
  };
  return { message, key };
}

/** Every form a plaintext or a secret could take in stored text. */
const forms = (bytes: Uint8Array, text?: string) =>
  [bytesToHex(bytes), bytesToBase64(bytes), bytesToBase64(bytes).replace(/=+$/, ''), ...(text ? [text] : [])].filter(
    (form) => form.length >= 8,
  );

async function storeSealedMessages(setup: RelaySetup) {
  const { code, presenterToken } = await setup.relay.createRoom({}, '10.0.0.1');
  const deviceSecret = x25519.utils.randomSecretKey();
  const alice = await setup.relay.join(
    code,
    { name: 'Alice', publicKey: bytesToHex(x25519.getPublicKey(deviceSecret)) },
    '10.0.0.2',
  );
  const sent = PLAINTEXTS.map((text) => sealAs(alice.member.id, text));
  for (const { message } of sent) await setup.relay.send(code, alice.deviceToken, message);
  const secrets = [...sent.flatMap(({ key }) => forms(key)), ...forms(deviceSecret), alice.deviceToken, presenterToken];
  const plaintexts = PLAINTEXTS.flatMap((text) => forms(utf8ToBytes(text), text));
  return { sent, secrets, plaintexts };
}

function expectNoneFound(dump: string, { sent, secrets, plaintexts }: Awaited<ReturnType<typeof storeSealedMessages>>) {
  // The search is real: the ciphertexts are there to be found.
  for (const { message } of sent) expect(dump).toContain(message.ciphertext);
  expect(plaintexts.filter((form) => dump.includes(form))).toEqual([]);
  expect(secrets.filter((form) => dump.includes(form))).toEqual([]);
}

describe("the relay's stored state", () => {
  it('holds no plaintext and no secret in memory', async () => {
    const setup = createMemoryRelay();
    try {
      const stored = await storeSealedMessages(setup);
      expectNoneFound((setup.store as MemoryRoomStore).dumpForTests(), stored);
    } finally {
      await setup.close();
    }
  });

  it('holds no plaintext and no secret in any Redis key', async () => {
    const setup = await createRedisRelay(redis.url);
    try {
      const stored = await storeSealedMessages(setup);
      const dump = await (setup.store as RedisRoomStore).dumpForTests();
      expect(dump).toMatch(/^room:[A-Z2-9]{6}:log /m);
      expectNoneFound(dump, stored);
    } finally {
      await setup.close();
    }
  });
});
