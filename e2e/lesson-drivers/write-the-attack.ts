/**
 * Drivers for lessons/write-the-attack (the capstone): run the starter and see it fail, open the
 * editor by keyboard, replace the code with the reference solution from the lesson's own
 * exercises.ts (pasted, as a learner would), run it with Ctrl+Enter, and see every check pass: all messages decrypted, the
 * meeting found, and the forgery accepted by the recipient's client. The pass is kept in progress.
 */
import { expect } from '@playwright/test';
import { writeTheAttack } from '../../lessons/write-the-attack/exercises';
import type { ExerciseSpec } from '../../lib/sandbox/exercise-spec';
import type { LessonDrivers } from '../lesson-driver';
import { expectAllChecksPass, exerciseRegion, leaveEditorByKeyboard, pasteIntoEditorByKeyboard, runFromEditor, runStarterByKeyboard } from './exercise-steps';

let built: Promise<ExerciseSpec> | undefined;

/** Exercises these drivers pass (the walk expects them in stored progress). */
export const passesExercises = ['write-the-attack'];

export const drivers: LessonDrivers = {
  'write-it': async ({ page, panel }) => {
    const exercise = await (built ??= writeTheAttack());
    const expected = exercise.setup.expected as { plaintexts: string[]; meetingSeq: number };
    const region = exerciseRegion(panel, exercise);

    await runStarterByKeyboard(page, region, exercise);
    await expect(region.getByRole('listitem').filter({ hasText: 'every captured message' })).toContainText(`0 of ${expected.plaintexts.length} messages`);

    await pasteIntoEditorByKeyboard(page, region, exercise.solution);
    const status = await runFromEditor(page, region);
    console.log(`[write-the-attack] reference solution in the page: ${status}`);
    await expectAllChecksPass(region, exercise);
    await expect(region.getByRole('log')).toContainText(`seq ${expected.meetingSeq}`);
    await expect(region.getByRole('log')).toContainText(expected.plaintexts[expected.meetingSeq]!);
    await expect(region.getByRole('listitem').filter({ hasText: 'accepted it as a message from' })).toContainText('Change of plan');
    await expect(region.getByText(/^✓ Passed on /)).toBeVisible();
    await leaveEditorByKeyboard(page, region);
  },
};
