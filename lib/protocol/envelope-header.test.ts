import { beforeAll, describe, expect, it } from 'vitest';
import { flipBit } from '@/lib/crypto/bytes';
import type { Envelope } from './envelope';
import { HeaderDecodeError, decodeHeader, encodeHeader, type EnvelopeHeader } from './envelope-header';
import { deliverToRecipient } from './forgery';
import { generateWorld, type World } from './world';

describe('header encoding', () => {
  let world: World;
  beforeAll(async () => {
    world = await generateWorld({
      seed: 'header-tests',
      people: 4,
      conversations: 3,
      messages: 30,
      escrow: { variant: 'single' },
    });
  });

  it('round-trips every header of a ratchet + escrow world, byte for byte', () => {
    for (const { envelope } of world.relay.records) {
      const bytes = encodeHeader(envelope.header);
      expect(decodeHeader(bytes)).toEqual(envelope.header);
      expect(encodeHeader(decodeHeader(bytes))).toEqual(bytes);
    }
  });

  it('the first message carries the X3DH ephemeral key, ratchet fields and the escrow epoch', () => {
    const first = world.relay.records[0]!.envelope.header;
    expect(first.mode).toBe('ratchet');
    expect(first.ephemeralPublicKey).toHaveLength(32);
    expect(first.ratchet?.publicKey).toHaveLength(32);
    expect(first.escrow).toEqual({ epoch: 0 });
  });

  it('refuses malformed bytes with a message naming the problem', () => {
    const bytes = encodeHeader(world.relay.records[0]!.envelope.header);
    expect(() => decodeHeader('not bytes')).toThrow(HeaderDecodeError);
    expect(() => decodeHeader(bytes.slice(0, bytes.length - 1))).toThrow(/ends early/);
    expect(() => decodeHeader(new Uint8Array([...bytes, 0]))).toThrow(/trailing/);
    const badMagic = bytes.slice();
    badMagic[0] = 0x58;
    expect(() => decodeHeader(badMagic)).toThrow(/magic/);
    const badFlags = bytes.slice();
    badFlags[5] = 0xff;
    expect(() => decodeHeader(badFlags)).toThrow(/flags/);
  });

  it('refuses to encode impossible headers', () => {
    const h = world.relay.records[0]!.envelope.header;
    expect(() => encodeHeader({ ...h, counter: -1 })).toThrow(RangeError);
    expect(() => encodeHeader({ ...h, sender: '' })).toThrow(RangeError);
    expect(() => encodeHeader({ ...h, ratchet: undefined })).toThrow(/ratchet/);
  });

  it('strings are UTF-8 with a byte length: non-ASCII ids round-trip, and the 255-byte limit counts bytes, not characters', () => {
    const h = world.relay.records[0]!.envelope.header;
    const named = { ...h, sender: 'zoë', conversationId: 'c-ß-€' };
    const bytes = encodeHeader(named);
    expect(decodeHeader(bytes)).toEqual(named);
    expect(bytes.length).toBe(
      encodeHeader(h).length + ('zoë'.length + 1 - h.sender.length) + ('c-ß-€'.length + 3 - h.conversationId.length),
    );
    expect(() => encodeHeader({ ...h, sender: 'é'.repeat(127) })).not.toThrow();
    expect(() => encodeHeader({ ...h, sender: 'é'.repeat(128) })).toThrow(/256/);
    expect(() => encodeHeader({ ...h, sender: 'a'.repeat(256) })).toThrow(/256/);
  });
});

describe('the header is the AEAD associated data: tampering with any field fails the open', () => {
  let world: World;
  let seq: number;
  let original: Envelope;
  beforeAll(async () => {
    world = await generateWorld({
      seed: 'tamper-tests',
      people: 4,
      conversations: 3,
      messages: 40,
      escrow: { variant: 'single' },
    });
    // A message in the middle of a turn of a conversation already under way (a normal receive).
    seq = world.relay.records.findIndex(
      (r, i) => i > 10 && r.envelope.header.ratchet!.messageNumber > 0 && !r.envelope.header.ephemeralPublicKey,
    );
    original = world.relay.records[seq]!.envelope;
  });

  it('the untouched envelope is accepted by the recipient', () => {
    expect(deliverToRecipient(world, seq, original)).toEqual({ accepted: true, plaintext: world.schedule[seq]!.text });
  });

  const other = (id: string) => (id === 'alice' ? 'bob' : 'alice');
  const edits: Record<string, (h: EnvelopeHeader) => EnvelopeHeader> = {
    counter: (h) => ({ ...h, counter: h.counter + 1 }),
    sentAt: (h) => ({ ...h, sentAt: h.sentAt + 1 }),
    'ratchet.previousChainLength': (h) => ({
      ...h,
      ratchet: { ...h.ratchet!, previousChainLength: h.ratchet!.previousChainLength + 1 },
    }),
    'escrow.epoch': (h) => ({ ...h, escrow: { epoch: h.escrow!.epoch + 1 } }),
    'escrow removed': (h) => ({ ...h, escrow: undefined }),
    'ephemeral key added': (h) => ({ ...h, ephemeralPublicKey: new Uint8Array(32).fill(9) }),
  };
  for (const [field, edit] of Object.entries(edits)) {
    it(`changing ${field} makes the tag fail`, () => {
      const tampered = { ...original, header: edit(original.header) };
      expect(encodeHeader(tampered.header)).not.toEqual(encodeHeader(original.header));
      const result = deliverToRecipient(world, seq, tampered);
      expect(result.accepted).toBe(false);
      if (!result.accepted) expect(result.reason).toBe('tag-failed');
    });
  }

  it('changing the sender, recipient or conversation is refused (those name the key to use)', () => {
    for (const header of [
      { ...original.header, sender: other(original.header.sender) },
      { ...original.header, recipient: other(original.header.recipient) },
      { ...original.header, conversationId: 'c99-someone-else' },
    ]) {
      expect(deliverToRecipient(world, seq, { ...original, header }).accepted).toBe(false);
    }
  });

  it('flipping any single bit of the encoded header fails (decode refuses, or the tag does)', () => {
    const bytes = encodeHeader(original.header);
    let tagFailures = 0;
    for (let bit = 0; bit < bytes.length * 8; bit += 3) {
      let header: EnvelopeHeader;
      try {
        header = decodeHeader(flipBit(bytes, bit));
      } catch (e) {
        expect(e).toBeInstanceOf(HeaderDecodeError);
        continue;
      }
      const result = deliverToRecipient(world, seq, { ...original, header });
      expect(result.accepted, `bit ${bit}`).toBe(false);
      if (!result.accepted && result.reason === 'tag-failed') tagFailures++;
    }
    expect(tagFailures).toBeGreaterThan(10);
  });

  it('flipping a ciphertext bit fails the tag', () => {
    const result = deliverToRecipient(world, seq, { ...original, ciphertext: flipBit(original.ciphertext, 7) });
    expect(result).toMatchObject({ accepted: false, reason: 'tag-failed' });
  });
});
