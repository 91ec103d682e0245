/**
 * Drivers for lessons/key-exchange: both sides reach one secret; Eve's capture holds no secret; the
 * code exercise passes with its reference solution, typed into the editor by keyboard (pasted).
 */
import { expect } from '@playwright/test';
import type { LessonDrivers } from '../lesson-driver';
import { sharedSecretByHand } from '../../lessons/key-exchange/exercises';
import { exchange, generateKeyPair, shownHex } from './crypto-steps';
import { passExerciseByKeyboard } from './exercise-steps';

/** Exercises these drivers pass (the walk expects them in stored progress). */
export const passesExercises = ['shared-secret-by-hand'];

let shared = '';
let alicePublic = '';

export const drivers: LessonDrivers = {
  'two-key-pairs': async ({ page, panel }) => {
    alicePublic = await generateKeyPair(page, panel, 'alice');
    await generateKeyPair(page, panel, 'bob');
  },
  'swap-and-compute': async ({ page, panel }) => {
    shared = await exchange(page, panel);
  },
  'what-eve-sees': async ({ panel }) => {
    const captured = panel.getByRole('list', { name: 'Captured items' }).getByRole('listitem');
    await expect(captured).toHaveCount(2);
    expect(await shownHex(panel, 'wire-1')).toBe(alicePublic);
    expect((await panel.innerText()).replace(/\s/g, '')).not.toContain(shared);
  },
  'in-code': async ({ page, panel }) => {
    const { region } = await passExerciseByKeyboard(page, panel, sharedSecretByHand());
    await expect(region.getByRole('log')).toContainText('refused: X25519 refused this public key');
  },
};
