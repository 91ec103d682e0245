import { beforeAll, describe, expect, it } from 'vitest';
import { nobleX25519Engine, webCryptoX25519Engine } from '@/lib/crypto/x25519-platform';
import { captureFor, lootFor, type Capture, type Loot } from './capability';
import { decryptCapture } from './decrypt-capture';
import { escrowEpochKeyId, openEscrowEpochsAhead } from './escrow-epochs-ahead';
import { generateWorld, type World } from './world';

describe('openEscrowEpochsAhead', () => {
  let world: World;
  let capture: Capture;
  let loot: Loot;
  beforeAll(async () => {
    world = await generateWorld({
      seed: 'epochs-ahead',
      people: 5,
      conversations: 6,
      messages: 150,
      escrow: { variant: 'single', epochMinutes: 3 * 1440 },
    });
    capture = captureFor(world, [{ kind: 'tap-wire' }]);
    loot = (await lootFor(world, [{ kind: 'steal-escrow-key', scenario: 'breach' }])).loot;
  });

  it('opens each epoch once, with either engine, and the run given them decides every envelope exactly as without', async () => {
    const epochs = new Set(
      capture.records.map((r) =>
        escrowEpochKeyId(loot.escrowKeys[0]!.authorityId, r.envelope.header, r.envelope.header.escrow!.epoch),
      ),
    );
    const expected = decryptCapture(capture, loot);
    expect(expected.counts.opened).toBe(150);
    for (const x25519 of [nobleX25519Engine, webCryptoX25519Engine()]) {
      const opened = await openEscrowEpochsAhead(capture, loot, x25519);
      expect(new Set(opened.keys())).toEqual(epochs);
      expect([...opened.values()].every((root) => root instanceof Uint8Array && root.length === 32)).toBe(true);
      expect(decryptCapture(capture, loot, { openedEpochs: opened })).toEqual(expected);
    }
  });

  it('an epoch whose seal does not open is recorded as failed, and the run reports tag failures as it would on its own', async () => {
    const victim = capture.records[10]!.envelope;
    const blob = victim.escrow!.epochBlob;
    const damagedSeal = {
      ...blob.seals[0]!,
      ciphertext: blob.seals[0]!.ciphertext.map((b, i) => (i === 0 ? b ^ 1 : b)),
    };
    const damagedBlob = { ...blob, seals: [damagedSeal] };
    const damaged: Capture = {
      ...capture,
      records: capture.records.map((r) =>
        r.envelope.escrow?.epochBlob === blob
          ? { ...r, envelope: { ...r.envelope, escrow: { ...r.envelope.escrow, epochBlob: damagedBlob } } }
          : r,
      ),
    };
    const opened = await openEscrowEpochsAhead(damaged, loot, webCryptoX25519Engine());
    expect(
      opened.get(escrowEpochKeyId(loot.escrowKeys[0]!.authorityId, victim.header, victim.header.escrow!.epoch)),
    ).toBeNull();
    const expected = decryptCapture(damaged, loot);
    expect(expected.counts.tagFailed).toBeGreaterThan(0);
    expect(decryptCapture(damaged, loot, { openedEpochs: opened })).toEqual(expected);
  });
});
