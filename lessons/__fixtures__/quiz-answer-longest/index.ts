// Fixture "quiz-answer-longest": a copy of ../valid that breaks one rule (see scripts/lessons-check.test.ts).
import type { Lesson, Track } from '@/lib/lessons/lesson-types';
import { lesson as alpha } from './alpha/meta';
import { lesson as beta } from './beta/meta';

export const lessons = [alpha, beta] satisfies Lesson[];

export const tracks = [
  { id: 'first', title: 'First track', description: 'The first track.', lessons: ['alpha'] },
  { id: 'second', title: 'Second track', description: 'The second track.', lessons: ['beta'] },
] satisfies Track[];
