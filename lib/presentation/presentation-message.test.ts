import { describe, expect, it } from 'vitest';
import { parsePresentationMessage, presentationChannelName } from './presentation-message';

describe('presentation messages', () => {
  it('accepts the messages the windows send', () => {
    expect(parsePresentationMessage({ type: 'step', step: 3 })).toEqual({ type: 'step', step: 3 });
    expect(parsePresentationMessage({ type: 'blank', blank: true })).toEqual({ type: 'blank', blank: true });
    expect(parsePresentationMessage({ type: 'hello' })).toEqual({ type: 'hello' });
    expect(parsePresentationMessage({ type: 'actions', done: ['keypair:alice'] })).toEqual({
      type: 'actions',
      done: ['keypair:alice'],
    });
  });

  it('ignores anything else another page of the origin might post', () => {
    for (const bad of [null, 'step', { type: 'step', step: -1 }, { type: 'step', step: 1.5 }, { type: 'eval' }])
      expect(parsePresentationMessage(bad)).toBeNull();
    expect(parsePresentationMessage({ type: 'actions', done: Array(201).fill('x') })).toBeNull();
  });

  it('keeps one channel per lesson', () => {
    expect(presentationChannelName('keys')).not.toBe(presentationChannelName('encrypt'));
  });
});
