'use client';
import { useMemo } from 'react';
import { codeLabExercise } from '@/lib/sandbox/code-lab-exercise';
import { CodeExercise } from '../_components/exercise/CodeExercise';

/** The Code lab's exercise, built on the client (its setup holds bytes, computed with the app's crypto). */
export function CodeLab() {
  const exercise = useMemo(() => codeLabExercise(), []);
  return (
    <>
      <p>
        Lesson data: <code>lesson</code> ({String((exercise.setup.context as { randomness: string }).randomness)}).
      </p>
      <CodeExercise exercise={exercise} />
    </>
  );
}
