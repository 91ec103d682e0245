import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/crypto/random';
import { captureFor, lootFor } from '@/lib/protocol/capability';
import { decryptCapture } from '@/lib/protocol/decrypt-capture';
import { generateWorld } from '@/lib/protocol/world';
import { appendLearnerMessage } from './learner-message';

const small = { seed: 'learner', people: 3, conversations: 3, messages: 20, durationMinutes: 2880 };

describe('appendLearnerMessage', () => {
  it('sends through the real path: the recipient opens it, the relay logs it, escrow wraps it', async () => {
    const world = await generateWorld({ ...small, escrow: { variant: 'single' } });
    const out = appendLearnerMessage(
      world,
      { sender: 'carol', recipient: 'alice', text: 'hello from the learner' },
      seededRandom('t'),
    );
    expect(out.delivered).toBe('hello from the learner');
    expect(out.seq).toBe(20);
    expect(out.world.relay.records[20]!.envelope).toBe(out.envelope);
    expect(out.envelope.escrow).toBeDefined();
    expect(out.world.schedule[20]).toMatchObject({ sender: 'carol', recipient: 'alice', sentAt: world.endsAt + 1 });
    // The ciphertext is not the text.
    expect(new TextDecoder().decode(out.envelope.ciphertext)).not.toContain('hello');
    const caps = [{ kind: 'tap-wire' as const }, { kind: 'steal-escrow-key' as const, scenario: 'insider' as const }];
    const report = decryptCapture(captureFor(out.world, caps), (await lootFor(out.world, caps)).loot);
    expect(report.outcomes.find((o) => o.seq === 20)).toMatchObject({
      kind: 'opened',
      plaintext: 'hello from the learner',
    });
  });

  it('keeps the devices in step: a second message and a later phone theft still work (static: the phone opens it)', async () => {
    const world = await generateWorld({ ...small, mode: 'static' });
    const one = appendLearnerMessage(world, { sender: 'alice', recipient: 'bob', text: 'one' }, seededRandom('a'));
    const two = appendLearnerMessage(one.world, { sender: 'bob', recipient: 'alice', text: 'two' }, seededRandom('b'));
    expect(two.delivered).toBe('two');
    const caps = [
      { kind: 'tap-wire' as const },
      { kind: 'steal-device' as const, participant: 'alice', at: two.world.endsAt },
    ];
    const report = decryptCapture(captureFor(two.world, caps), (await lootFor(two.world, caps)).loot);
    expect(
      report.outcomes.filter((o) => o.kind === 'opened' && (o.plaintext === 'one' || o.plaintext === 'two')),
    ).toHaveLength(2);
  });

  it('refuses people without a conversation and unknown people', async () => {
    const world = await generateWorld({ ...small, people: 4, conversations: 2 });
    const pairs = new Set(world.conversations.map((c) => [c.initiator, c.responder].sort().join('|')));
    const ids = world.participants.map((p) => p.id);
    const stranger = ids
      .flatMap((a) => ids.map((b) => [a, b] as const))
      .find(([a, b]) => a < b && !pairs.has(`${a}|${b}`))!;
    expect(() =>
      appendLearnerMessage(world, { sender: stranger[0], recipient: stranger[1], text: 'x' }, seededRandom('c')),
    ).toThrow(/no conversation/);
    expect(() =>
      appendLearnerMessage(world, { sender: 'mallory', recipient: 'alice', text: 'x' }, seededRandom('c')),
    ).toThrow(/no participant 'mallory'/);
  });
});
