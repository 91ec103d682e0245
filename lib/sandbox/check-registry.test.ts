import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_REGISTRY } from './check-registry';

function answerWithProof(result: unknown) {
  return DEFAULT_CHECK_REGISTRY.answerWithProof!({
    value: undefined,
    found: false,
    what: 'the result',
    result,
    expected: { plaintext: 'The package is under the third bench.', tampered: 1 },
    params: { proof: ['plaintext'], answer: ['tampered'] },
  });
}

describe('answerWithProof (a small answer counts only with the work behind it)', () => {
  it('passes when the proof and the answer are both right', () => {
    expect(answerWithProof({ plaintext: 'The package is under the third bench.', tampered: 1 })).toMatchObject({
      pass: true,
    });
  });

  it('refuses the right answer guessed without the proof, and says nothing about the answer', () => {
    for (const result of [{ tampered: 1 }, { plaintext: '', tampered: 1 }, { plaintext: 'x', tampered: 1 }]) {
      const verdict = answerWithProof(result);
      expect(verdict.pass).toBe(false);
      expect(verdict.message).toMatch(
        /^the export `plaintext` (is missing|is a string of \d+ characters that is not the right one)\. the export `tampered` is checked together with it/,
      );
    }
  });

  it('refuses a wrong answer next to the right proof', () => {
    expect(answerWithProof({ plaintext: 'The package is under the third bench.', tampered: 0 })).toMatchObject({
      pass: false,
      message: expect.stringMatching(/is right, but the export `tampered` is not/),
    });
    expect(answerWithProof({ plaintext: 'The package is under the third bench.', tampered: '1' }).pass).toBe(false);
  });

  it('reports a lesson bug when an expected value is missing', () => {
    const verdict = DEFAULT_CHECK_REGISTRY.answerWithProof!({
      value: undefined,
      found: false,
      what: 'the result',
      result: {},
      expected: { a: 1 },
      params: { proof: ['a'], answer: ['b'] },
    });
    expect(verdict).toMatchObject({ pass: false, message: expect.stringMatching(/lesson bug/) });
  });
});
