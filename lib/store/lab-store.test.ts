import { describe, expect, it } from 'vitest';
import { bytesToHex, equalBytes } from '@/lib/crypto/bytes';
import { createLabStore } from './lab-store';

function runToDelivery(seed?: string) {
  const lab = createLabStore(seed);
  const s = () => lab.getState();
  s().generateKeyPair('alice');
  s().generateKeyPair('bob');
  s().exchangePublicKeys();
  s().computeSharedSecrets();
  s().deriveKeys();
  s().encrypt('meet at six');
  return lab;
}

describe('two-party lab', () => {
  it('both sides compute the same shared secret and key, and Bob reads the message', () => {
    const lab = runToDelivery();
    const st = lab.getState();
    expect(equalBytes(st.shared.alice!, st.shared.bob!)).toBe(true);
    expect(equalBytes(st.derived.alice!.key, st.derived.bob!.key)).toBe(true);
    st.decrypt();
    expect(lab.getState().bobResult).toMatchObject({ ok: true, plaintext: 'meet at six' });
  });

  it('the wire carries public keys, header, nonce and ciphertext, never a secret', () => {
    const st = runToDelivery().getState();
    expect(st.wire.map((w) => w.label)).toEqual([
      "Alice's public key",
      "Bob's public key",
      'Header (associated data)',
      'Nonce',
      'Ciphertext ‖ tag',
    ]);
    const secrets = [st.keys.alice!.secretKey, st.keys.bob!.secretKey, st.shared.alice!, st.derived.alice!.key].map(
      bytesToHex,
    );
    for (const w of st.wire) for (const s of secrets) expect(bytesToHex(w.bytes)).not.toContain(s);
  });

  it('a flipped bit anywhere in the delivered bytes makes Bob refuse', () => {
    const lab = runToDelivery();
    const bits = lab.getState().delivered!.length * 8;
    for (const bit of [0, 7, bits - 1]) {
      lab.getState().encrypt('meet at six');
      lab.getState().tamper(bit);
      lab.getState().decrypt();
      const r = lab.getState().bobResult!;
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/authentication tag does not match/);
    }
  });

  it('a bit outside the message is refused with the valid range', () => {
    const lab = runToDelivery();
    lab.getState().tamper(9999);
    expect(lab.getState().error?.message).toMatch(/^Choose a bit from 0 to \d+/);
  });

  it('acting out of order explains what to do first', () => {
    const lab = createLabStore();
    lab.getState().exchangePublicKeys();
    expect(lab.getState().error).toEqual({
      action: 'exchangePublicKeys',
      message: "Generate Alice's and Bob's key pairs first.",
    });
    lab.getState().generateKeyPair('alice');
    lab.getState().exchangePublicKeys();
    expect(lab.getState().error?.message).toBe("Generate Bob's key pair first.");
    lab.getState().encrypt('x');
    expect(lab.getState().error?.message).toBe('Derive the message key first.');
  });

  it('a seed reproduces every byte; without one, keys differ', () => {
    const a = runToDelivery('handout').getState();
    const b = runToDelivery('handout').getState();
    expect(bytesToHex(a.delivered!)).toBe(bytesToHex(b.delivered!));
    expect(a.keys.alice!.randomness).toBe('demo');
    const c = runToDelivery().getState();
    const d = runToDelivery().getState();
    expect(bytesToHex(c.keys.alice!.publicKey)).not.toBe(bytesToHex(d.keys.alice!.publicKey));
  });

  it('recordOnWire appends items from elsewhere in the lab (via the server), numbering on', () => {
    const lab = runToDelivery();
    const before = lab.getState().wire;
    lab.getState().recordOnWire([
      { from: 'alice', to: 'server', label: 'Envelope 1', bytes: Uint8Array.of(1, 2) },
      { from: 'server', to: 'bob', label: 'Envelope 1', bytes: Uint8Array.of(1, 2) },
    ]);
    const after = lab.getState().wire;
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((w) => [w.id, w.from, w.to])).toEqual([
      [before.length + 1, 'alice', 'server'],
      [before.length + 2, 'server', 'bob'],
    ]);
  });
});
