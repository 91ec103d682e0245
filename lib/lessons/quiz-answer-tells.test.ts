import { describe, expect, it } from 'vitest';
import { checkQuizAnswerTells } from './quiz-answer-tells';
import type { Lesson, QuizQuestion } from './lesson-types';
import { quizChoiceOrder } from './quiz-choice-order';

const choice = (text: string, correct = false) => ({ text, correct, explanation: 'Because.' });

function lessonWith(quiz: QuizQuestion[]): Lesson {
  return {
    slug: 'fixture',
    title: 'Fixture',
    summary: 'A lesson for the test.',
    minutes: 1,
    level: 'beginner',
    objectives: ['Test'],
    prerequisites: [],
    steps: [{ id: 'one', title: 'One' }],
    quiz,
  };
}

/** A question whose right answer lands at `shownAt` after the display shuffle; every answer the same length. */
function questionShowingRightAt(id: string, shownAt: number): QuizQuestion {
  const order = quizChoiceOrder('fixture', id, 3);
  const choices = ['Aaa', 'Bbb', 'Ccc'].map((text, i) => choice(text, i === order[shownAt]));
  return { id, question: `Question ${id}?`, choices };
}

describe('checkQuizAnswerTells', () => {
  it('flags a quiz whose right answer is shown first in more than half of its questions', () => {
    const issues = checkQuizAnswerTells(
      lessonWith([questionShowingRightAt('a', 0), questionShowingRightAt('b', 0), questionShowingRightAt('c', 2)]),
      'fixture/meta.ts',
    );
    expect(issues.map((i) => i.rule)).toEqual(['quiz-answer-first']);
    expect(issues[0]!.message).toContain('shown first in 2 of 3 questions ("a", "b")');
  });

  it('passes when the right answer is shown first in half of the questions or fewer', () => {
    const quiz = [questionShowingRightAt('a', 0), questionShowingRightAt('b', 1)];
    expect(checkQuizAnswerTells(lessonWith(quiz), 'fixture/meta.ts')).toEqual([]);
  });

  it('flags a quiz whose right answer is the longest in more than half of its questions', () => {
    const long = (id: string): QuizQuestion => ({
      id,
      question: `${id}?`,
      choices: [choice('No'), choice('The one careful, qualified answer', true), choice('Yes')],
    });
    const issues = checkQuizAnswerTells(lessonWith([long('a'), long('b'), questionShowingRightAt('c', 1)]), 'm.ts');
    expect(issues.map((i) => i.rule)).toContain('quiz-answer-longest');
  });

  it('needs two single-choice questions to see a pattern (multi-answer questions do not count)', () => {
    const multi: QuizQuestion = { ...questionShowingRightAt('m', 0), multi: true };
    expect(checkQuizAnswerTells(lessonWith([questionShowingRightAt('a', 0), multi]), 'm.ts')).toEqual([]);
  });
});
