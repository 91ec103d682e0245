import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'alpha',
  title: 'Alpha',
  summary: 'The first fixture lesson.',
  minutes: 3,
  level: 'beginner',
  objectives: ['Pass the validator'],
  prerequisites: [],
  steps: [
    { id: 'intro', title: 'Intro' },
    { id: 'try-it', title: 'Try it', exercise: 'alpha-sum', requires: [{ action: 'quiz:alpha-check', hint: 'Answer the question first.' }] },
  ],
  quiz: [
    {
      id: 'alpha-check',
      question: 'Is this valid?',
      choices: [
        { text: 'Yes', correct: true, explanation: 'It passes every rule.' },
        { text: 'No', correct: false, explanation: 'It does pass.' },
      ],
    },
  ],
} satisfies Lesson;
