import type { LessonExercises } from '@/lib/lessons/lesson-exercises';

export const exercisesByLesson = {
  alpha: () => import('./alpha/exercises'),
} satisfies Record<string, () => Promise<{ exercises: LessonExercises }>>;
