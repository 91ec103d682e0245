/**
 * Drivers for lessons/key-exchange: both sides reach one secret; Eve's capture holds no secret; the
 * code exercise passes with its reference solution, typed into the editor by keyboard (pasted).
 */
import { expect } from '@playwright/test';
import type { LessonDrivers } from '../lesson-driver';
import { tabTo } from '../lesson-driver';
import { sharedSecretByHand } from '../../lessons/key-exchange/exercises';
import { exchange, generateKeyPair, press, shownHex } from './crypto-steps';
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
  'low-order-points': async ({ page, panel }) => {
    // Alice's real key gives a 32-byte secret; a low-order point is refused, computed on the page.
    const radios = panel.getByRole('group', { name: 'Public key Bob receives' }).getByRole('radio');
    await tabTo(page, radios.nth(1));
    await page.keyboard.press('ArrowUp');
    await expect(radios.first()).toBeChecked();
    await press(page, panel, 'Bob computes X25519 with this key');
    expect(await shownHex(panel, 'low-order-secret')).toMatch(/^[0-9a-f]{64}$/);
    await tabTo(page, radios.first(), { backwards: true });
    await page.keyboard.press('ArrowDown');
    await expect(radios.nth(1)).toBeChecked();
    await press(page, panel, 'Bob computes X25519 with this key');
    await expect(panel.getByTestId('low-order-refusal')).toContainText('X25519 refused this public key');
    expect(await shownHex(panel, 'received-key')).toBe('00'.repeat(32));
  },
  'in-code': async ({ page, panel }) => {
    const { region } = await passExerciseByKeyboard(page, panel, sharedSecretByHand());
    await expect(region.getByRole('log')).toContainText('refused: X25519 refused this public key');
  },
};
