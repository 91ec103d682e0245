import type { LessonExercises } from '@/lib/lessons/lesson-exercises';

export const exercises = [
  () => ({
    id: 'alpha-sum',
    title: 'Add two numbers',
    instructions: 'Export `sum`: `lesson.a` plus `lesson.b`.',
    starter: 'export const sum = 0;\n',
    solution: 'export const sum = lesson.a + lesson.b;\n',
    checks: [
      { id: 'ran', kind: 'ran', description: 'The program runs to the end' },
      { id: 'sum', kind: 'equals', path: 'sum', expected: 'sum', description: '`sum` is a + b' },
    ],
    hints: ['Read lesson.a and lesson.b.'],
    cheats: [{ name: 'returns a value of the setup', source: 'export const sum = lesson.a;\n', caughtBy: 'sum' }],
    setup: { context: { a: 2, b: 3 }, expected: { sum: 2 + 3 } },
  }),
] satisfies LessonExercises;
