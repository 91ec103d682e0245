import { describe, expect, it } from 'vitest';
import {
  AUDIENCE_SCALE,
  initialPresentation,
  missingActions,
  presentationReducer,
  stepScale,
} from './presentation-state';

describe('presentationReducer', () => {
  const five = initialPresentation(5);

  it('moves with next, back, first and last, and stops at both ends', () => {
    const next = presentationReducer(five, { type: 'command', command: 'next' });
    expect(next.step).toBe(1);
    expect(presentationReducer(next, { type: 'command', command: 'back' }).step).toBe(0);
    expect(presentationReducer(five, { type: 'command', command: 'back' })).toBe(five);
    const last = presentationReducer(five, { type: 'command', command: 'last' });
    expect(last.step).toBe(4);
    expect(presentationReducer(last, { type: 'command', command: 'next' })).toBe(last);
    expect(presentationReducer(last, { type: 'command', command: 'first' }).step).toBe(0);
  });

  it('jumps to a step, clamped, and returns the same state when nothing changes', () => {
    expect(presentationReducer(five, { type: 'goto', step: 3 }).step).toBe(3);
    expect(presentationReducer(five, { type: 'goto', step: 99 }).step).toBe(4);
    expect(presentationReducer(five, { type: 'goto', step: -2 })).toBe(five);
    expect(presentationReducer(five, { type: 'goto', step: Number.NaN })).toBe(five);
  });

  it('toggles and sets the blank screen', () => {
    const blank = presentationReducer(five, { type: 'command', command: 'blank' });
    expect(blank.blank).toBe(true);
    expect(presentationReducer(blank, { type: 'command', command: 'blank' }).blank).toBe(false);
    expect(presentationReducer(blank, { type: 'blank', blank: true })).toBe(blank);
    expect(presentationReducer(blank, { type: 'blank', blank: false }).blank).toBe(false);
  });

  it('starts inside the lesson', () => {
    expect(initialPresentation(3, 7).step).toBe(2);
    expect(initialPresentation(0).stepCount).toBe(1);
  });
});

describe('missingActions', () => {
  it('lists the requirements whose action was not reported', () => {
    const requires = [
      { action: 'keypair:alice', hint: "Generate Alice's key pair first." },
      { action: 'keypair:bob', hint: "Generate Bob's key pair first." },
    ];
    expect(missingActions(requires, new Set(['keypair:alice']))).toEqual([requires[1]]);
    expect(missingActions(requires, new Set(['keypair:alice', 'keypair:bob']))).toEqual([]);
    expect(missingActions(undefined, new Set())).toEqual([]);
  });
});

describe('stepScale', () => {
  it('grows and shrinks the audience type in tenths, within bounds', () => {
    expect(stepScale(1.3, 'bigger')).toBe(1.4);
    expect(stepScale(1.3, 'smaller')).toBe(1.2);
    expect(stepScale(AUDIENCE_SCALE.max, 'bigger')).toBe(AUDIENCE_SCALE.max);
    expect(stepScale(AUDIENCE_SCALE.min, 'smaller')).toBe(AUDIENCE_SCALE.min);
  });
});
