import { describe, expect, it } from 'vitest';
import { traceValue, type TraceEntry } from './trace';

describe('traceValue', () => {
  const trace: TraceEntry[] = [
    { name: 'prk', value: Uint8Array.of(1), from: 'extract' },
    { name: 'okm', value: Uint8Array.of(2), from: 'expand' },
  ];

  it('finds an entry by name and fails loudly, listing the names, when it is absent', () => {
    expect(traceValue(trace, 'okm')).toEqual(Uint8Array.of(2));
    expect(() => traceValue(trace, 'key')).toThrow("trace has no value named 'key' (has: prk, okm)");
  });
});
