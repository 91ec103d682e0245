import { describe, expect, it } from 'vitest';
import { equalBytes } from '@/lib/crypto/bytes';
import { seededRandom } from '@/lib/crypto/random';
import { generateKeyPair } from '@/lib/crypto/x25519';
import { kdfChainKey } from '@/lib/protocol/chain-kdf';
import { traceRatchetChains } from './ratchet-chains';

const random = seededRandom('ratchet-chains-test');
const turns = [
  { sender: 'alice' as const, messages: 2 },
  { sender: 'bob' as const, messages: 3 },
  { sender: 'alice' as const, messages: 1 },
];
const trace = traceRatchetChains({ alice: generateKeyPair(random), bob: generateKeyPair(random), turns, random });

describe('traceRatchetChains', () => {
  it('one chain per turn, messages numbered from 0 in each', () => {
    expect(trace.map((t) => [t.sender, t.links.map((l) => l.messageNumber)])).toEqual([
      ['alice', [0, 1]],
      ['bob', [0, 1, 2]],
      ['alice', [0]],
    ]);
  });

  it('within a chain each message key is HMAC(chain key, 0x01) and the next chain key HMAC(chain key, 0x02)', () => {
    for (const t of trace)
      t.links.forEach((l, i) => {
        expect(l.messageKey).toEqual(kdfChainKey(l.chainKey).messageKey);
        if (i > 0) expect(l.chainKey).toEqual(kdfChainKey(t.links[i - 1]!.chainKey).nextChainKey);
      });
  });

  it('every turn brings a new ratchet key and a new root key, and the receiver derives every message key', () => {
    for (let i = 1; i < trace.length; i++) {
      expect(equalBytes(trace[i]!.ratchetPublicKey, trace[i - 1]!.ratchetPublicKey)).toBe(false);
      expect(equalBytes(trace[i]!.rootKey, trace[i - 1]!.rootKey)).toBe(false);
    }
    expect(trace.flatMap((t) => t.links).every((l) => l.receiverAgrees)).toBe(true);
  });

  it('refuses a conversation Bob opens', () => {
    expect(() =>
      traceRatchetChains({
        alice: generateKeyPair(random),
        bob: generateKeyPair(random),
        turns: [{ sender: 'bob', messages: 1 }],
        random,
      }),
    ).toThrow(/Alice/);
  });
});
