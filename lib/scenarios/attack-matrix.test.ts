/**
 * The central claim of the lab, checked both ways: what an attacker opens is decided by running the
 * decryption (lib code), and it equals what this test derives independently from the world's
 * schedule and the protocol's published rules (forward secrecy, healing, escrow start, epochs).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runAttack } from './attack';
import type { Capability } from '@/lib/protocol/capability';
import type { EscrowOptions } from '@/lib/protocol/escrow-setup';
import type { ScheduledMessage } from '@/lib/protocol/schedule';
import { MINUTES_PER_DAY } from '@/lib/protocol/sim-time';
import { generateWorld, type World } from '@/lib/protocol/world';

const SIZE = {
  seed: 'attack-matrix',
  people: 6,
  conversations: 9,
  messages: 160,
  durationMinutes: 20 * MINUTES_PER_DAY,
} as const;
const ESCROW_ON_AT = 6 * MINUTES_PER_DAY;
const EPOCH_MINUTES = 3 * MINUTES_PER_DAY;
const SINGLE: EscrowOptions = { variant: 'single', enabledAt: ESCROW_ON_AT, epochMinutes: EPOCH_MINUTES };

type Expected = Set<number>;

/** Opened envelope seqs of an attack, after checking every plaintext against the schedule. */
async function openedBy(world: World, capabilities: readonly Capability[]): Promise<Expected> {
  const { report } = await runAttack(world, capabilities);
  const opened = new Set<number>();
  for (const o of report.outcomes) {
    expect(o.kind, `seq ${o.seq}`).not.toBe('tag-failed'); // nothing in an honest world fails its tag
    if (o.kind === 'opened') {
      expect(o.plaintext).toBe(world.schedule[o.seq]!.text);
      opened.add(o.seq);
    }
  }
  return opened;
}

const sorted = (s: Iterable<number>) => [...s].sort((a, b) => a - b);
const involves = (m: ScheduledMessage, who: string) => m.sender === who || m.recipient === who;

/** Static mode, phone of `victim` stolen (any time): every message of every conversation the victim is in. */
function expectStaticPhone(schedule: readonly ScheduledMessage[], victim: string): Expected {
  return new Set(schedule.filter((m) => involves(m, victim)).map((m) => m.index));
}

/**
 * Ratchet mode, phone of `victim` stolen at `t`. Per conversation, walking the messages after t:
 * the victim's current keys are compromised until the victim sends with a ratchet key drawn after
 * t. The victim draws one when the peer starts a new turn (first message after a victim message,
 * or the very first message), and the initiator draws its first one with its first message.
 * Messages up to t: never (their keys were deleted).
 */
function expectRatchetPhone(schedule: readonly ScheduledMessage[], victim: string, t: number): Expected {
  const out = new Set<number>();
  const conversations = new Set(schedule.filter((m) => involves(m, victim)).map((m) => m.conversationId));
  for (const c of conversations) {
    const messages = schedule.filter((m) => m.conversationId === c);
    let victimKeyDrawnAfterTheft = false;
    for (const [i, m] of messages.entries()) {
      if (m.sentAt <= t) continue;
      const previous = messages[i - 1];
      if (m.sender === victim) {
        if (!previous) victimKeyDrawnAfterTheft = true; // the initiator draws its first ratchet key now
        if (victimKeyDrawnAfterTheft) break; // healed: this and everything later is out of reach
      } else if (!previous || previous.sender === victim) {
        victimKeyDrawnAfterTheft = true; // the peer starts a turn; the victim will answer with a fresh key
      }
      out.add(m.index);
    }
  }
  return out;
}

/** Escrow epochs of one direction, by the published rule: a new epoch when the current one is EPOCH_MINUTES old. */
function epochsOf(messages: readonly ScheduledMessage[], enabledAt: number, epochMinutes: number): Map<number, number> {
  const epochOf = new Map<number, number>();
  let epoch = -1;
  let start = 0;
  for (const m of messages) {
    if (m.sentAt < enabledAt) continue;
    if (epoch < 0 || m.sentAt - start >= epochMinutes) {
      epoch++;
      start = m.sentAt;
    }
    epochOf.set(m.index, epoch);
  }
  return epochOf;
}

