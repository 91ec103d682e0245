// Fixture: a valid two-lesson course, alpha with one code exercise. scripts/lessons-check.test.ts
// breaks each rule with one small edit of it.
import type { Track } from '@/lib/lessons/lesson-types';

export const tracks = [
  { id: 'first', title: 'First track', description: 'The first track.', lessons: ['alpha'] },
  { id: 'second', title: 'Second track', description: 'The second track.', lessons: ['beta'] },
] satisfies Track[];
