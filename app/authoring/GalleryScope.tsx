'use client';
/**
 * What the gallery's widgets run inside, as in a lesson: the gallery lesson (its example step,
 * question and exercise), one lesson scope and one two-party lab shared by every widget on the
 * page, and the example exercise.
 */
import type { ReactNode } from 'react';
import { LessonExercisesProvider } from '@/app/_components/exercise/LessonExercises';
import { LessonPlayerContext } from '@/app/_components/lesson/lesson-player-context';
import { LabProvider } from '@/app/_components/widgets/crypto/LabProvider';
import { LessonScope } from '@/app/_components/widgets/LessonScope';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';
import { GALLERY_LESSON } from '@/lib/lessons/widget-gallery';

const PLAYER = { lesson: GALLERY_LESSON, currentIndex: 0 } as const;

export function GalleryScope({ exercises, children }: { exercises: readonly ExerciseSpec[]; children: ReactNode }) {
  return (
    <LessonPlayerContext.Provider value={PLAYER}>
      <LessonScope>
        <LabProvider>
          <LessonExercisesProvider exercises={exercises}>{children}</LessonExercisesProvider>
        </LabProvider>
      </LessonScope>
    </LessonPlayerContext.Provider>
  );
}
