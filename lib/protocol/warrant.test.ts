import { beforeAll, describe, expect, it } from 'vitest';
import { captureFor } from './capability';
import { decryptCapture } from './decrypt-capture';
import type { EscrowSecretKey } from './escrow-setup';
import { recoverEscrowSecretKey } from './key-recombination';
import { MINUTES_PER_DAY } from './sim-time';
import { parseWarrant, warrantCovers, type Warrant } from './warrant';
import { generateWorld, type World } from './world';

describe('the authority under a warrant', () => {
  let world: World;
  let key: EscrowSecretKey;
  const ESCROW_ON_AT = 4 * MINUTES_PER_DAY;
  beforeAll(async () => {
    world = await generateWorld({
      seed: 'warrant-tests',
      people: 5,
      conversations: 7,
      messages: 120,
      durationMinutes: 20 * MINUTES_PER_DAY,
      escrow: { variant: 'shamir', enabledAt: ESCROW_ON_AT, shamir: { shares: 5, threshold: 3 } },
    });
    // Three agencies cooperate to rebuild the key, as the procedure requires.
    const setup = world.escrow!;
    const result = await recoverEscrowSecretKey(
      setup,
      'escrow-authority',
      setup.pieces.slice(1, 4),
      'recombined by 3 agencies under warrant',
    );
    if (!result.ok) throw new Error(result.message);
    key = result.key;
  });

  it('opens exactly the escrowed messages to or from the target inside the window, and refuses the rest', () => {
    const target = world.participants[1]!.id;
    const warrant: Warrant = {
      target,
      from: 2 * MINUTES_PER_DAY,
      to: 12 * MINUTES_PER_DAY,
      issuedBy: 'Judge Rivera, District Court',
    };
    const report = decryptCapture(
      captureFor(world, [{ kind: 'take-over-server' }]),
      { devices: [], escrowKeys: [key] },
      { warrant },
    );
    const covered = world.schedule.filter(
      (m) => (m.sender === target || m.recipient === target) && m.sentAt >= warrant.from && m.sentAt <= warrant.to,
    );
    const expectedOpened = covered.filter((m) => m.sentAt >= ESCROW_ON_AT).map((m) => m.index);
    const opened = report.outcomes.filter((o) => o.kind === 'opened').map((o) => o.seq);
    expect(opened).toEqual(expectedOpened);
    expect(expectedOpened.length).toBeGreaterThan(0);
    // Covered but sent before escrow was on: the authority has no key for them.
    const noKey = report.outcomes.filter((o) => o.kind === 'no-key').map((o) => o.seq);
    expect(noKey).toEqual(covered.filter((m) => m.sentAt < ESCROW_ON_AT).map((m) => m.index));
    // Everything else is refused by the software, not by the cryptography.
    const refused = report.outcomes.filter((o) => o.kind === 'outside-warrant').map((o) => o.seq);
    expect(refused).toHaveLength(world.schedule.length - covered.length);
    for (const seq of refused) expect(warrantCovers(warrant, world.relay.records[seq]!.envelope.header)).toBe(false);
  });

  it("the same key in a thief's software (no warrant check) opens everything escrowed", () => {
    const report = decryptCapture(captureFor(world, [{ kind: 'take-over-server' }]), {
      devices: [],
      escrowKeys: [key],
    });
    expect(report.counts.opened).toBe(world.schedule.filter((m) => m.sentAt >= ESCROW_ON_AT).length);
    expect(report.counts.outsideWarrant).toBe(0);
  });

  it('two agencies are not enough to rebuild the key', async () => {
    const setup = world.escrow!;
    const result = await recoverEscrowSecretKey(setup, 'escrow-authority', setup.pieces.slice(0, 2), 'two agencies');
    expect(result).toMatchObject({ ok: false, reason: 'not-enough-pieces' });
  });

  it('the window is inclusive at both ends: a message at exactly `from` or `to` is inside, one minute beyond is outside', () => {
    const target = world.participants[1]!.id;
    const m = world.schedule.find(
      (x) => (x.sender === target || x.recipient === target) && x.sentAt >= ESCROW_ON_AT && x.sentAt > 0,
    )!;
    const header = world.relay.records[m.index]!.envelope.header;
    const at = header.sentAt;
    const w = (from: number, to: number): Warrant => ({ target, from, to, issuedBy: 'Judge Rivera, District Court' });
    // The rule itself, at the four edges.
    expect(warrantCovers(w(at - 5, at), header)).toBe(true); // sentAt === to
    expect(warrantCovers(w(at - 5, at - 1), header)).toBe(false); // sentAt === to + 1
    expect(warrantCovers(w(at, at + 5), header)).toBe(true); // sentAt === from
    expect(warrantCovers(w(at + 1, at + 5), header)).toBe(false); // sentAt === from - 1
    expect(warrantCovers(w(at, at), header)).toBe(true); // a one-minute window
    // And as the authority's decryption applies it: opened inside, refused just outside.
    const capture = captureFor(world, [{ kind: 'take-over-server' }]);
    const kindOf = (warrant: Warrant) =>
      decryptCapture(capture, { devices: [], escrowKeys: [key] }, { warrant }).outcomes.find((o) => o.seq === m.index)!
        .kind;
    expect(kindOf(w(at - 5, at))).toBe('opened');
    expect(kindOf(w(at, at + 5))).toBe('opened');
    expect(kindOf(w(at - 5, at - 1))).toBe('outside-warrant');
    expect(kindOf(w(at + 1, at + 5))).toBe('outside-warrant');
  });

  it('parseWarrant checks input from outside', () => {
    expect(parseWarrant({ target: 'bob', from: 0, to: 10, issuedBy: 'Judge' })).toEqual({
      target: 'bob',
      from: 0,
      to: 10,
      issuedBy: 'Judge',
    });
    expect(() => parseWarrant(null)).toThrow(/object/);
    expect(() => parseWarrant({ target: 'bob', from: 10, to: 0, issuedBy: 'Judge' })).toThrow(/ends before/);
    expect(() => parseWarrant({ target: '', from: 0, to: 1, issuedBy: 'Judge' })).toThrow(/target/);
    expect(() => parseWarrant({ target: 'bob', from: -1, to: 1, issuedBy: 'Judge' })).toThrow(/from/);
  });
});
