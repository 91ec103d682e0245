import { describe, expect, it } from 'vitest';
import { createCheckRegistry } from './check-registry';
import type { CheckSpec } from './exercise-spec';
import { allChecksPassed, runChecks } from './run-checks';
import type { RunOutcome } from './protocol';
import { generateKeyPair } from '../crypto/x25519';
import { seededRandom } from '../crypto/random';

const ok = (result: unknown): RunOutcome => ({ status: 'ok', result, durationMs: 1 });
const secret = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const expected = { secret, text: 'hello', list: ['a', 'b', 'c'], n: 3 };

const checks: CheckSpec[] = [
  { id: 'ran', kind: 'ran', description: 'runs' },
  { id: 'bytes', kind: 'bytesEqual', path: 'secret', expected: 'secret', description: 'secret right' },
  { id: 'text', kind: 'equals', path: 'default.text', expected: 'text', description: 'text right' },
  { id: 'list', kind: 'includesAll', path: 'default.list', expected: 'list', description: 'has all' },
  { id: 'type', kind: 'type', path: 'secret', type: 'bytes', description: 'is bytes' },
];

describe('runChecks', () => {
  it('passes a correct result, accepting hex where bytes are expected', () => {
    const hex = Array.from(secret, (b) => b.toString(16).padStart(2, '0')).join('');
    const results = runChecks(
      checks.slice(0, 4),
      ok({ secret: hex, default: { text: 'hello', list: ['c', 'b', 'a', 'z'] } }),
      expected,
    );
    expect(results.map((r) => r.pass)).toEqual([true, true, true, true]);
    expect(allChecksPassed(results)).toBe(true);
  });

  it('fails wrong values with messages that name the problem but never the expected value', () => {
    const wrong = new Uint8Array(secret);
    wrong[31] = wrong[31]! ^ 1;
    const results = runChecks(checks, ok({ secret: wrong, default: { text: 'hellO', list: ['a'] } }), expected);
    expect(results.map((r) => r.pass)).toEqual([true, false, false, false, true]);
    expect(results[1]!.message).toMatch(/right length but different bytes/);
    expect(results[2]!.message).toMatch(/not the expected value/);
    expect(results[3]!.message).toMatch(/missing 2 of the 3/);
    for (const r of results) expect(r.message).not.toContain('hello');
    expect(allChecksPassed(results)).toBe(false);
  });

  it('names missing exports, wrong types and wrong lengths', () => {
    const results = runChecks(checks, ok({ secret: new Uint8Array(31) }), expected);
    expect(results[1]!.message).toMatch(/31 bytes; it should have 32/);
    expect(results[2]!.message).toMatch(/Nothing found at .*solve\(\)\.text.*return it/);
    const typed = runChecks([checks[1]!, checks[4]!], ok({ secret: 7 }), expected);
    expect(typed[0]!.message).toMatch(/should be bytes .* it is a number/);
    expect(typed[1]!.message).toMatch(/should be bytes/);
  });

  it('fails every check when the run did not finish', () => {
    const failed: RunOutcome = { status: 'error', durationMs: 1, error: { kind: 'runtime', message: 'x' } };
    const results = runChecks(checks, failed, expected);
    expect(results.every((r) => !r.pass && /did not finish/.test(r.message))).toBe(true);
  });

  it('does not follow __proto__ or constructor, even when the result has such own keys', () => {
    const hostile = JSON.parse('{"__proto__": {"text": "hello"}, "constructor": {"text": "hello"}}') as unknown;
    const results = runChecks(
      [
        { id: 'a', kind: 'equals', path: '__proto__.text', expected: 'text', description: 'x' },
        { id: 'b', kind: 'equals', path: 'constructor.text', expected: 'text', description: 'y' },
        { id: 'c', kind: 'equals', path: 'text', expected: 'text', description: 'z' },
      ],
      ok(hostile),
      expected,
    );
    expect(results.map((r) => r.pass)).toEqual([false, false, false]);
    expect(({} as Record<string, unknown>).text).toBeUndefined();
  });

  it('runs custom checks from the registry and refuses unknown ones', () => {
    const pair = generateKeyPair(seededRandom('checks'));
    const spec: CheckSpec[] = [
      { id: 'pk', kind: 'custom', name: 'x25519PublicKeyOf', path: 'pk', expected: 'sk', description: 'pk of sk' },
      { id: 'nonces', kind: 'custom', name: 'distinctItems', path: 'nonces', description: 'distinct' },
      { id: 'nope', kind: 'custom', name: 'doesNotExist', description: 'unknown' },
    ];
    const good = runChecks(spec, ok({ pk: pair.publicKey, nonces: [new Uint8Array([1]), new Uint8Array([2])] }), {
      sk: pair.secretKey,
    });
    expect(good.map((r) => r.pass)).toEqual([true, true, false]);
    expect(good[2]!.message).toMatch(/Unknown custom check/);
    const bad = runChecks(spec, ok({ pk: pair.secretKey, nonces: [new Uint8Array([1]), new Uint8Array([1])] }), {
      sk: pair.secretKey,
    });
    expect(bad.map((r) => r.pass)).toEqual([false, false, false]);
    expect(bad[1]!.message).toMatch(/items 0 and 1 are the same/);
  });

  it('turns a throwing custom check into a failure and appends failMessage', () => {
    const registry = createCheckRegistry({
      boom: () => {
        throw new Error('kaput');
      },
    });
    const results = runChecks(
      [{ id: 'b', kind: 'custom', name: 'boom', description: 'b', failMessage: 'Try again.' }],
      ok({}),
      {},
      registry,
    );
    expect(results[0]!.pass).toBe(false);
    expect(results[0]!.message).toBe('This check could not run: kaput Try again.');
    expect(() => createCheckRegistry({ distinctItems: () => ({ pass: true, message: '' }) })).toThrow(/already exists/);
  });
});

describe('runChecks: messages that quote learner data', () => {
  it('are cut, so a check never repeats a 10 MB learner string', () => {
    const echo = createCheckRegistry({
      echoText: ({ value }) => ({
        pass: false,
        message: `The recipient read "${String(value)}", not the forged text.`,
      }),
    });
    const forged = 'F'.repeat(10_000_000);
    const [result] = runChecks(
      [{ id: 'echo', kind: 'custom', name: 'echoText', path: 'forged', description: 'echo' }],
      { status: 'ok', durationMs: 1, result: { forged } },
      {},
      echo,
    );
    expect(result!.message.length).toBeLessThan(1100);
    expect(result!.message).toMatch(/^The recipient read "F{900,}… \(message cut at 1,000 characters\)$/);
  });
});

describe('runChecks: lengths before parsing', () => {
  it('refuses a hex string far longer than the answer without parsing it', () => {
    const checks: CheckSpec[] = [{ id: 'key', kind: 'bytesEqual', path: 'key', expected: 'key', description: 'key' }];
    const expected = { key: new Uint8Array(32) };
    const started = performance.now();
    const [result] = runChecks(
      checks,
      { status: 'ok', durationMs: 1, result: { key: 'ab'.repeat(20_000_000) } },
      expected,
    );
    expect(performance.now() - started).toBeLessThan(100);
    expect(result).toMatchObject({
      pass: false,
      message: 'the export `key` is a string of 40000000 characters; as hex it should have 64.',
    });
    const [spaced] = runChecks(
      checks,
      { status: 'ok', durationMs: 1, result: { key: Array(32).fill('00').join(' ') } },
      expected,
    );
    expect(spaced!.pass).toBe(true);
  });
});
