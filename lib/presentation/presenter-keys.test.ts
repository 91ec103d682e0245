import { describe, expect, it } from 'vitest';
import { presenterCommandFor, type KeyTarget } from './presenter-keys';

const press = (
  key: string,
  target: KeyTarget = 'page',
  mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {},
) => presenterCommandFor({ key, target, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('presenterCommandFor', () => {
  it('maps clicker keys and letters', () => {
    expect(['ArrowRight', 'ArrowDown', 'PageDown', ' '].map((k) => press(k))).toEqual(['next', 'next', 'next', 'next']);
    expect(['ArrowLeft', 'ArrowUp', 'PageUp'].map((k) => press(k))).toEqual(['back', 'back', 'back']);
    expect([press('Home'), press('End'), press('b'), press('F'), press('r'), press('N')]).toEqual([
      'first',
      'last',
      'blank',
      'fullscreen',
      'reset',
      'notes',
    ]);
    expect([press('+'), press('='), press('-')]).toEqual(['bigger', 'bigger', 'smaller']);
    expect(press('x')).toBeNull();
  });

  it("leaves form fields, a focused button's space and browser shortcuts alone", () => {
    expect(press('ArrowRight', 'field')).toBeNull();
    expect(press('b', 'field')).toBeNull();
    expect(press(' ', 'control')).toBeNull();
    expect(press('ArrowRight', 'control')).toBe('next');
    expect(press('r', 'page', { ctrlKey: true })).toBeNull();
    expect(press('f', 'page', { metaKey: true })).toBeNull();
    expect(press('ArrowLeft', 'page', { altKey: true })).toBeNull();
  });
});
