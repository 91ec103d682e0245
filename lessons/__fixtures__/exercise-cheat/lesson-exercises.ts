import type { LessonExercises } from '@/lib/lessons/lesson-exercises';

export const lessonExercises = {
  alpha: () => import('./alpha/exercises'),
} satisfies Record<string, () => Promise<{ exercises: LessonExercises }>>;
