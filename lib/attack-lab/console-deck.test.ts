import { describe, expect, it } from 'vitest';
import { MINUTES_PER_DAY, formatSimTime, noonOfDay } from '@/lib/protocol/sim-time';
import {
  choicesForWorld,
  dayOptions,
  initialChoices,
  slotCapability,
  stealKeyPieces,
  theftTime,
  type DeckChoices,
} from './console-deck';

const key = new Uint8Array(32);
/** Three days of traffic, the last message at day 3, 10:00. */
const world = {
  endsAt: 2 * MINUTES_PER_DAY + 600,
  participants: ['alice', 'bob', 'carol'].map((id) => ({ id, name: id, identityPublicKey: key })),
  escrow: null,
};

describe('console deck', () => {
  it('a theft on day N happens at noon, or at the last message when that is earlier', () => {
    expect(formatSimTime(noonOfDay(1))).toBe('day 1, 12:00');
    expect(formatSimTime(noonOfDay(2))).toBe('day 2, 12:00');
    expect(dayOptions(world)).toEqual([1, 2, 3]);
    expect(theftTime(world, 2)).toBe(noonOfDay(2));
    expect(formatSimTime(theftTime(world, 3))).toBe('day 3, 10:00');
  });

  it("starts a lab world half-way with the second person's phone; keeps earlier choices that still fit", () => {
    const fresh = choicesForWorld(world, initialChoices({ kind: 'lab' }));
    expect(fresh).toEqual({
      scenario: 'insider',
      victim: 'bob',
      theftDay: 2,
      authority: '',
      keyDay: 2,
      pieces: [],
      corrupt: [],
    });
    const before: DeckChoices = {
      ...fresh,
      victim: 'carol',
      theftDay: 3,
      keyDay: 9,
      authority: 'northland',
      pieces: ['a'],
    };
    expect(choicesForWorld(world, before)).toEqual({ ...fresh, victim: 'carol', theftDay: 3 });
  });

  it("builds each card's capability: the lesson's Bob at the end, the lab's choices at noon of their day", () => {
    const lesson = initialChoices({ kind: 'lesson', authorities: 'two' });
    expect(lesson.scenario).toBeNull();
    expect(slotCapability({ kind: 'lesson', authorities: 'two' }, 'device', lesson, world)).toEqual({
      capability: { kind: 'steal-device', participant: 'bob', at: world.endsAt },
    });
    expect(
      slotCapability(
        { kind: 'lesson', authorities: 'two' },
        'escrow:southland',
        { ...lesson, scenario: 'breach' },
        world,
      ),
    ).toEqual({
      capability: { kind: 'steal-escrow-key', scenario: 'breach', authorityId: 'southland' },
    });
    expect(slotCapability({ kind: 'lesson', authorities: 'one' }, 'escrow:southland', lesson, world)).toBeNull();
    const lab = choicesForWorld(world, initialChoices({ kind: 'lab' }));
    expect(slotCapability({ kind: 'lab' }, 'device', lab, world)).toEqual({
      capability: { kind: 'steal-device', participant: 'bob', at: noonOfDay(2) },
    });
    expect(slotCapability({ kind: 'lab' }, 'escrow', { ...lab, keyDay: 3 }, world)).toEqual({
      capability: { kind: 'steal-escrow-key', scenario: 'insider' },
      at: theftTime(world, 3),
    });
    expect(stealKeyPieces(['a', 'b'], ['b', 'c'])).toEqual({
      kind: 'steal-key-pieces',
      agencies: ['a', 'b'],
      corrupt: ['b'],
    });
  });
});
