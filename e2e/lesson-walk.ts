/**
 * Shared steps of the generated lesson walk: open a lesson, answer a quiz by keyboard, load a
 * lesson's step drivers.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import type { QuizQuestion } from '../lib/lessons/lesson-types';
import { expect } from './fixtures';
import { tabTo, type LessonDrivers } from './lesson-driver';

const DRIVERS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lesson-drivers');

/**
 * The whole driver module: its drivers, and `passesExercises`, the ids of the code exercises its
 * drivers pass (the walk then expects each in stored progress).
 */
export async function loadDriverModule(
  slug: string,
): Promise<{ drivers: LessonDrivers; passesExercises: readonly string[] }> {
  const file = path.join(DRIVERS_DIR, `${slug}.ts`);
  if (!existsSync(file)) return { drivers: {}, passesExercises: [] };
  const mod = (await import(pathToFileURL(file).href)) as {
    drivers?: LessonDrivers;
    passesExercises?: readonly string[];
  };
  if (!mod.drivers) throw new Error(`${file} must export \`drivers\` (LessonDrivers)`);
  return { drivers: mod.drivers, passesExercises: mod.passesExercises ?? [] };
}

/** Opens a lesson (optionally at a step) and waits until React has hydrated it. */
export async function openLesson(page: Page, slug: string, stepId?: string): Promise<void> {
  await page.goto(`/learn/${slug}${stepId ? `#${stepId}` : ''}`);
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
}

async function press(page: Page, key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/**
 * Answers a quiz by keyboard only: first a wrong answer (checking that it is refused with its
 * explanation), then the correct one. Returns the saved answer it expects in progress.
 */
export async function answerQuizByKeyboard(page: Page, panel: Locator, quiz: QuizQuestion): Promise<number | number[]> {
  const form = panel.getByRole('form', { name: quiz.question });
  const status = form.getByRole('status');
  const checkButton = form.getByRole('button', { name: 'Check answer' });
  const correct = quiz.choices.flatMap((c, i) => (c.correct ? [i] : []));

  if (quiz.multi) {
    const boxes = form.getByRole('checkbox');
    for (let i = 0; i < quiz.choices.length; i++) {
      await tabTo(page, boxes.nth(i));
      if (correct.includes(i)) await page.keyboard.press('Space');
    }
    await tabTo(page, checkButton);
    await page.keyboard.press('Enter');
    await expect(status).toHaveText('Correct.');
    return correct;
  }

  const radios = form.getByRole('radio');
  const right = correct[0]!;
  const wrong = quiz.choices.findIndex((c) => !c.correct);
  await tabTo(page, radios.first());
  // Arrow keys move and select within a radio group; Space selects the focused radio.
  if (wrong === 0) await page.keyboard.press('Space');
  else await press(page, 'ArrowDown', wrong);
  await expect(radios.nth(wrong)).toBeChecked();
  await tabTo(page, checkButton);
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(/^Not quite/);
  await expect(form.getByText(quiz.choices[wrong]!.explanation)).toBeVisible();

  await tabTo(page, radios.nth(wrong), { backwards: true });
  await press(page, right > wrong ? 'ArrowDown' : 'ArrowUp', Math.abs(right - wrong));
  await expect(radios.nth(right)).toBeChecked();
  await tabTo(page, checkButton);
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Correct.');
  await expect(form.getByText(quiz.choices[right]!.explanation)).toBeVisible();
  return right;
}
