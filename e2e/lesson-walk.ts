/**
 * Shared steps of the generated lesson walk: open a lesson, answer a quiz by keyboard, load a
 * lesson's step drivers.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import type { QuizQuestion } from '../lib/lessons/lesson-types';
import { quizChoiceOrder } from '../lib/lessons/quiz-choice-order';
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
 * explanation), then the correct one. The choices are shown in the lesson's fixed shuffle
 * (quizChoiceOrder); the saved answer it returns, as progress stores it, uses meta.ts's indices.
 */
export async function answerQuizByKeyboard(
  page: Page,
  panel: Locator,
  slug: string,
  quiz: QuizQuestion,
): Promise<number | number[]> {
  const form = panel.getByRole('form', { name: quiz.question });
  const status = form.getByRole('status');
  const checkButton = form.getByRole('button', { name: 'Check answer' });
  const correct = quiz.choices.flatMap((c, i) => (c.correct ? [i] : []));
  /** Meta index of the choice shown at each position. */
  const shown = quizChoiceOrder(slug, quiz.id, quiz.choices.length);
  const position = (metaIndex: number) => shown.indexOf(metaIndex);

  if (quiz.multi) {
    const boxes = form.getByRole('checkbox');
    for (let p = 0; p < shown.length; p++) {
      await tabTo(page, boxes.nth(p));
      if (correct.includes(shown[p]!)) await page.keyboard.press('Space');
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
  if (position(wrong) === 0) await page.keyboard.press('Space');
  else await press(page, 'ArrowDown', position(wrong));
  await expect(radios.nth(position(wrong))).toBeChecked();
  await tabTo(page, checkButton);
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(/^Not quite/);
  await expect(form.getByText(quiz.choices[wrong]!.explanation)).toBeVisible();

  await tabTo(page, radios.nth(position(wrong)), { backwards: true });
  const move = position(right) - position(wrong);
  await press(page, move > 0 ? 'ArrowDown' : 'ArrowUp', Math.abs(move));
  await expect(radios.nth(position(right))).toBeChecked();
  await tabTo(page, checkButton);
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Correct.');
  await expect(form.getByText(quiz.choices[right]!.explanation)).toBeVisible();
  return right;
}
