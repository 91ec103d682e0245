import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8ToBytes } from '@/lib/crypto/bytes';
import { createLabStore } from './lab-store';
import { createRelayConversationStore } from './relay-conversation-store';

function setup() {
  const lab = createLabStore('relay-test');
  const relay = createRelayConversationStore(lab);
  return { lab, relay };
}

describe('the relay conversation', () => {
  it('says which key pair is missing and sends nothing', () => {
    const { lab, relay } = setup();
    expect(relay.getState().send('alice', 'hi')).toBeNull();
    expect(relay.getState().error).toBe("Generate Alice's and Bob's key pairs first.");
    lab.getState().generateKeyPair('alice');
    expect(relay.getState().send('alice', 'hi')).toBeNull();
    expect(relay.getState().error).toBe("Generate Bob's key pair first.");
    lab.getState().generateKeyPair('bob');
    expect(relay.getState().send('bob', '   ')).toBeNull();
    expect(relay.getState().error).toBe('Type a message for Bob to send.');
    expect(relay.getState().send('bob', 'x'.repeat(501))).toBeNull();
    expect(relay.getState().error).toMatch(/500 characters/);
    expect(relay.getState().messages).toEqual([]);
    expect(lab.getState().wire).toEqual([]);
  });

  it('delivers both ways; the wire and the server carry the envelope, never the text', () => {
    const { lab, relay } = setup();
    lab.getState().generateKeyPair('alice');
    lab.getState().generateKeyPair('bob');
    const t0 = new Date(2030, 0, 1, 22, 5, 0);
    expect(relay.getState().send('alice', 'Meet at the old boathouse', t0)).toMatchObject({
      ok: true,
      plaintext: 'Meet at the old boathouse',
    });
    expect(relay.getState().send('bob', 'ok', new Date(t0.getTime() + 125_000))).toMatchObject({
      ok: true,
      plaintext: 'ok',
    });
    const { messages, error } = relay.getState();
    expect(error).toBeNull();
    expect(
      messages.map((m) => [m.sender, m.recipient, m.record.envelope.header.sentAt, m.receivedAt - t0.getTime()]),
    ).toEqual([
      ['alice', 'bob', 22 * 60 + 5, 0],
      ['bob', 'alice', 22 * 60 + 7, 125_000],
    ]);
    // Static-mode nonce: direction ‖ counter (message-encryption.ts).
    expect(bytesToHex(messages[0]!.nonce)).toBe('000000000000000000000000');
    expect(bytesToHex(messages[1]!.nonce)).toBe('000000010000000000000000');
    const wire = lab.getState().wire;
    expect(wire.map((w) => `${w.from}>${w.to} ${w.label}`)).toEqual([
      "alice>server Alice's public key",
      "server>bob Alice's public key",
      "bob>server Bob's public key",
      "server>alice Bob's public key",
      'alice>server Envelope 1: header ‖ ciphertext ‖ tag',
      'server>bob Envelope 1: header ‖ ciphertext ‖ tag',
      'bob>server Envelope 2: header ‖ ciphertext ‖ tag',
      'server>alice Envelope 2: header ‖ ciphertext ‖ tag',
    ]);
    const text = bytesToHex(utf8ToBytes('boathouse'));
    for (const w of wire) expect(bytesToHex(w.bytes)).not.toContain(text);
    expect(bytesToHex(wire[5]!.bytes)).toBe(bytesToHex(wire[4]!.bytes));
    expect(bytesToHex(wire[4]!.bytes).endsWith(bytesToHex(messages[0]!.record.envelope.ciphertext))).toBe(true);
  });

  it('prepare sets the conversation up once (the public keys go through the server) and sends nothing', () => {
    const { lab, relay } = setup();
    lab.getState().generateKeyPair('alice');
    lab.getState().generateKeyPair('bob');
    expect(relay.getState().prepare('alice', '')).toBe(false);
    expect(relay.getState().conversation).toBeNull();
    expect(relay.getState().prepare('alice', 'hello')).toBe(true);
    const conversation = relay.getState().conversation;
    expect(conversation?.records).toEqual([]);
    expect(relay.getState().prepare('bob', 'again')).toBe(true);
    expect(relay.getState().conversation).toBe(conversation);
    expect(lab.getState().wire).toHaveLength(4);
    expect(relay.getState().messages).toEqual([]);
  });

  it('starts over when a key pair changes', () => {
    const { lab, relay } = setup();
    lab.getState().generateKeyPair('alice');
    lab.getState().generateKeyPair('bob');
    relay.getState().send('alice', 'one');
    expect(relay.getState().messages).toHaveLength(1);
    lab.getState().generateKeyPair('bob');
    expect(relay.getState().messages).toEqual([]);
    expect(relay.getState().conversation).toBeNull();
    expect(relay.getState().send('bob', 'two')).toMatchObject({ ok: true });
    expect(relay.getState().messages[0]!.seq).toBe(0);
  });
});
