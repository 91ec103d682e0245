/**
 * Learner code that replaces the globals the runner needs, or returns values that cannot leave the
 * sandbox, is told what it did: not "protocol error", "time limit" or "sandbox crashed".
 */
import { describe, expect, it } from 'vitest';
import type { RunReport } from './run-collector';
import { runInNode } from './run-in-node';

// A generous limit: building 300 000 objects on a busy machine must not turn into a time limit.
async function run(source: string): Promise<RunReport> {
  return runInNode(source, { n: 2 }, { timeLimitMs: 10_000 });
}

function expectOkWithNote(report: RunReport, replaced: RegExp): void {
  expect(report.outcome).toMatchObject({ status: 'ok', result: { answer: 4 } });
  expect(report.output).toContainEqual({ level: 'warn', text: expect.stringMatching(replaced) });
  expect(report.output.at(-1)?.text).toMatch(/the sandbox kept its own cop(y|ies)/);
}

describe('the runner keeps its own references to what it needs', () => {
  it.each([
    ['performance.now returning text', "performance.now = () => 'soon' as never;", /replaced performance\.now;/],
    [
      'performance.now throwing',
      "performance.now = () => { throw new Error('no clock'); };",
      /replaced performance\.now;/,
    ],
    [
      'performance replaced as a whole',
      "Object.defineProperty(globalThis, 'performance', { value: { now: () => NaN }, configurable: true });",
      /replaced performance and performance\.now|replaced performance;/,
    ],
    [
      'structuredClone throwing',
      "globalThis.structuredClone = () => { throw new Error('no copies'); };",
      /replaced structuredClone;/,
    ],
    [
      'structuredClone returning a function',
      'globalThis.structuredClone = (() => () => 1) as never;',
      /replaced structuredClone;/,
    ],
    ['setTimeout that never calls back', 'globalThis.setTimeout = (() => 0) as never;', /replaced setTimeout;/],
    ['Object.keys throwing', "Object.keys = () => { throw new Error('no keys'); };", /replaced Object\.keys;/],
    [
      'JSON.stringify and Array.prototype.map',
      "JSON.stringify = () => 'x';\nArray.prototype.map = function () { return []; } as never;",
      /replaced JSON\.stringify and Array\.prototype\.map;/,
    ],
    ['Promise', 'globalThis.Promise = function () {} as never;', /replaced Promise;/],
  ])('%s: the run finishes, with a note saying what was replaced', async (_name, replace, note) => {
    expectOkWithNote(await run(`${replace}\nexport const answer = lesson.n * 2;`), note);
  });

  it("MessagePort.prototype.postMessage replaced: the result still reaches the host (Node's runner)", async () => {
    const report = await run('MessagePort.prototype.postMessage = () => {};\nexport const answer = lesson.n * 2;');
    expect(report.outcome).toMatchObject({ status: 'ok', result: { answer: 4 } });
  });

  it('a run whose code replaced nothing has no note', async () => {
    const report = await run('export const answer = lesson.n * 2;');
    expect(report.output).toEqual([]);
  });
});

describe('values that cannot leave the sandbox are named', () => {
  const wasm = 'new WebAssembly.Module(Uint8Array.of(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0))';
  it.each([
    [
      'a WebAssembly.Module',
      `export const mod = ${wasm};`,
      /^The export `mod` is a WebAssembly\.Module, which cannot leave the sandbox\./,
    ],
    [
      'a WebAssembly.Module inside an object',
      `export default function solve() { return { inner: [1, ${wasm}] }; }`,
      /^The value your default function returned contains a WebAssembly\.Module, which cannot leave the sandbox \(at `default\.inner\[1\]`\)/,
    ],
    [
      'a function',
      'export const data = { helper: function helper() { return 1; } };',
      /^The export `data` contains a function \(`helper`\), which cannot leave the sandbox: export what it returns instead \(at `data\.helper`\)/,
    ],
    ['a symbol', "export const tag = Symbol('x');", /^The export `tag` is a symbol, which cannot be copied/],
    [
      'a promise',
      'export const later = [Promise.resolve(1)];',
      /contains a promise \(did you forget `await`\?\) \(at `later\[0\]`\)/,
    ],
    [
      'a class instance',
      'class Point { constructor(public x: number) {} norm() { return this.x; } }\nexport const p = new Point(3);',
      /^The export `p` is an instance of the class `Point`, which would arrive as a plain object without its methods/,
    ],
    ['a WeakMap', 'export const cache = new WeakMap();', /is a WeakMap, which cannot be copied/],
    [
      'a Proxy that throws',
      "export const trap = new Proxy({}, { ownKeys() { throw new Error('trap'); } });",
      /^The export `trap` is an object the sandbox cannot read \(a Proxy/,
    ],
    [
      'a Proxy that looks plain',
      'export const quiet = new Proxy({ a: 1 }, {});',
      /^The export `quiet` cannot be sent back to the page \(.*\): it holds something the sandbox cannot copy, such as a Proxy/,
    ],
    [
      'a huge number of objects',
      'export const many = Array.from({ length: 300_000 }, (_, i) => ({ i }));',
      /^The export `many` has at least [\d,]+ objects, arrays and items; the limit is 20,000/,
    ],
  ])('%s', { timeout: 20_000 }, async (_name, source, message) => {
    const report = await run(source);
    expect(report.outcome).toMatchObject({ status: 'error', error: { kind: 'result' } });
    if (report.outcome.status === 'error') expect(report.outcome.error.message).toMatch(message);
  });

  it('still sends Maps, Sets, Dates, errors, typed arrays and objects without a prototype', async () => {
    const report = await run(
      "export const ok = { m: new Map([[1, 'a']]), s: new Set([1]), d: new Date(0), e: new TypeError('t'), u: new Uint16Array(2), n: Object.create(null) };",
    );
    expect(report.outcome.status).toBe('ok');
  });
});
