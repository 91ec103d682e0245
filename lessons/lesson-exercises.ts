/**
 * Code exercises by slug, for the lessons that have them: slug → () => import('./<slug>/exercises').
 * The lesson page (a server component) loads and builds them at build time and hands them to the
 * `<Exercise>` widgets; a lesson without an entry loads no exercise code at all. `npm run
 * lessons:check` verifies that every lessons/<slug>/exercises.ts has its entry, and only those.
 */
import type { LessonExercises } from '@/lib/lessons/lesson-exercises';

/** slug → loader of that lesson's exercises.ts. */
export const lessonExercises = {
  'key-exchange': () => import('./key-exchange/exercises'),
  encrypt: () => import('./encrypt/exercises'),
  'forward-secrecy': () => import('./forward-secrecy/exercises'),
  'write-the-attack': () => import('./write-the-attack/exercises'),
} satisfies Record<string, () => Promise<{ exercises: LessonExercises }>>;
