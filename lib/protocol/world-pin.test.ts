/**
 * Pins the bytes of small seeded worlds. The digests below were computed with the code before the
 * hot-path work (commit 7ba8ab4), so any change that alters a byte a learner can see (a header, a
 * ciphertext, an escrow blob, a key in the directory or in a device's state) fails here, whichever
 * X25519 implementation generated the world.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8ToBytes } from '@/lib/crypto/bytes';
import { encodeHeader } from './envelope-header';
import { encodeEscrowEpochHeader } from './escrow-epoch';
import { nobleX25519Engine, webCryptoX25519Engine } from '@/lib/crypto/x25519-platform';
import { generateWorld, type World, type WorldOptions } from './world';

/** Canonical JSON: object keys sorted, bytes as hex, so only values (not construction order) count. */
function canonical(value: unknown): string {
  if (value instanceof Uint8Array) return JSON.stringify(`0x${bytesToHex(value)}`);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 over every envelope's wire bytes: encoded header, ciphertext, escrow blob and wrapped key. */
function wireDigest(world: World): string {
  const h = sha256.create();
  for (const { envelope } of world.relay.records) {
    h.update(encodeHeader(envelope.header));
    h.update(envelope.ciphertext);
    if (envelope.escrow) {
      h.update(encodeEscrowEpochHeader(envelope.escrow.epochBlob.header));
      for (const s of envelope.escrow.epochBlob.seals)
        h.update(utf8ToBytes(s.authorityId)).update(s.enc).update(s.ciphertext);
      h.update(envelope.escrow.wrappedKey);
    }
  }
  return bytesToHex(h.digest());
}

/** SHA-256 over everything else a learner can inspect: keys, directory, every device state version. */
function stateDigest(world: World): string {
  const { participants, directory, deviceHistory, schedule, conversations } = world;
  const authorities = world.escrow?.authorities ?? null;
  return bytesToHex(
    sha256(utf8ToBytes(canonical({ participants, directory, deviceHistory, schedule, conversations, authorities }))),
  );
}

const PINNED: readonly { options: WorldOptions; wire: string; state: string }[] = [
  {
    options: { seed: 'pin', messages: 60, mode: 'ratchet', escrow: { variant: 'single' } },
    wire: 'f4319af0b385523b744b891c39823ebb40a100461aa3032e1f4860f603bb5429',
    state: 'e3af0b4e0110c157c55470f8f1277662127a9bd1b6022abac694de3de1f8cec0',
  },
  {
    options: {
      seed: 'pin',
      messages: 60,
      mode: 'ratchet',
      escrow: { variant: 'two-governments', enabledAt: 3 * 1440 },
    },
    wire: '938f25b6e279d6dda5330adc5cf68c225dd85ccc67f1c7af1183bd50b020b5b9',
    state: 'ef6f878c6e314bda3293886e6ae1eeb37abf549a9425b08ec78014d3221b5a46',
  },
  {
    options: { seed: 'pin', messages: 60, mode: 'ratchet' },
    wire: '4ce38ceb8c69062284307a10df3439877c96a5dc65a1bccee18903eaeeb880d0',
    state: '9007eb24f38c121d2e0a16c3d822867fa774c07c92162dcf0884e1216888a4d9',
  },
  {
    options: { seed: 'pin', messages: 60, mode: 'static', escrow: { variant: 'single' } },
    wire: '8d07494f240f611ae6b24a3d1c6d5b4d1fffa94cbd025671e47519fc8165c004',
    state: '382bee7934ab2122f6222d401b43928a379e6ba9c009e1eac1de6e884ce9d5fa',
  },
];

describe('seeded worlds are byte-for-byte what they were before the hot-path work', () => {
  for (const pin of PINNED) {
    for (const x25519 of [nobleX25519Engine, webCryptoX25519Engine()]) {
      it(`${pin.options.mode}, escrow ${pin.options.escrow?.variant ?? 'off'}, X25519 by ${x25519.name}`, async () => {
        const world = await generateWorld(pin.options, { x25519 });
        expect({ wire: wireDigest(world), state: stateDigest(world) }).toEqual({ wire: pin.wire, state: pin.state });
      });
    }
  }
});
