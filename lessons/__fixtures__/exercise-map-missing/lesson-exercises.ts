import type { LessonExercises } from '@/lib/lessons/lesson-exercises';

export const lessonExercises = {
} satisfies Record<string, () => Promise<{ exercises: LessonExercises }>>;
