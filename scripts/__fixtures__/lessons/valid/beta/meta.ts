import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'beta',
  title: 'Beta',
  summary: 'The second fixture lesson.',
  minutes: 4,
  level: 'intermediate',
  objectives: ['Come after alpha'],
  prerequisites: ['alpha'],
  steps: [
    { id: 'one', title: 'One' },
    { id: 'two', title: 'Two' },
  ],
  quiz: [],
} satisfies Lesson;
