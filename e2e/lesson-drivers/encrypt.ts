/**
 * Drivers for lessons/encrypt: derive, seal and open the learner's text, see a flipped bit
 * refused, see ct1 ⊕ ct2 = pt1 ⊕ pt2 with a reused nonce, and pass the code exercise (the reference
 * solution, pasted into the editor by keyboard).
 */
import { expect } from '@playwright/test';
import type { LessonDrivers } from '../lesson-driver';
import { tabTo } from '../lesson-driver';
import { openAndSpotTheTamper } from '../../lessons/encrypt/exercises';
import { exchange, generateKeyPair, press, sendAndOpen, shownHex } from './crypto-steps';
import { passExerciseByKeyboard } from './exercise-steps';

/** Exercises these drivers pass (the walk expects them in stored progress). */
export const passesExercises = ['open-and-spot-the-tamper'];

export const drivers: LessonDrivers = {
  setup: async ({ page, panel }) => {
    await generateKeyPair(page, panel, 'alice');
    await generateKeyPair(page, panel, 'bob');
    await exchange(page, panel);
  },
  derive: async ({ page, panel }) => {
    await press(page, panel, 'Derive message key');
    const key = await shownHex(panel, 'alice-message-key');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await shownHex(panel, 'bob-message-key')).toBe(key);
  },
  'seal-and-open': async ({ page, panel }) => {
    await sendAndOpen(page, panel, 'The package is under the third bench');
  },
  'flip-a-bit': async ({ page, panel }) => {
    const bit = panel.getByRole('textbox', { name: 'Bit to flip' });
    await tabTo(page, bit);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12');
    await press(page, panel, 'Flip the bit in transit');
    await expect(panel.getByText('1 bit of what Bob receives differs')).toBeVisible();
    await press(page, panel, 'Bob decrypts');
    await expect(panel.getByTestId('bob-error')).toContainText('authentication tag does not match');
  },
  'reuse-a-nonce': async ({ page, panel }) => {
    await press(page, panel, 'Encrypt both with the same key and nonce');
    const ctXor = await shownHex(panel, 'ct-xor');
    expect(ctXor.length).toBeGreaterThan(0);
    expect(await shownHex(panel, 'pt-xor')).toBe(ctXor);
    await expect(panel.getByTestId('recovered')).toHaveText(
      'The vault code is 4 8 1 5 2'.slice(0, 'Transfer 100 euros to Carol'.length),
    );
  },
  'in-code': async ({ page, panel }) => {
    const exercise = openAndSpotTheTamper();
    const { region } = await passExerciseByKeyboard(page, panel, exercise);
    await expect(region.getByRole('log')).toContainText(`Alice wrote: ${String(exercise.setup.expected.plaintext)}`);
    await expect(region.getByRole('log')).toContainText('rejected:');
  },
};