/** Escrow on, phone stolen at t: the victim's later messages wrapped in the epoch the phone was in at t. */
function expectPhoneEscrowChain(schedule: readonly ScheduledMessage[], victim: string, t: number): Expected {
  const out = new Set<number>();
  const conversations = new Set(schedule.filter((m) => m.sender === victim).map((m) => m.conversationId));
  for (const c of conversations) {
    const sent = schedule.filter((m) => m.conversationId === c && m.sender === victim);
    const epochOf = epochsOf(sent, ESCROW_ON_AT, EPOCH_MINUTES);
    const lastBefore = [...sent].reverse().find((m) => m.sentAt <= t && epochOf.has(m.index));
    if (!lastBefore) continue;
    const current = epochOf.get(lastBefore.index);
    for (const m of sent) if (m.sentAt > t && epochOf.get(m.index) === current) out.add(m.index);
  }
  return out;
}

const union = (...sets: Expected[]) => new Set(sets.flatMap((s) => [...s]));

describe('attack matrix: what opens equals what the schedule says should', () => {
  let staticPlain: World;
  let ratchetPlain: World;
  let staticEscrow: World;
  let ratchetEscrow: World;
  let theftTimes: number[];

  beforeAll(async () => {
    [staticPlain, ratchetPlain, staticEscrow, ratchetEscrow] = await Promise.all([
      generateWorld({ ...SIZE, mode: 'static' }),
      generateWorld({ ...SIZE, mode: 'ratchet' }),
      generateWorld({ ...SIZE, mode: 'static', escrow: SINGLE }),
      generateWorld({ ...SIZE, mode: 'ratchet', escrow: SINGLE }),
    ]);
    const end = ratchetPlain.endsAt;
    theftTimes = [Math.floor(end * 0.2), Math.floor(end * 0.5), Math.floor(end * 0.8)];
  });

  it('the four worlds share one schedule (same seed)', () => {
    expect(staticPlain.schedule).toEqual(ratchetPlain.schedule);
    expect(staticEscrow.schedule).toEqual(ratchetEscrow.schedule);
    expect(staticPlain.schedule).toEqual(ratchetEscrow.schedule);
  });

  it('the wire alone and the server alone open nothing, in every world', async () => {
    for (const world of [staticPlain, ratchetPlain, staticEscrow, ratchetEscrow]) {
      expect(sorted(await openedBy(world, [{ kind: 'tap-wire' }]))).toEqual([]);
      expect(sorted(await openedBy(world, [{ kind: 'take-over-server' }]))).toEqual([]);
    }
  });

  it("static, no escrow, stolen phone: all the victim's conversations, past and future", async () => {
    for (const victim of staticPlain.participants.map((p) => p.id)) {
      for (const t of theftTimes) {
        const opened = await openedBy(staticPlain, [
          { kind: 'tap-wire' },
          { kind: 'steal-device', participant: victim, at: t },
        ]);
        expect(sorted(opened), `${victim} at ${t}`).toEqual(sorted(expectStaticPhone(staticPlain.schedule, victim)));
      }
    }
  });

  it('ratchet, no escrow, stolen phone: only after the theft and until healing', async () => {
    let someOpened = 0;
    let someHealed = 0;
    for (const victim of ratchetPlain.participants.map((p) => p.id)) {
      for (const t of theftTimes) {
        const expected = expectRatchetPhone(ratchetPlain.schedule, victim, t);
        const opened = await openedBy(ratchetPlain, [
          { kind: 'tap-wire' },
          { kind: 'steal-device', participant: victim, at: t },
        ]);
        expect(sorted(opened), `${victim} at ${t}`).toEqual(sorted(expected));
        for (const seq of opened) expect(ratchetPlain.schedule[seq]!.sentAt).toBeGreaterThan(t); // forward secrecy
        someOpened += opened.size;
        someHealed += ratchetPlain.schedule.filter(
          (m) => involves(m, victim) && m.sentAt > t && !opened.has(m.index),
        ).length;
      }
    }
    // The matrix is not vacuous: phones do open something, and healing does lock thieves out.
    expect(someOpened).toBeGreaterThan(0);
    expect(someHealed).toBeGreaterThan(0);
  });

  it("ratchet with escrow, stolen phone: the ratchet set plus the phone's own escrow chain until the epoch rotates", async () => {
    let chainOnly = 0;
    for (const victim of ratchetEscrow.participants.map((p) => p.id)) {
      for (const t of theftTimes) {
        const ratchetSet = expectRatchetPhone(ratchetEscrow.schedule, victim, t);
        const chainSet = expectPhoneEscrowChain(ratchetEscrow.schedule, victim, t);
        const opened = await openedBy(ratchetEscrow, [
          { kind: 'tap-wire' },
          { kind: 'steal-device', participant: victim, at: t },
        ]);
        expect(sorted(opened), `${victim} at ${t}`).toEqual(sorted(union(ratchetSet, chainSet)));
        chainOnly += [...chainSet].filter((s) => !ratchetSet.has(s)).length;
      }
    }
    expect(chainOnly).toBeGreaterThan(0); // escrow really does extend what a stolen phone opens
  });

  it('static with escrow, stolen phone: the same as static without (already everything)', async () => {
    const victim = staticEscrow.participants[1]!.id;
    const opened = await openedBy(staticEscrow, [
      { kind: 'tap-wire' },
      { kind: 'steal-device', participant: victim, at: theftTimes[1]! },
    ]);
    expect(sorted(opened)).toEqual(sorted(expectStaticPhone(staticEscrow.schedule, victim)));
  });

  it('ratchet with escrow, stolen escrow key: every message sent after escrow was switched on, nothing before', async () => {
    for (const scenario of ['insider', 'breach', 'phishing'] as const) {
      const opened = await openedBy(ratchetEscrow, [{ kind: 'tap-wire' }, { kind: 'steal-escrow-key', scenario }]);
      const expected = ratchetEscrow.schedule.filter((m) => m.sentAt >= ESCROW_ON_AT).map((m) => m.index);
      expect(sorted(opened)).toEqual(expected);
      expect(expected.length).toBeLessThan(ratchetEscrow.schedule.length); // some were sent before the switch
    }
  });

  it('static with escrow, stolen escrow key: whole conversations, including before the switch (the key is the conversation key)', async () => {
    const opened = await openedBy(staticEscrow, [
      { kind: 'tap-wire' },
      { kind: 'steal-escrow-key', scenario: 'insider' },
    ]);
    const escrowedConversations = new Set(
      staticEscrow.schedule.filter((m) => m.sentAt >= ESCROW_ON_AT).map((m) => m.conversationId),
    );
    const expected = staticEscrow.schedule
      .filter((m) => escrowedConversations.has(m.conversationId))
      .map((m) => m.index);
    expect(sorted(opened)).toEqual(expected);
    expect(expected.some((seq) => staticEscrow.schedule[seq]!.sentAt < ESCROW_ON_AT)).toBe(true);
  });

  it('without escrow, there is no escrow key to steal', async () => {
    const { lootNotes } = await runAttack(ratchetPlain, [
      { kind: 'tap-wire' },
      { kind: 'steal-escrow-key', scenario: 'breach' },
    ]);
    expect(lootNotes[0]!.outcome).toBe('nothing');
    expect(
      sorted(await openedBy(ratchetPlain, [{ kind: 'tap-wire' }, { kind: 'steal-escrow-key', scenario: 'breach' }])),
    ).toEqual([]);
  });

  it('a tap on one link or in a window yields only that traffic to decrypt', async () => {
    const victim = ratchetEscrow.participants[2]!.id;
    const onLink = await openedBy(ratchetEscrow, [
      { kind: 'tap-wire', link: victim },
      { kind: 'steal-escrow-key', scenario: 'breach' },
    ]);
    expect(sorted(onLink)).toEqual(
      ratchetEscrow.schedule.filter((m) => involves(m, victim) && m.sentAt >= ESCROW_ON_AT).map((m) => m.index),
    );
    const [from, to] = [theftTimes[0]!, theftTimes[1]!];
    const inWindow = await openedBy(ratchetEscrow, [
      { kind: 'tap-wire', from, to },
      { kind: 'steal-escrow-key', scenario: 'breach' },
    ]);
    expect(sorted(inWindow)).toEqual(
      ratchetEscrow.schedule
        .filter((m) => m.sentAt >= Math.max(from, ESCROW_ON_AT) && m.sentAt <= to)
        .map((m) => m.index),
    );
  });
});

