/**
 * Pins the bytes of small seeded worlds. The digests below were computed with the code before the
 * hot-path work (commit 7ba8ab4), then recomputed once when five message templates were reworded
 * (issue 11: "moved the review to on Friday"; the randomness drawn is unchanged), so any change that alters a byte a learner can see (a header, a
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
    wire: '63b7665337a03c1102fa9055d71bda8b514a64bcfa09dc85c65356b6885e5823',
    state: 'afa7e0c4fdf5f59f6a6d09feb292b23f5b04c79c3d0245329a3383d69326d992',
  },
  {
    options: {
      seed: 'pin',
      messages: 60,
      mode: 'ratchet',
      escrow: { variant: 'two-governments', enabledAt: 3 * 1440 },
    },
    wire: 'fa846831121a828cb0b4dd9ea36d60550b797c178a31f35af02cfc47c6858e82',
    state: '43b7bc476ed1724959733acdaa09c0b4f2399f2024971e97fb00ff333415ee9b',
  },
  {
    options: { seed: 'pin', messages: 60, mode: 'ratchet' },
    wire: '0a06160a7e8c530bfa81c1ea6559d05ee0e2c3c6eaef70be7d069dfe24577d92',
    state: 'de3ee8943ef57d5fbc591788861aab660dc5a547586317cfabf4fec94215ae65',
  },
  {
    options: { seed: 'pin', messages: 60, mode: 'static', escrow: { variant: 'single' } },
    wire: 'bb3f40276ef5ddfeef332598a3723c3aa1244205b23f87db0a92c7c95dcf88b5',
    state: 'ed2a708ea463e2e339a10ecb9983340e86a53f478229c94beaf226456cb54400',
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
