import { describe, expect, it } from 'vitest';
import { equalBytes } from '@/lib/crypto/bytes';
import { seededRandom } from '@/lib/crypto/random';
import { initialConversationKeyState, sendMessage } from '@/lib/protocol/device';
import { encodeHeader } from '@/lib/protocol/envelope-header';
import { encodeEscrowEpochHeader } from '@/lib/protocol/escrow-epoch';
import {
  createLabAuthority,
  labClient,
  labDirectory,
  labPerson,
  singleAuthorityPolicy,
} from '@/lib/scenarios/lab-people';
import {
  authorityReads,
  BINDING_TEXTS,
  moveEscrowField,
  recipientReceives,
  sealBindingScene,
  sealWithEscrowField,
} from './escrow-binding-scene';

describe('escrow binding scene', () => {
  it('"bound" is byte for byte what the real client (device.sendMessage) makes', () => {
    const setup = seededRandom('binding-parity-setup');
    const alice = labPerson('alice', setup);
    const bob = labPerson('bob', setup);
    const directory = labDirectory([alice, bob]);
    const authority = createLabAuthority(setup);
    const state = initialConversationKeyState('static', 'initiator', {
      conversationId: 'c',
      peer: 'bob',
      identity: alice.identity,
      directory,
    });
    const real = sendMessage(
      state,
      'hello',
      100,
      labClient(alice, directory, seededRandom('same'), singleAuthorityPolicy(authority)),
    ).envelope;
    const mine = sealWithEscrowField(state, alice, 'hello', 100, authority, 'bound', seededRandom('same'));
    expect(equalBytes(encodeHeader(mine.header), encodeHeader(real.header))).toBe(true);
    expect(equalBytes(mine.ciphertext, real.ciphertext)).toBe(true);
    expect(equalBytes(mine.escrow!.wrappedKey, real.escrow!.wrappedKey)).toBe(true);
    expect(
      equalBytes(
        encodeEscrowEpochHeader(mine.escrow!.epochBlob.header),
        encodeEscrowEpochHeader(real.escrow!.epochBlob.header),
      ),
    ).toBe(true);
    expect(equalBytes(mine.escrow!.epochBlob.seals[0]!.enc, real.escrow!.epochBlob.seals[0]!.enc)).toBe(true);
    expect(equalBytes(mine.escrow!.epochBlob.seals[0]!.ciphertext, real.escrow!.epochBlob.seals[0]!.ciphertext)).toBe(
      true,
    );
    // The unbound field differs only in the escrow seal and wrap.
    const broken = sealWithEscrowField(state, alice, 'hello', 100, authority, 'unbound', seededRandom('same'));
    expect(equalBytes(broken.ciphertext, real.ciphertext)).toBe(true);
    expect(equalBytes(broken.escrow!.epochBlob.seals[0]!.enc, real.escrow!.epochBlob.seals[0]!.enc)).toBe(true);
    expect(equalBytes(broken.escrow!.epochBlob.seals[0]!.ciphertext, real.escrow!.epochBlob.seals[0]!.ciphertext)).toBe(
      false,
    );
    expect(equalBytes(broken.escrow!.wrappedKey, real.escrow!.wrappedKey)).toBe(false);
  });

  it.each(['bound', 'unbound'] as const)(
    '%s: the authority reads each message through its own field; recipients accept',
    (binding) => {
      const scene = sealBindingScene(binding, seededRandom(`own-${binding}`));
      for (const m of scene.messages) {
        const r = authorityReads(scene, m.envelope);
        expect(r.plaintext).toBe(BINDING_TEXTS[m.number]);
        expect(r.stages.map((s) => s.ok)).toEqual([true, true, true, true]);
        expect(recipientReceives(scene, m.recipient, m.envelope)).toEqual({ accepted: true, plaintext: m.text });
      }
    },
  );

  it('unbound: the moved field opens, yields the wrong key, and message 2 silently fails', () => {
    const scene = sealBindingScene('unbound', seededRandom('swap-unbound'));
    const swap = moveEscrowField(scene);
    expect(swap.authority.stages.map((s) => [s.stage, s.ok])).toEqual([
      ['field-check', true],
      ['hpke-open', true],
      ['unwrap', true],
      ['message-tag', false],
    ]);
    expect(swap.authority.plaintext).toBeNull();
    expect(swap.recipient).toEqual({ accepted: true, plaintext: BINDING_TEXTS[2] });
  });

  it('bound: HPKE refuses the moved field at once', () => {
    const scene = sealBindingScene('bound', seededRandom('swap-bound'));
    const swap = moveEscrowField(scene);
    expect(swap.authority.stages.map((s) => [s.stage, s.ok])).toEqual([
      ['field-check', true],
      ['hpke-open', false],
    ]);
    expect(swap.recipient).toEqual({ accepted: true, plaintext: BINDING_TEXTS[2] });
  });

  it('a field that names another message is refused by the field check', () => {
    const scene = sealBindingScene('bound', seededRandom('swap-whole'));
    const [m1, m2] = scene.messages;
    const r = authorityReads(scene, { ...m2.envelope, escrow: m1.envelope.escrow });
    expect(r.stages).toHaveLength(1);
    expect(r.stages[0]).toMatchObject({ stage: 'field-check', ok: false });
  });
});
