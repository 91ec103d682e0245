import { beforeAll, describe, expect, it } from 'vitest';
import { flipBit } from '@/lib/crypto/bytes';
import { seededRandom } from '@/lib/crypto/random';
import { generateHpkeKeyPair } from '@/lib/crypto/hpke';
import { captureFor, lootFor, type Capture, type Loot } from './capability';
import { decryptCapture } from './decrypt-capture';
import type { Envelope } from './envelope';
import { encodeEscrowEpochHeader, openEscrowEpoch, sealEscrowEpoch, type EscrowEpochHeader } from './escrow-epoch';
import { MINUTES_PER_DAY } from './sim-time';
import { generateWorld, type World } from './world';

const EPOCH = 2 * MINUTES_PER_DAY;

describe('escrow epochs', () => {
  let world: World;
  let capture: Capture;
  let loot: Loot;
  beforeAll(async () => {
    world = await generateWorld({
      seed: 'escrow-epochs',
      people: 4,
      conversations: 4,
      messages: 80,
      durationMinutes: 12 * MINUTES_PER_DAY,
      escrow: { variant: 'single', epochMinutes: EPOCH },
    });
    capture = captureFor(world, [{ kind: 'tap-wire' }]);
    loot = (await lootFor(world, [{ kind: 'steal-escrow-key', scenario: 'insider' }])).loot;
  });

  it('one HPKE-sealed epoch key per (conversation, sender, epoch), shared by every envelope of the epoch; epochs rotate by age', () => {
    const blobs = new Map<string, Envelope['escrow']>();
    for (const { envelope } of world.relay.records) {
      const h = envelope.header;
      const blob = envelope.escrow!.epochBlob;
      expect(blob.header).toMatchObject({
        conversationId: h.conversationId,
        sender: h.sender,
        recipient: h.recipient,
        epoch: h.escrow!.epoch,
      });
      expect(h.sentAt - blob.header.startedAt).toBeLessThan(EPOCH);
      const id = `${h.conversationId}|${h.sender}|${h.escrow!.epoch}`;
      const first = blobs.get(id);
      if (first) expect(blob).toBe(first.epochBlob);
      else blobs.set(id, envelope.escrow);
    }
    // Far fewer HPKE seals than messages, and more than one epoch somewhere.
    expect(blobs.size).toBeLessThan(world.relay.records.length / 2);
    expect(world.relay.records.some((r) => r.envelope.header.escrow!.epoch > 0)).toBe(true);
  });

  it('the sealed epoch key is bound to its epoch header (HPKE info and aad)', () => {
    const random = seededRandom('binding');
    const authority = generateHpkeKeyPair(random);
    const header: EscrowEpochHeader = {
      conversationId: 'c1',
      sender: 'alice',
      recipient: 'bob',
      epoch: 0,
      startedAt: 10,
      firstCounter: 0,
    };
    const epochKey = random.bytes(32);
    const blob = sealEscrowEpoch(header, epochKey, [{ authorityId: 'a', publicKey: authority.publicKey }], random);
    expect(openEscrowEpoch(blob, 'a', authority.secretKey)).toEqual(epochKey);
    expect(() =>
      openEscrowEpoch({ ...blob, header: { ...header, recipient: 'carol' } }, 'a', authority.secretKey),
    ).toThrow(/tag/);
    expect(() => openEscrowEpoch(blob, 'b', authority.secretKey)).toThrow(/no seal/);
    expect(encodeEscrowEpochHeader(header)).not.toEqual(encodeEscrowEpochHeader({ ...header, epoch: 1 }));
  });

  it('an escrow blob replayed into another conversation, or a damaged seal or wrap, gives tag-failed, not a wrong plaintext', () => {
    const records = capture.records;
    const a = records[10]!;
    const b = records.find((r) => r.envelope.header.conversationId !== a.envelope.header.conversationId)!;
    const swapped = { ...a, envelope: { ...a.envelope, escrow: b.envelope.escrow } };
    const damagedWrap = {
      ...a,
      envelope: {
        ...a.envelope,
        escrow: { ...a.envelope.escrow!, wrappedKey: flipBit(a.envelope.escrow!.wrappedKey, 5) },
      },
    };
    const blob = a.envelope.escrow!.epochBlob;
    const damagedSeal = {
      ...a,
      envelope: {
        ...a.envelope,
        escrow: {
          ...a.envelope.escrow!,
          epochBlob: { ...blob, seals: [{ ...blob.seals[0]!, ciphertext: flipBit(blob.seals[0]!.ciphertext, 1) }] },
        },
      },
    };
    for (const record of [swapped, damagedWrap, damagedSeal]) {
      const report = decryptCapture({ ...capture, records: [record] }, loot);
      expect(report.outcomes[0]).toMatchObject({ kind: 'tag-failed', triedWith: [{ kind: 'escrow-key' }] });
    }
  });

  it('the thief opens every envelope, whichever order (out-of-order epochs are reopened from the epoch key)', () => {
    const reversed = { ...capture, records: [...capture.records].reverse() };
    const report = decryptCapture(reversed, loot);
    expect(report.counts.opened).toBe(capture.records.length);
  });
});
