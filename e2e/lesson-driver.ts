/**
 * The extension point of the generated lesson walk (lessons.spec.ts). A lesson whose steps need
 * more than Next (generate a key, run the exchange, flip a bit) provides
 * `e2e/lesson-drivers/<slug>.ts` exporting `drivers`: step id → a function that performs the
 * step's actions like a learner, by keyboard, and checks the real values on screen. The walk
 * calls it while the step is visible, then answers the step's quizzes, then presses Next.
 */
import type { Locator, Page } from '@playwright/test';
import type { ClockSpan } from './fixtures';
import type { Lesson, LessonStep } from '../lib/lessons/lesson-types';

/** What a step driver gets. */
export interface StepDriverContext {
  readonly page: Page;
  readonly lesson: Lesson;
  readonly step: LessonStep;
  /** The visible step (its <section>), to scope locators to it. */
  readonly panel: Locator;
}

/** Performs one step's actions and checks their results; throws (via expect) on failure. */
export type StepDriver = (ctx: StepDriverContext) => Promise<void>;

/** The drivers of one lesson, by step id. Steps without a driver just go on to Next. */
export type LessonDrivers = Readonly<Record<string, StepDriver>>;

/**
 * Moves the focus with Tab (Shift+Tab when `backwards`) until `target` has it, as a keyboard user
 * would. Fails if it is not reached in `maxPresses`, i.e. it is not in the tab order.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, maxPresses = 80 } = {}): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('tabTo: target not found');
  for (let i = 0; i < maxPresses; i++) {
    if (await handle.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  if (await handle.evaluate((el) => el === document.activeElement)) return;
  throw new Error(`tabTo: ${String(target)} was not reached in ${maxPresses} Tab presses`);
}

/** A span of a step that the walk's main-thread budget does not cover, and why. */
export interface BudgetExemption extends ClockSpan {
  readonly why: string;
}

const exemptions = new WeakMap<Page, BudgetExemption[]>();

/**
 * Takes a span (page clock, `performance.now()`) out of the walk's 50 ms long-task budget. Only for
 * work the budget is not about, named in `why`: loading the code editor (Monaco evaluates megabytes
 * of script when "Open editor" is pressed, with its own budget in sandbox-editor.spec.ts). The walk
 * prints the longest task it left out, so the exemption stays visible.
 */
export function exemptFromLongTaskBudget(page: Page, exemption: BudgetExemption): void {
  exemptions.set(page, [...(exemptions.get(page) ?? []), exemption]);
}

/** The exemptions recorded for `page` so far. */
export function longTaskExemptions(page: Page): readonly BudgetExemption[] {
  return exemptions.get(page) ?? [];
}
