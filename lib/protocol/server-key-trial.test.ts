import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/crypto/random';
import { generateKeyPair } from '@/lib/crypto/x25519';
import type { KeyAgreementMode } from './envelope-header';
import { serverHeldKeyCandidates, tryKeysOnRecords } from './server-key-trial';
import { sendInConversation, startTwoPartyConversation, type TwoPartyConversation } from './two-party-conversation';

function conversation(mode: KeyAgreementMode): TwoPartyConversation {
  const random = seededRandom(`server-${mode}`);
  let c = startTwoPartyConversation({
    mode,
    conversationId: 'alice-bob',
    identities: { alice: generateKeyPair(random), bob: generateKeyPair(random) },
    random,
  });
  for (let i = 0; i < 5; i++)
    c = sendInConversation(c, i % 2 ? 'bob' : 'alice', `message ${i}`, i, random).conversation;
  return c;
}

describe('the server tries the keys it can make', () => {
  it.each(['static', 'ratchet'] as const)('%s: public keys, and keys made from them, open nothing', (mode) => {
    const c = conversation(mode);
    const keys = serverHeldKeyCandidates(c.records, c.directory);
    // 2 identities (+1 prekey in ratchet mode), and every ordered pair of them for one conversation.
    const n = mode === 'static' ? 2 : 3;
    expect(keys).toHaveLength(n + n * (n - 1));
    expect(tryKeysOnRecords(c.records, keys)).toEqual({
      keys: keys.length,
      envelopes: 5,
      attempts: keys.length * 5,
      opened: 0,
    });
  });

  it('the same trial opens every message once it has the real conversation key', () => {
    const c = conversation('static');
    const session = c.devices.alice.session;
    if (session.kind !== 'static') throw new Error('expected a static session');
    const keys = [
      ...serverHeldKeyCandidates(c.records, c.directory),
      { label: 'the conversation key', key: session.conversationKey },
    ];
    expect(tryKeysOnRecords(c.records, keys).opened).toBe(5);
  });
});
