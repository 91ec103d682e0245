import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToHex } from '@/lib/crypto/bytes';
import { decryptCapture } from './decrypt-capture';
import { captureFor, lootFor } from './capability';
import { deviceSnapshotAt } from './device-snapshot';
import { MEETING_PLACE_PHRASE } from './message-text';
import { generateWorld, type World } from './world';

const fingerprint = (w: World) => w.relay.records.map((r) => bytesToHex(r.envelope.ciphertext)).join('');

describe('generateWorld', () => {
  let world: World;
  beforeAll(async () => {
    world = await generateWorld({ seed: 'world-tests', escrow: { variant: 'single' } });
  });

  it('has the default size: 8 people, 20 conversations, 300 messages', () => {
    expect(world.participants).toHaveLength(8);
    expect(world.conversations).toHaveLength(20);
    expect(world.schedule).toHaveLength(300);
    expect(world.relay.records).toHaveLength(300);
    expect(world.mode).toBe('ratchet');
  });

  it('everyone takes part, every conversation has messages, and each is between two different people', () => {
    const talking = new Set(world.conversations.flatMap((c) => [c.initiator, c.responder]));
    expect(talking.size).toBe(8);
    for (const c of world.conversations) {
      expect(c.initiator).not.toBe(c.responder);
      const messages = world.schedule.filter((m) => m.conversationId === c.id);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages[0]!.sender).toBe(c.initiator);
      for (const m of messages) expect([m.sender, m.recipient].sort()).toEqual([c.initiator, c.responder].sort());
    }
  });

  it('the schedule is in strictly increasing time and matches the relay log record by record', () => {
    world.schedule.forEach((m, i) => {
      expect(m.index).toBe(i);
      if (i > 0) expect(m.sentAt).toBeGreaterThan(world.schedule[i - 1]!.sentAt);
      const record = world.relay.records[i]!;
      expect(record.seq).toBe(i);
      expect(record.at).toBe(m.sentAt);
      expect(record.envelope.header).toMatchObject({
        sender: m.sender,
        recipient: m.recipient,
        conversationId: m.conversationId,
        sentAt: m.sentAt,
      });
    });
  });

  it('exactly one message names the meeting place, and texts vary', () => {
    const hits = world.schedule.filter((m) => m.text.includes('boathouse'));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.index).toBe(world.meetingPlace.messageIndex);
    expect(hits[0]!.text).toContain(MEETING_PLACE_PHRASE);
    expect(new Set(world.schedule.map((m) => m.text)).size).toBeGreaterThan(100);
  });

  it('the wire carries no plaintext', () => {
    const text = world.schedule[world.meetingPlace.messageIndex]!.text;
    const wire = JSON.stringify(world.relay.records, (_k, v) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    expect(wire).not.toContain('boathouse');
    expect(wire).not.toContain(text.slice(0, 20));
  });

  it('is reproducible from the seed, and a different seed gives different keys and schedule', async () => {
    const again = await generateWorld({ seed: 'world-tests', escrow: { variant: 'single' } });
    expect(again.schedule).toEqual(world.schedule);
    expect(fingerprint(again)).toBe(fingerprint(world));
    expect(bytesToHex(again.participants[0]!.identity.secretKey)).toBe(
      bytesToHex(world.participants[0]!.identity.secretKey),
    );
    expect(again.escrow!.authorities[0]!.publicKey).toEqual(world.escrow!.authorities[0]!.publicKey);
    const other = await generateWorld({ seed: 'world-tests-2', escrow: { variant: 'single' } });
    expect(other.schedule.map((m) => m.text)).not.toEqual(world.schedule.map((m) => m.text));
    expect(bytesToHex(other.participants[0]!.identity.publicKey)).not.toBe(
      bytesToHex(world.participants[0]!.identity.publicKey),
    );
  });

  it('the schedule and identity keys do not depend on mode or escrow', async () => {
    const staticWorld = await generateWorld({ seed: 'world-tests', mode: 'static' });
    expect(staticWorld.schedule).toEqual(world.schedule);
    expect(staticWorld.participants.map((p) => bytesToHex(p.identity.publicKey))).toEqual(
      world.participants.map((p) => bytesToHex(p.identity.publicKey)),
    );
    expect(staticWorld.relay.records.every((r) => r.envelope.header.mode === 'static' && !r.envelope.escrow)).toBe(
      true,
    );
  });

  it('escrow is off by default', async () => {
    const plain = await generateWorld({ seed: 'world-tests', messages: 40, conversations: 5, people: 4 });
    expect(plain.escrow).toBeNull();
    expect(plain.relay.records.some((r) => r.envelope.escrow || r.envelope.header.escrow)).toBe(false);
  });

  it('a world, a capture, a loot and a report survive structured cloning (what a Web Worker receives)', async () => {
    const cloned = structuredClone(world);
    expect(fingerprint(cloned)).toBe(fingerprint(world));
    const capabilities = [
      { kind: 'tap-wire' as const },
      { kind: 'steal-escrow-key' as const, scenario: 'breach' as const },
    ];
    const capture = structuredClone(captureFor(cloned, capabilities));
    const { loot } = structuredClone(await lootFor(cloned, capabilities));
    const report = structuredClone(decryptCapture(capture, loot));
    expect(report.counts.opened).toBe(300);
    const snapshot = structuredClone(deviceSnapshotAt(cloned, 'alice', 1000));
    expect(snapshot.identity.secretKey).toBeInstanceOf(Uint8Array);
  });

  it('validates sizes with a message naming the limit', async () => {
    await expect(generateWorld({ seed: 's', people: 1 })).rejects.toThrow(/people/);
    await expect(generateWorld({ seed: 's', people: 3, conversations: 4 })).rejects.toThrow(/conversations/);
    await expect(generateWorld({ seed: 's', conversations: 20, messages: 10 })).rejects.toThrow(/messages/);
    await expect(generateWorld({ seed: '' })).rejects.toThrow(/seed/);
  });
});