describe('attack matrix: split and multiple escrow keys', () => {
  const worlds: Record<string, World> = {};
  beforeAll(async () => {
    const small = { ...SIZE, messages: 90, seed: 'attack-matrix-split' };
    worlds.xor = await generateWorld({ ...small, escrow: { ...SINGLE, variant: 'xor-2-of-2' } });
    worlds.shamir = await generateWorld({
      ...small,
      escrow: { ...SINGLE, variant: 'shamir', shamir: { shares: 5, threshold: 3 } },
    });
    worlds.gov = await generateWorld({ ...small, escrow: { ...SINGLE, variant: 'two-governments' } });
  });
  const escrowed = (w: World) => w.schedule.filter((m) => m.sentAt >= ESCROW_ON_AT).map((m) => m.index);

  it('XOR 2-of-2: one half opens nothing; both halves open everything escrowed', async () => {
    const w = worlds.xor!;
    expect(sorted(await openedBy(w, [{ kind: 'tap-wire' }, { kind: 'steal-key-pieces', agencies: ['nist'] }]))).toEqual(
      [],
    );
    expect(
      sorted(await openedBy(w, [{ kind: 'tap-wire' }, { kind: 'steal-key-pieces', agencies: ['treasury'] }])),
    ).toEqual([]);
    expect(
      sorted(await openedBy(w, [{ kind: 'tap-wire' }, { kind: 'steal-key-pieces', agencies: ['nist', 'treasury'] }])),
    ).toEqual(escrowed(w));
  });

  it('Shamir 3-of-5: two shares open nothing, three open everything, a corrupted share is caught by the public-key check', async () => {
    const w = worlds.shamir!;
    expect(
      sorted(
        await openedBy(w, [{ kind: 'tap-wire' }, { kind: 'steal-key-pieces', agencies: ['agency-1', 'agency-4'] }]),
      ),
    ).toEqual([]);
    expect(
      sorted(
        await openedBy(w, [
          { kind: 'tap-wire' },
          { kind: 'steal-key-pieces', agencies: ['agency-2', 'agency-3', 'agency-5'] },
        ]),
      ),
    ).toEqual(escrowed(w));
    const corrupted: Capability[] = [
      { kind: 'tap-wire' },
      { kind: 'steal-key-pieces', agencies: ['agency-1', 'agency-2', 'agency-3'], corrupt: ['agency-2'] },
    ];
    const { lootNotes } = await runAttack(w, corrupted);
    expect(lootNotes.map((n) => n.outcome)).toEqual(['check-failed']);
    expect(lootNotes[0]!.check).toBe('publicKeyFromSecret(recombined secret) == escrow public key');
    expect(sorted(await openedBy(w, corrupted))).toEqual([]);
  });

  it("two governments: either government's key alone opens every escrowed message", async () => {
    const w = worlds.gov!;
    for (const authorityId of ['northland', 'southland']) {
      expect(
        sorted(
          await openedBy(w, [{ kind: 'tap-wire' }, { kind: 'steal-escrow-key', scenario: 'insider', authorityId }]),
        ),
      ).toEqual(escrowed(w));
      const agency = `${authorityId}-agency`;
      expect(
        sorted(await openedBy(w, [{ kind: 'tap-wire' }, { kind: 'steal-key-pieces', agencies: [agency] }])),
      ).toEqual(escrowed(w));
    }
  });
});
