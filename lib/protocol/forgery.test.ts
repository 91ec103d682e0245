import { beforeAll, describe, expect, it } from 'vitest';
import { lootFor } from './capability';
import {
  deliverToRecipient,
  forgeByEditingCiphertext,
  forgeWithEscrowKey,
  recoverTrafficKeyWithEscrow,
} from './forgery';
import { generateWorld, type World } from './world';

const SIZE = { seed: 'forgery-tests', people: 4, conversations: 4, messages: 50 } as const;
const FORGED_TEXT = 'Change of plan: transfer the deposit to account 99-1234 today.';

describe.each(['ratchet', 'static'] as const)('forgery in %s mode', (mode) => {
  let escrowed: World;
  let plain: World;
  beforeAll(async () => {
    [escrowed, plain] = await Promise.all([
      generateWorld({ ...SIZE, mode, escrow: { variant: 'single' } }),
      generateWorld({ ...SIZE, mode }),
    ]);
  });

  it("with a stolen escrow key: re-sealed under the same header, the recipient's normal client accepts the forgery", async () => {
    const { loot } = await lootFor(escrowed, [{ kind: 'steal-escrow-key', scenario: 'phishing' }]);
    let accepted = 0;
    for (const seq of [3, 17, 33, 49]) {
      const original = escrowed.relay.records[seq]!.envelope;
      const attempt = forgeWithEscrowKey(original, loot.escrowKeys, FORGED_TEXT);
      expect(attempt.ok).toBe(true);
      if (!attempt.ok) continue;
      expect(attempt.forged.header).toBe(original.header); // the very same header
      expect(attempt.forged.escrow).toBe(original.escrow); // and the same escrow blob
      expect(deliverToRecipient(escrowed, seq, attempt.forged)).toEqual({ accepted: true, plaintext: FORGED_TEXT });
      accepted++;
    }
    expect(accepted).toBe(4);
  });

  it('without escrow: the wire attacker has no key, and editing the ciphertext fails the tag', () => {
    const seq = 17;
    const original = plain.relay.records[seq]!.envelope;
    expect(forgeWithEscrowKey(original, [], FORGED_TEXT)).toMatchObject({ ok: false });
    // Even knowing the exact plaintext (the strongest keyless position), the edit is caught.
    const attempt = forgeByEditingCiphertext(original, plain.schedule[seq]!.text, FORGED_TEXT);
    expect(attempt.ok).toBe(true);
    if (!attempt.ok) return;
    expect(deliverToRecipient(plain, seq, attempt.forged)).toMatchObject({ accepted: false, reason: 'tag-failed' });
    // The original still goes through, so the refusal is about the edit.
    expect(deliverToRecipient(plain, seq, original)).toEqual({ accepted: true, plaintext: plain.schedule[seq]!.text });
  });

  it('with escrow on but no stolen key, the same keyless edit still fails', () => {
    const seq = 33;
    const original = escrowed.relay.records[seq]!.envelope;
    const attempt = forgeByEditingCiphertext(original, escrowed.schedule[seq]!.text, FORGED_TEXT);
    if (!attempt.ok) throw new Error('unreachable');
    expect(deliverToRecipient(escrowed, seq, attempt.forged)).toMatchObject({ accepted: false, reason: 'tag-failed' });
  });

  it('a key for another authority does not recover the traffic key', async () => {
    const other = await generateWorld({ ...SIZE, seed: 'another-authority', mode, escrow: { variant: 'single' } });
    const { loot } = await lootFor(other, [{ kind: 'steal-escrow-key', scenario: 'breach' }]);
    expect(recoverTrafficKeyWithEscrow(escrowed.relay.records[5]!.envelope, loot.escrowKeys)).toBeNull();
  });
});
