import { describe, expect, it } from 'vitest';
import {
  findBudgetExcess,
  formatByteSize,
  RESULT_BUDGET,
  resultBudgetMessage,
  runnerMessageBudgetMessage,
  type ValueBudget,
} from './value-budget';

const SMALL: ValueBudget = { maxBytes: 1000, maxStringLength: 100, maxBinaryBytes: 64, maxNodes: 10, maxDepth: 3 };

describe('findBudgetExcess', () => {
  it('passes what an exercise returns', () => {
    const answer = {
      sharedSecret: new Uint8Array(32),
      plaintexts: ['hello', 'world'],
      count: 3,
      ok: true,
      big: 10n,
      map: new Map([['a', 1]]),
    };
    expect(findBudgetExcess(answer, RESULT_BUDGET)).toBeUndefined();
    expect(findBudgetExcess(undefined, SMALL)).toBeUndefined();
  });

  it('names each limit a value passes', () => {
    expect(findBudgetExcess('x'.repeat(101), SMALL)).toEqual({ limit: 'maxStringLength', actual: 101, allowed: 100 });
    expect(findBudgetExcess({ c: new Uint8Array(65) }, SMALL)).toEqual({
      limit: 'maxBinaryBytes',
      actual: 65,
      allowed: 64,
    });
    expect(findBudgetExcess(new ArrayBuffer(100), SMALL)?.limit).toBe('maxBinaryBytes');
    expect(findBudgetExcess(new DataView(new ArrayBuffer(100)), SMALL)?.limit).toBe('maxBinaryBytes');
    expect(findBudgetExcess(new Array(11).fill(0), SMALL)?.limit).toBe('maxNodes');
    expect(findBudgetExcess(new Set(Array.from({ length: 11 }, (_, i) => i)), SMALL)?.limit).toBe('maxNodes');
    expect(findBudgetExcess([[[[[1]]]]], SMALL)?.limit).toBe('maxDepth');
    expect(
      findBudgetExcess(
        Array.from({ length: 3 }, () => 'y'.repeat(99)),
        { ...SMALL, maxBytes: 300 },
      )?.limit,
    ).toBe('maxBytes');
  });

  it('refuses a huge value at once, without reading it', () => {
    const started = performance.now();
    expect(findBudgetExcess({ default: new Array(50_000_000) }, RESULT_BUDGET)?.limit).toBe('maxNodes');
    expect(findBudgetExcess('z'.repeat(80_000_000), RESULT_BUDGET)).toEqual({
      limit: 'maxStringLength',
      actual: 80_000_000,
      allowed: RESULT_BUDGET.maxStringLength,
    });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('counts a shared object once and ends at cycles', () => {
    const shared = { bytes: new Uint8Array(40) };
    expect(findBudgetExcess([shared, shared, shared], SMALL)).toBeUndefined();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(findBudgetExcess(cycle, SMALL)).toBeUndefined();
  });

  it('is not fooled by replaced built-ins', () => {
    const keys = Object.keys;
    const isView = ArrayBuffer.isView;
    try {
      Object.keys = () => [];
      ArrayBuffer.isView = (() => false) as unknown as typeof ArrayBuffer.isView;
      expect(findBudgetExcess({ a: 'x'.repeat(101) }, SMALL)?.limit).toBe('maxStringLength');
      expect(findBudgetExcess({ a: new Uint8Array(65) }, SMALL)?.limit).toBe('maxBinaryBytes');
    } finally {
      Object.keys = keys;
      ArrayBuffer.isView = isView;
    }
  });
});

describe('budget messages', () => {
  it('name the export and the limit', () => {
    expect(resultBudgetMessage({ default: 'x'.repeat(84 * 1024 * 1024) })).toMatch(
      /^The value your default function returned holds a string of 88,080,384 characters \(84 MB\); the limit is 524,288 characters, so it was not sent back/,
    );
    expect(resultBudgetMessage({ ok: 1, plaintext: new Uint8Array(128 * 1024 * 1024) })).toMatch(
      /^The export `plaintext` holds binary data of 128 MB \(134,217,728 bytes\); the limit is 512 KB/,
    );
    expect(resultBudgetMessage({ key: new Uint8Array(32) })).toBeUndefined();
  });

  it('are given by the frame for a forged message too', () => {
    expect(
      runnerMessageBudgetMessage({
        type: 'done',
        runId: 'ab',
        outcome: { status: 'ok', result: { default: 'q'.repeat(600_000) } },
      }),
    ).toMatch(/default function returned holds a string/);
    expect(runnerMessageBudgetMessage({ type: 'console', runId: 'ab', text: 'q'.repeat(600_000) })).toMatch(
      /^The sandbox stopped a message from your run that holds a string/,
    );
    expect(
      runnerMessageBudgetMessage({ type: 'done', runId: 'ab', outcome: { status: 'ok', result: { key: 'ff' } } }),
    ).toBeUndefined();
  });

  it('format sizes', () => {
    expect([
      formatByteSize(300),
      formatByteSize(2048),
      formatByteSize(1.5 * 1024 * 1024),
      formatByteSize(84 * 1024 * 1024),
    ]).toEqual(['300 bytes', '2 KB', '1.5 MB', '84 MB']);
  });
});
