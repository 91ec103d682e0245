import { describe, expect, it } from 'vitest';
import { LearnerSyntaxError, transpileLearnerCode } from './transpile';

describe('transpileLearnerCode', () => {
  it('turns imports into require() and exports into exports.x, keeping every line', () => {
    const source = [
      "import { x25519 } from '@noble/curves/ed25519.js';",
      'const a: number = 1;',
      'export const answer = x25519.getPublicKey;',
      'export default async function solve(lesson: unknown) { return a; }',
      'throw new Error("line 5");',
    ].join('\n');
    const { code } = transpileLearnerCode(source);
    const lines = code.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain("require('@noble/curves/ed25519.js')");
    expect(lines[1]).toContain('const a = 1');
    expect(lines[2]).toContain('exports.answer = answer');
    expect(lines[3]).toContain('exports.default = solve');
    expect(lines[4]).toContain('line 5');
    expect(code).not.toContain(': number');
  });

  it('rewrites dynamic import() to require() so it meets the allowlist', () => {
    const { code } = transpileLearnerCode("const m = await import('data:text/javascript,export default 1');");
    expect(code).toContain("require('data:text/javascript,export default 1')");
    expect(code).not.toMatch(/\bimport\(/);
  });

  it('reports a syntax error with the learner line and column', () => {
    let caught: unknown;
    try {
      transpileLearnerCode('const ok = 1;\nconst x = ;\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LearnerSyntaxError);
    const error = caught as LearnerSyntaxError;
    expect(error.line).toBe(2);
    expect(error.column).toBe(11);
    expect(error.message).not.toMatch(/\(\d+:\d+\)$/);
  });
});
