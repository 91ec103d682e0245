import { describe, expect, it } from 'vitest';
import type { Lesson } from '../lib/lessons/lesson-types';
import {
  countWords,
  estimateLessonMinutes,
  EXERCISE_SECONDS,
  QUIZ_DECISION_SECONDS,
  quizWords,
  READING_WORDS_PER_MINUTE,
  readableProse,
  UNKNOWN_WIDGET_SECONDS,
  WIDGET_SECONDS,
  widgetsUsed,
} from './lesson-minutes-model';

const MDX = `{/* Lesson 9: a header comment the learner never sees. */}

<Step id="one">

Alice and Bob **agree** on a key.

<KeyPair actor="alice" />

<Callout kind="note" title="Aside">

Read this too.

</Callout>

<Notes>

Presenter only: five words here.

</Notes>

</Step>

<Step id="two">

<Exercise id="shared-secret-by-hand" />

<Quiz id="q" />

</Step>
`;

const quiz: Lesson['quiz'] = [
  {
    id: 'q',
    question: 'Which half is secret?',
    choices: [
      { text: 'The secret key', correct: true, explanation: 'Right, it stays home.' },
      { text: 'The public key', correct: false, explanation: 'No, this explanation is not counted.' },
    ],
  },
];

describe('the prose a learner reads', () => {
  it('drops comments, tags and presenter notes, keeps callout text', () => {
    const words = readableProse(MDX).split(/\s+/).filter(Boolean);
    expect(words).toEqual(['Alice', 'and', 'Bob', '**agree**', 'on', 'a', 'key.', 'Read', 'this', 'too.']);
    expect(countWords(readableProse(MDX))).toBe(10);
  });

  it('counts only tokens with a letter or digit', () => {
    expect(countWords('ct1 ⊕ ct2 = pt1 ⊕ pt2 — 2<sup>128</sup>')).toBe(5);
  });

  it('lists the widgets worked, not structure, quizzes, exercises or notes', () => {
    expect(widgetsUsed(MDX)).toEqual(['KeyPair']);
    expect(widgetsUsed('<AttackConsole />\n<AttackConsole authorities="two" />\n<Notes>\n<Forge />\n</Notes>')).toEqual(
      ['AttackConsole', 'AttackConsole'],
    );
  });

  it("reads a quiz's question, every choice and the right answer's explanation", () => {
    // Question 4, choices 3 + 3, the right explanation 4; the wrong one's explanation is not counted.
    expect(quizWords(quiz)).toBe(4 + 3 + 3 + 4);
  });
});

describe('estimateLessonMinutes', () => {
  const steps: Lesson['steps'] = [
    { id: 'one', title: 'One' },
    { id: 'two', title: 'Two', exercise: 'shared-secret-by-hand' },
  ];

  it('adds reading time, quiz time and widget allowances; an optional exercise is reported apart', () => {
    const e = estimateLessonMinutes({ quiz, steps }, MDX);
    expect(e.proseWords).toBe(10);
    expect(e.quizWords).toBe(14);
    expect(e.readingSeconds).toBeCloseTo((24 / READING_WORDS_PER_MINUTE) * 60);
    expect(e.quizSeconds).toBe(QUIZ_DECISION_SECONDS);
    expect(e.widgetSeconds).toBe(WIDGET_SECONDS.KeyPair);
    expect(e.exerciseSeconds).toBe(0);
    expect(e.optionalExerciseSeconds).toBe(EXERCISE_SECONDS['shared-secret-by-hand']);
    expect(e.minutes).toBe(Math.max(1, Math.round((e.readingSeconds + e.quizSeconds + e.widgetSeconds) / 60)));
  });

  it('counts an exercise that a step requires', () => {
    const gated: Lesson['steps'] = [
      steps[0]!,
      {
        id: 'two',
        title: 'Two',
        exercise: 'shared-secret-by-hand',
        requires: [{ action: 'exercise:shared-secret-by-hand', hint: 'Pass it.' }],
      },
    ];
    const e = estimateLessonMinutes({ quiz, steps: gated }, MDX);
    expect(e.exerciseSeconds).toBe(EXERCISE_SECONDS['shared-secret-by-hand']);
    expect(e.optionalExerciseSeconds).toBe(0);
  });

  it('gives an unknown widget the default allowance and names it', () => {
    const e = estimateLessonMinutes({ quiz: [], steps: [] }, '<Step id="a">\n\n<GhostRoster />\n\n</Step>');
    expect(e.widgetSeconds).toBe(UNKNOWN_WIDGET_SECONDS);
    expect(e.unknown).toEqual(['GhostRoster']);
  });

  it('reads at READING_WORDS_PER_MINUTE: ten minutes of words are ten minutes', () => {
    const words = 'word '.repeat(READING_WORDS_PER_MINUTE * 10);
    expect(estimateLessonMinutes({ quiz: [], steps: [] }, `<Step id="a">\n\n${words}\n\n</Step>`).minutes).toBe(10);
  });
});
