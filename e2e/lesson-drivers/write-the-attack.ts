/**
 * Drivers for lessons/write-the-attack (the capstone): run the starter and see it fail, open the
 * editor by keyboard, paste the reference solution from the lesson's own exercises.ts over the
 * starter, run it with Ctrl+Enter, and see every check pass: all messages decrypted, the meeting
 * found, and the forgery accepted by the recipient's client. The pass is kept in progress.
 */
import { expect } from '@playwright/test';
import { writeTheAttack } from '../../lessons/write-the-attack/exercises';
import type { ExerciseSpec } from '../../lib/sandbox/exercise-spec';
import type { LessonDrivers } from '../lesson-driver';
import { passExerciseByKeyboard } from './exercise-steps';

let built: Promise<ExerciseSpec> | undefined;

/** Exercises these drivers pass (the walk expects them in stored progress). */
export const passesExercises = ['write-the-attack'];

export const drivers: LessonDrivers = {
  'write-it': async ({ page, panel }) => {
    const exercise = await (built ??= writeTheAttack());
    const expected = exercise.setup.expected as { plaintexts: string[]; meetingSeq: number };
    const { region, status } = await passExerciseByKeyboard(page, panel, exercise, async (starterRegion) => {
      await expect(starterRegion.getByRole('listitem').filter({ hasText: 'every captured message' })).toContainText(
        `0 of ${expected.plaintexts.length} messages`,
      );
    });
    console.log(`[write-the-attack] reference solution in the page: ${status}`);
    await expect(region.getByRole('log')).toContainText(`seq ${expected.meetingSeq}`);
    await expect(region.getByRole('log')).toContainText(expected.plaintexts[expected.meetingSeq]!);
    await expect(region.getByRole('listitem').filter({ hasText: 'accepted it as a message from' })).toContainText(
      'Change of plan',
    );
    await expect(region.getByText(/^✓ Passed on /)).toBeVisible();
    await expect(
      page
        .getByRole('navigation', { name: 'Lesson steps' })
        .getByRole('link', { name: /^Write the attack, code exercise passed/ }),
    ).toBeVisible();
  },
};
