import { describe, expect, it } from 'vitest';
import { bytesToHex } from '@/lib/crypto/bytes';
import { seededRandom } from '@/lib/crypto/random';
import { generateKeyPair } from '@/lib/crypto/x25519';
import { kdfChainKey } from './chain-kdf';
import {
  RatchetError,
  kdfRootKey,
  ratchetReceiveStep,
  ratchetSendStep,
  startRatchetAsInitiator,
  startRatchetAsResponder,
  type RatchetSession,
} from './double-ratchet';
import { x3dhInitiator, x3dhResponder } from './x3dh';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';

const random = seededRandom('double-ratchet tests');
const alice = generateKeyPair(random);
const bob = generateKeyPair(random);
const bobPrekey = generateKeyPair(random);

function start(): { a: RatchetSession; b: RatchetSession } {
  const a = startRatchetAsInitiator(
    { kind: 'ratchet-not-started', conversationId: 'c1', peer: 'bob', peerPrekeyPublic: bobPrekey.publicKey },
    alice.secretKey,
    bob.publicKey,
    random,
  );
  const b = startRatchetAsResponder(
    { kind: 'ratchet-awaiting-first-message', conversationId: 'c1', peer: 'alice', prekey: bobPrekey },
    bob.secretKey,
    alice.publicKey,
    a.x3dhEphemeralPublicKey!,
  );
  return { a, b };
}

describe('KDF_CK and KDF_RK', () => {
  it('KDF_CK is HMAC-SHA256(ck, 0x01) for the message key and (ck, 0x02) for the next chain key', () => {
    const ck = new Uint8Array(32).fill(3);
    const step = kdfChainKey(ck);
    expect(bytesToHex(step.messageKey)).toBe(bytesToHex(hmac(sha256, ck, Uint8Array.of(1))));
    expect(bytesToHex(step.nextChainKey)).toBe(bytesToHex(hmac(sha256, ck, Uint8Array.of(2))));
  });

  it('KDF_RK yields two different 32-byte keys that depend on both inputs', () => {
    const r1 = kdfRootKey(new Uint8Array(32), new Uint8Array(32).fill(1));
    const r2 = kdfRootKey(new Uint8Array(32).fill(1), new Uint8Array(32).fill(1));
    expect(r1.rootKey).toHaveLength(32);
    expect(bytesToHex(r1.rootKey)).not.toBe(bytesToHex(r1.chainKey));
    expect(bytesToHex(r1.rootKey)).not.toBe(bytesToHex(r2.rootKey));
  });
});

describe('simplified X3DH', () => {
  it('both sides reach the same secret; a different prekey gives a different one', () => {
    const ek = generateKeyPair(random);
    const common = { conversationId: 'c1' };
    const a = x3dhInitiator({
      ...common,
      identitySecret: alice.secretKey,
      ephemeralSecret: ek.secretKey,
      peerIdentityPublic: bob.publicKey,
      peerPrekeyPublic: bobPrekey.publicKey,
    });
    const b = x3dhResponder({
      ...common,
      identitySecret: bob.secretKey,
      prekeySecret: bobPrekey.secretKey,
      peerIdentityPublic: alice.publicKey,
      peerEphemeralPublic: ek.publicKey,
    });
    expect(bytesToHex(a)).toBe(bytesToHex(b));
    const other = x3dhResponder({
      ...common,
      identitySecret: bob.secretKey,
      prekeySecret: generateKeyPair(random).secretKey,
      peerIdentityPublic: alice.publicKey,
      peerEphemeralPublic: ek.publicKey,
    });
    expect(bytesToHex(other)).not.toBe(bytesToHex(a));
  });
});

describe('Double Ratchet', () => {
  it('both ends derive the same message keys across several turns, with a new ratchet key every turn', () => {
    let { a, b } = start();
    const ratchetKeys = new Set<string>();
    for (let turn = 0; turn < 6; turn++) {
      const [sender, receiver] = turn % 2 === 0 ? [a, b] : [b, a];
      let s = sender;
      let r = receiver;
      for (let k = 0; k < 3; k++) {
        const sent = ratchetSendStep(s);
        s = sent.session;
        ratchetKeys.add(bytesToHex(sent.fields.publicKey));
        const got = ratchetReceiveStep(r, sent.fields, random);
        r = got.session;
        expect(bytesToHex(got.messageKey)).toBe(bytesToHex(sent.messageKey));
      }
      [a, b] = turn % 2 === 0 ? [s, r] : [r, s];
    }
    expect(ratchetKeys.size).toBe(6);
    expect(a.x3dhEphemeralPublicKey).toBeNull(); // dropped once Bob answered
  });

  it('message keys are not kept: a chain key yields only later keys', () => {
    const { a } = start();
    const first = ratchetSendStep(a);
    const second = ratchetSendStep(first.session);
    // The state after the first send cannot re-derive the first key.
    const fromState = kdfChainKey(first.session.sendingChainKey!).messageKey;
    expect(bytesToHex(fromState)).toBe(bytesToHex(second.messageKey));
    expect(bytesToHex(fromState)).not.toBe(bytesToHex(first.messageKey));
    expect(JSON.stringify(first.session)).not.toContain(bytesToHex(first.messageKey));
  });

  it('out-of-order delivery within a chain works through skipped keys, once', () => {
    const { a, b } = start();
    const m0 = ratchetSendStep(a);
    const m1 = ratchetSendStep(m0.session);
    const got1 = ratchetReceiveStep(b, m1.fields, random);
    expect(bytesToHex(got1.messageKey)).toBe(bytesToHex(m1.messageKey));
    expect(got1.session.skippedMessageKeys).toHaveLength(1);
    const got0 = ratchetReceiveStep(got1.session, m0.fields, random);
    expect(bytesToHex(got0.messageKey)).toBe(bytesToHex(m0.messageKey));
    expect(got0.session.skippedMessageKeys).toHaveLength(0);
    expect(() => ratchetReceiveStep(got0.session, m0.fields, random)).toThrow(RatchetError);
  });

  it('refuses a header that would skip more than MAX_SKIP keys', () => {
    const { a, b } = start();
    const m0 = ratchetSendStep(a);
    expect(() => ratchetReceiveStep(b, { ...m0.fields, messageNumber: 5000 }, random)).toThrow(/MAX_SKIP/);
  });

  it('the responder cannot send before receiving', () => {
    const { b } = start();
    expect(() => ratchetSendStep(b)).toThrow(RatchetError);
  });
});
