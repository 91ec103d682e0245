'use client';
/**
 * The code exercises of the lesson being shown. The lesson page (a server component) builds them
 * from `lessons/<slug>/exercises.ts` at build time (their setup is computed with the app's crypto
 * and protocol code) and passes them here; `<Exercise id>` widgets read theirs by id. The page only
 * renders this provider for lessons that have exercises, so other lessons load none of it.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';

const LessonExercisesContext = createContext<readonly ExerciseSpec[]>([]);

/** Provides the lesson's exercises to the `<Exercise>` widgets in its content. */
export function LessonExercisesProvider({
  exercises,
  children,
}: {
  exercises: readonly ExerciseSpec[];
  children: ReactNode;
}) {
  return <LessonExercisesContext.Provider value={exercises}>{children}</LessonExercisesContext.Provider>;
}

/** The lesson's exercise with this id, if the page provided one. */
export function useLessonExercise(id: string): ExerciseSpec | undefined {
  return useContext(LessonExercisesContext).find((exercise) => exercise.id === id);
}
