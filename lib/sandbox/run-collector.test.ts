import { describe, expect, it } from 'vitest';
import { RunCollector } from './run-collector';
import { parseRunRequest } from './protocol';

const RUN = '0123456789abcdef0123456789abcdef';
const limits = { maxLines: 3, maxChars: 1000 };

describe('RunCollector (host side of the protocol)', () => {
  it('keeps console lines and ends with the runner outcome', () => {
    const c = new RunCollector(RUN, limits);
    expect(c.accept({ type: 'console', runId: RUN, level: 'log', text: 'hi' })).toBe('line');
    expect(c.accept({ type: 'done', runId: RUN, outcome: { status: 'ok', result: { a: 1 }, durationMs: 2 } })).toBe(
      'done',
    );
    expect(c.report).toMatchObject({
      outcome: { status: 'ok', result: { a: 1 } },
      output: [{ level: 'log', text: 'hi' }],
      truncated: false,
    });
    expect(
      c.accept({ type: 'done', runId: RUN, outcome: { status: 'ok', result: 'forged later', durationMs: 2 } }),
    ).toBe('ignored');
    expect(c.report?.outcome).toMatchObject({ result: { a: 1 } });
  });

  it('re-applies the output limits on the host side', () => {
    const c = new RunCollector(RUN, limits);
    for (let i = 0; i < 10; i++) c.accept({ type: 'console', runId: RUN, level: 'log', text: `line ${i}` });
    expect(c.output).toHaveLength(3);
    expect(c.truncated).toBe(true);
  });

  it('ends the run as an internal error on any message outside the protocol', () => {
    const forged: unknown[] = [
      { type: 'checks', runId: RUN, passed: true },
      { type: 'done', runId: RUN, outcome: { status: 'ok', result: 1, durationMs: 1 }, checksPassed: true },
      { type: 'console', runId: RUN, level: 'log', text: 'x'.repeat(100_000) },
      { type: 'done', runId: RUN, outcome: { status: 'error', durationMs: 1, error: { kind: 'pwned', message: 'x' } } },
      'done',
      null,
    ];
    for (const message of forged) {
      const c = new RunCollector(RUN, limits);
      expect(c.accept(message)).toBe('done');
      expect(c.report?.outcome).toMatchObject({ status: 'error', error: { kind: 'internal' } });
    }
  });

  it("treats another run's message as outside the protocol", () => {
    const c = new RunCollector(RUN, limits);
    c.accept({
      type: 'done',
      runId: 'ffffffffffffffffffffffffffffffff',
      outcome: { status: 'ok', result: 1, durationMs: 1 },
    });
    expect(c.report?.outcome).toMatchObject({ status: 'error', error: { kind: 'internal' } });
  });
});

describe('parseRunRequest (runner side)', () => {
  it('accepts a well-formed request and rejects malformed ones', () => {
    const good = { type: 'run', runId: RUN, source: 'x', context: { a: 1 }, limits };
    expect(parseRunRequest(good)).toEqual(good);
    for (const bad of [
      null,
      { ...good, type: 'eval' },
      { ...good, runId: 'short' },
      { ...good, source: 1 },
      { ...good, limits: { maxLines: 0, maxChars: 1 } },
    ]) {
      expect(() => parseRunRequest(bad)).toThrow(/malformed/);
    }
  });
});

describe('RunCollector: output bounded by rendering cost', () => {
  it('cuts a line of 5,000 combining marks to a few, with a visible note', () => {
    const collector = new RunCollector('abcdef0123456789', { maxLines: 10, maxChars: 64 * 1024 });
    expect(
      collector.accept({ type: 'console', runId: 'abcdef0123456789', level: 'log', text: `Z${'\u0300'.repeat(5000)}` }),
    ).toBe('line');
    expect(collector.output[0]!.text).toBe(`Z${'\u0300'.repeat(7)} … (truncated: 4,993 combining characters removed)`);
  });
});
