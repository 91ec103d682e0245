import { describe, expect, it } from 'vitest';
import { codeLabExercise } from './code-lab-exercise';
import { runChecks, allChecksPassed } from './run-checks';
import { runInNode } from './run-in-node';

describe('runInNode (the same runner core as the browser worker)', () => {
  it('runs TypeScript with real noble imports and returns exports and solve()', async () => {
    const report = await runInNode(
      [
        "import { x25519 } from '@noble/curves/ed25519.js';",
        "import { bytesToHex } from 'backdoor-lab';",
        'const pk: Uint8Array = x25519.getPublicKey(lesson.sk);',
        "console.log('pk', pk);",
        'export const publicKeyHex = bytesToHex(pk);',
        'export function helper() { return 1; }',
        'export default async function solve(l: { n: number }) { return { doubled: l.n * 2 }; }',
      ].join('\n'),
      // RFC 7748 §6.1: Alice's private key and public key.
      {
        sk: Uint8Array.from(Buffer.from('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a', 'hex')),
        n: 21,
      },
    );
    expect(report.outcome).toMatchObject({
      status: 'ok',
      result: {
        publicKeyHex: '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
        default: { doubled: 42 },
      },
    });
    expect(report.output).toEqual([
      { level: 'log', text: 'pk Uint8Array(32) 8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a' },
    ]);
  });

  it('refuses a result over the size budget, naming the export and the limit', async () => {
    const report = await runInNode("export const ok = 1;\nexport const forged = 'A'.repeat(10_000_000);", {});
    expect(report.outcome).toMatchObject({ status: 'error', error: { kind: 'result' } });
    if (report.outcome.status !== 'error') return;
    expect(report.outcome.error.message).toMatch(
      /^The export `forged` holds a string of 10,000,000 characters \(9\.5 MB\); the limit is 524,288 characters/,
    );
  });

  it("maps a runtime error to the learner's line", async () => {
    const report = await runInNode(
      'const a = 1;\n\nexport default function solve() {\n  return (lesson as any).missing.deeper;\n}',
      {},
    );
    expect(report.outcome.status).toBe('error');
    if (report.outcome.status !== 'error') return;
    expect(report.outcome.error).toMatchObject({ kind: 'runtime', line: 4 });
    expect(report.outcome.error.message).toMatch(/^TypeError: Cannot read properties of undefined/);
  });

  it('refuses imports outside the allowlist, dynamic ones included', async () => {
    for (const source of [
      "import fs from 'node:fs';",
      "const m = await import('data:text/javascript,export default 1');",
    ]) {
      const report = await runInNode(source, {});
      expect(report.outcome).toMatchObject({ status: 'error', error: { kind: 'import', line: 1 } });
    }
  });

  it('stops an endless loop at the time limit', async () => {
    const report = await runInNode('while (true) {}', {}, { timeLimitMs: 500 });
    expect(report.outcome).toMatchObject({ status: 'error', error: { kind: 'timeout' } });
    expect(report.wallMs).toBeGreaterThanOrEqual(490);
    expect(report.wallMs).toBeLessThan(2500);
  });

  it('bounds console output and says so', async () => {
    const report = await runInNode(
      "for (let i = 0; i < 100000; i++) console.log('x', i);",
      {},
      { limits: { maxLines: 50, maxChars: 10_000 } },
    );
    expect(report.output).toHaveLength(50);
    expect(report.truncated).toBe(true);
    expect(report.outcome.status).toBe('ok');
  });

  it('explains non-Error throws, unhandled rejections and results that cannot be cloned', async () => {
    const thrown = await runInNode('throw 42;', {});
    expect(thrown.outcome).toMatchObject({ error: { kind: 'non-error-throw' } });
    const rejected = await runInNode("Promise.reject(new Error('lost'));\nexport const x = 1;", {});
    expect(rejected.outcome).toMatchObject({ error: { kind: 'unhandled-rejection', line: 1 } });
    const fn = await runInNode('export const notData = { f: () => 1 };', {});
    expect(fn.outcome).toMatchObject({ error: { kind: 'result' } });
    if (fn.outcome.status === 'error') expect(fn.outcome.error.message).toContain('`notData`');
  });

  it('gives learner code a frozen lesson context', async () => {
    const report = await runInNode("'use strict';\nlesson.list.push(4);", { list: [1, 2, 3] });
    expect(report.outcome).toMatchObject({ error: { kind: 'runtime', line: 2 } });
  });

  it('the Code lab solution passes every check and the starter fails at least one', async () => {
    const exercise = codeLabExercise();
    const solution = await runInNode(exercise.solution, exercise.setup.context);
    const solved = runChecks(exercise.checks, solution.outcome, exercise.setup.expected);
    expect(solved.filter((r) => !r.pass)).toEqual([]);
    expect(allChecksPassed(solved)).toBe(true);
    const starter = await runInNode(exercise.starter, exercise.setup.context);
    expect(starter.outcome.status).toBe('ok');
    expect(allChecksPassed(runChecks(exercise.checks, starter.outcome, exercise.setup.expected))).toBe(false);
  });
});
