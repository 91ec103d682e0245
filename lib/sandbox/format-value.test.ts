import { describe, expect, it } from 'vitest';
import { formatConsoleArgs, formatValue } from './format-value';

describe('formatValue', () => {
  it('prints bytes as hex with their length, strings bare at top level and quoted inside', () => {
    expect(formatConsoleArgs(['key', new Uint8Array([0, 255, 16])])).toBe('key Uint8Array(3) 00ff10');
    expect(formatValue({ a: 'x', b: [1, 2n] })).toBe('{ a: "x", b: [ 1, 2n ] }');
  });

  it('marks cycles and caps depth and size', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatValue(cyclic)).toBe('{ self: [Circular] }');
    expect(formatValue({ a: { b: { c: { d: { e: 1 } } } } })).toBe('{ a: { b: { c: { d: [Object] } } } }');
    expect(formatValue(new Uint8Array(300))).toMatch(/\(44 more bytes\)$/);
    expect(formatValue(Array.from({ length: 60 }, () => 0))).toContain('… 10 more');
  });

  it('survives hostile objects', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('nope');
        },
      },
    );
    expect(formatValue(hostile)).toMatch(/could not be shown: nope/);
  });
});
