'use client';

import { useEffect, useId, useState, type FormEvent } from 'react';
import type { QuizQuestion } from '@/lib/lessons/lesson-types';
import type { QuizAnswer } from '@/lib/lessons/progress';
import { quizChoiceOrder } from '@/lib/lessons/quiz-choice-order';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { useProgressStore } from '@/lib/store/progress-store';
import { useLessonPlayer } from '../lesson/lesson-player-context';
import styles from './Quiz.module.css';

function toIndices(answer: QuizAnswer | undefined): number[] | null {
  if (answer === undefined) return null;
  return Array.isArray(answer) ? answer : [answer];
}

function isCorrect(question: QuizQuestion, chosen: readonly number[]): boolean {
  const correct = question.choices.flatMap((c, i) => (c.correct ? [i] : []));
  return chosen.length === correct.length && correct.every((i) => chosen.includes(i));
}

/**
 * A question from the lesson's meta.quiz: radio buttons (checkboxes when `multi`) in a fixed
 * shuffled order (quiz-choice-order.ts: the position never gives the answer away), a Check button,
 * and the explanation of each checked answer. The checked answer is saved in progress; a correct
 * answer reports the action `quiz:<id>`, which a step can require.
 */
export function Quiz({ id }: { id: string }) {
  const { lesson } = useLessonPlayer();
  const question = lesson.quiz.find((q) => q.id === id);
  const saved = toIndices(useProgressStore((s) => s.progress.lessons[lesson.slug]?.quiz[id]));
  const answerQuiz = useProgressStore((s) => s.answerQuiz);
  // null = untouched in this visit: show the saved answer, if any.
  const [picked, setPicked] = useState<number[] | null>(null);
  const [checkedNow, setCheckedNow] = useState<number[] | null>(null);
  const [askedToChoose, setAskedToChoose] = useState(false);
  const baseId = useId();

  const selection = picked ?? saved ?? [];
  const checked = checkedNow ?? saved;
  const correct = question !== undefined && checked !== null && isCorrect(question, checked);

  useEffect(() => {
    if (correct) recordLessonAction(`quiz:${id}`);
  }, [correct, id]);

  if (!question) {
    return <p role="alert">Quiz “{id}” is missing from this lesson’s meta.ts.</p>;
  }
  const multi = question.multi === true;
  const stale =
    checked !== null && (selection.length !== checked.length || selection.some((i) => !checked.includes(i)));

  const choose = (index: number, on: boolean) => {
    if (multi)
      setPicked(
        on
          ? [...selection.filter((i) => i !== index), index].sort((a, b) => a - b)
          : selection.filter((i) => i !== index),
      );
    else setPicked([index]);
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (selection.length === 0) {
      setAskedToChoose(true);
      return;
    }
    setAskedToChoose(false);
    setCheckedNow(selection);
    const [first] = selection;
    answerQuiz(lesson.slug, id, multi ? selection : (first as number));
  };

  const legendId = `${baseId}-legend`;
  return (
    <form className={styles.quiz} onSubmit={check} aria-labelledby={legendId}>
      <fieldset className={styles.fieldset}>
        <legend id={legendId} className={styles.question}>
          {question.question}
        </legend>
        {multi ? <p className={styles.instruction}>Choose all that apply.</p> : null}
        <ul className={styles.choices}>
          {quizChoiceOrder(lesson.slug, question.id, question.choices.length).map((index) => {
            const choice = question.choices[index]!;
            const inputId = `${baseId}-${index}`;
            const explained = checked !== null && !stale && (correct || checked.includes(index));
            return (
              <li key={index} className={explained ? (choice.correct ? styles.right : styles.wrong) : undefined}>
                <label htmlFor={inputId} className={styles.choice}>
                  <input
                    id={inputId}
                    type={multi ? 'checkbox' : 'radio'}
                    name={`${baseId}-choice`}
                    value={index}
                    checked={selection.includes(index)}
                    onChange={(e) => choose(index, e.currentTarget.checked)}
                    aria-describedby={explained ? `${inputId}-why` : undefined}
                  />
                  <span>{choice.text}</span>
                </label>
                {explained ? (
                  <p id={`${inputId}-why`} className={styles.explanation}>
                    <strong>{choice.correct ? 'Right answer.' : 'Not this one.'}</strong> {choice.explanation}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <div className={styles.actions}>
        <button type="submit" aria-disabled={selection.length === 0 ? 'true' : undefined}>
          Check answer
        </button>
        <p
          role="status"
          className={`${styles.result} ${checked && !stale ? (correct ? styles.resultRight : styles.resultWrong) : ''}`}
        >
          {checked === null || stale
            ? askedToChoose && selection.length === 0
              ? 'Choose an answer first.'
              : ''
            : correct
              ? 'Correct.'
              : multi
                ? 'Not quite: check the explanations and try again.'
                : 'Not quite: read why, then try another answer.'}
        </p>
      </div>
    </form>
  );
}
