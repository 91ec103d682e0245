'use client';

import { createContext, useContext } from 'react';
import type { Lesson } from '@/lib/lessons/lesson-types';

/** What widgets inside a lesson can read about the lesson and the step on screen. */
export interface LessonPlayerValue {
  readonly lesson: Lesson;
  /** Index of the step on screen. */
  readonly currentIndex: number;
}

/** Provided by LessonPlayer; read it with useLessonPlayer(). */
export const LessonPlayerContext = createContext<LessonPlayerValue | null>(null);

/** The lesson being played; throws outside a LessonPlayer so a misplaced widget fails loudly. */
export function useLessonPlayer(): LessonPlayerValue {
  const value = useContext(LessonPlayerContext);
  if (!value) throw new Error('Lesson widgets (Step, Quiz, ...) must be rendered inside <LessonPlayer>.');
  return value;
}

/** The id of a step's heading element (focus moves there when the step changes). */
export function stepHeadingId(stepId: string): string {
  return `step-${stepId}-title`;
}
