import { describe, expect, it } from 'vitest';
import { quizChoiceOrder } from './quiz-choice-order';

describe('quizChoiceOrder', () => {
  it('is a permutation of the choices, the same every time for one question', () => {
    const order = quizChoiceOrder('keys', 'what-bob-sends', 4);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(quizChoiceOrder('keys', 'what-bob-sends', 4)).toEqual(order);
  });

  it('does not keep the written order: over many questions the first written answer is shown first about 1 time in n', () => {
    let firstStaysFirst = 0;
    const questions = 600;
    for (let q = 0; q < questions; q++) if (quizChoiceOrder('lesson', `q-${q}`, 3)[0] === 0) firstStaysFirst++;
    // 1/3 expected (200); a broken shuffle (identity, or never first) lands far outside.
    expect(firstStaysFirst).toBeGreaterThan(150);
    expect(firstStaysFirst).toBeLessThan(250);
  });

  it('depends on the lesson as well as the question', () => {
    const orders = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((slug) => quizChoiceOrder(slug, 'same-id', 4).join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});
