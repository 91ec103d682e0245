/**
 * Finds quizzes whose right answers can be spotted without understanding the question: shown first
 * (after the display shuffle, quiz-choice-order.ts) or the longest answer, in more than half of a
 * lesson's single-choice questions. It takes at least two such questions to make a pattern, so a
 * lesson with one question is never flagged.
 * @module
 */
import type { LessonIssue } from './lesson-issue';
import type { Lesson, QuizQuestion } from './lesson-types';
import { quizChoiceOrder } from './quiz-choice-order';

const MIN_QUESTIONS = 2;

/** Whether the question's right answer is the first one shown. */
function shownFirst(slug: string, question: QuizQuestion): boolean {
  const [first] = quizChoiceOrder(slug, question.id, question.choices.length);
  return first !== undefined && question.choices[first]?.correct === true;
}

/** Whether the right answer is strictly longer than every wrong one. */
function longest(question: QuizQuestion): boolean {
  const right = question.choices.find((c) => c.correct);
  if (!right) return false;
  return question.choices.every((c) => c === right || c.text.length < right.text.length);
}

const ids = (questions: readonly QuizQuestion[]) => questions.map((q) => `"${q.id}"`).join(', ');

/** The tells in one lesson's quiz (issues on its meta.ts, field `quiz`). */
export function checkQuizAnswerTells(lesson: Lesson, metaFile: string): LessonIssue[] {
  const single = lesson.quiz.filter((q) => q.multi !== true);
  if (single.length < MIN_QUESTIONS) return [];
  const issues: LessonIssue[] = [];
  const first = single.filter((q) => shownFirst(lesson.slug, q));
  if (first.length * 2 > single.length) {
    issues.push({
      rule: 'quiz-answer-first',
      file: metaFile,
      path: 'quiz',
      message: `The right answer is shown first in ${first.length} of ${single.length} questions (${ids(first)}), so the position gives it away: move the right answer to another place in some of these questions' choices (the page shows a fixed shuffle of meta.ts's order).`,
    });
  }
  const long = single.filter(longest);
  if (long.length * 2 > single.length) {
    issues.push({
      rule: 'quiz-answer-longest',
      file: metaFile,
      path: 'quiz',
      message: `The right answer is the longest in ${long.length} of ${single.length} questions (${ids(long)}), so its length gives it away: make a wrong answer as long and as careful, or the right one shorter.`,
    });
  }
  return issues;
}
