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
    { id: 'try-it', title: 'Try it', requires: [{ action: 'quiz:alpha-check', hint: 'Answer the question first.' }] },
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
    {
      id: 'alpha-second',
      question: 'Which colour is this?',
      choices: [
        { text: 'Red', correct: false, explanation: 'It is tan.' },
        { text: 'Tan', correct: true, explanation: 'It is tan.' },
        { text: 'Jet', correct: false, explanation: 'It is tan.' },
      ],
    },
  ],
} satisfies Lesson;
