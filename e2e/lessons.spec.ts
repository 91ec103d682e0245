/**
 * Generated from lessons/index.ts: for every lesson, walk every step by keyboard only (drivers
 * from e2e/lesson-drivers/<slug>.ts perform the steps' widget actions, quizzes are answered from
 * meta), check gating, focus, deep links and completion, then that progress survives a reload.
 * The main thread must not block for more than 50 ms during any step's actions.
 */
import os from 'node:os';
import { lessons, tracks } from '../lessons/index';
import { courseOrder, findLesson, nextLesson } from '../lib/lessons/course';
import { expect, longestTaskBetween, pageNow, test } from './fixtures';
import { longTaskExemptions, tabTo } from './lesson-driver';
import { answerQuizByKeyboard, loadDriverModule, openLesson } from './lesson-walk';

const LONG_TASK_BUDGET_MS = 50;

/**
 * A long task on a machine whose cores are all busy (other test workers, a build) says little about
 * the code: above one runnable process per core the budget scales with the 1-minute load average.
 * The raw figure is always printed; on a quiet machine the budget is exactly 50 ms.
 */
function loadFactor(): number {
  return Math.max(1, os.loadavg()[0]! / os.cpus().length);
}

for (const slug of courseOrder(tracks)) {
  const lesson = findLesson(lessons, slug);
  if (!lesson) throw new Error(`lessons/index.ts lists "${slug}" without its meta`);
  const next = nextLesson(tracks, lessons, slug);

  test(`${slug}: every step by keyboard, then progress survives a reload`, async ({ page }) => {
    const { drivers, passesExercises } = await loadDriverModule(slug);
    const unknown = Object.keys(drivers).filter((id) => !lesson.steps.some((s) => s.id === id));
    expect(unknown, `e2e/lesson-drivers/${slug}.ts names steps that do not exist`).toEqual([]);

    await openLesson(page, slug);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    const stepNav = page.getByRole('navigation', { name: 'Lesson steps' });
    const expectedQuiz: Record<string, number | number[]> = {};
    const blocks: { step: string; ms: number }[] = [];
    const last = lesson.steps.length - 1;

    for (const [index, step] of lesson.steps.entries()) {
      const panel = page.locator(`section[data-step-id="${step.id}"]`);
      await expect(panel).toBeVisible();
      await expect(page.locator('section[data-step-id]:visible')).toHaveCount(1);
      await expect(stepNav.getByText(`Step ${index + 1} of ${lesson.steps.length}`)).toBeVisible();
      await expect(stepNav.getByRole('link', { name: step.title })).toHaveAttribute('aria-current', 'step');
      if (index > 0) {
        await expect(panel.getByRole('heading', { level: 2, name: step.title })).toBeFocused();
        expect(new URL(page.url()).hash).toBe(`#${step.id}`);
      }

      const advance = page.getByRole('button', { name: index === last ? 'Finish lesson' : 'Next →' });
      for (const requirement of step.requires ?? []) {
        await expect(advance).toHaveAttribute('aria-disabled', 'true');
        await expect(page.getByRole('status').filter({ hasText: requirement.hint })).toBeVisible();
      }

      const from = await pageNow(page);
      await drivers[step.id]?.({ page, lesson, step, panel });
      for (const quiz of lesson.quiz) {
        if ((await panel.getByRole('form', { name: quiz.question }).count()) > 0) {
          expectedQuiz[quiz.id] = await answerQuizByKeyboard(page, panel, lesson.slug, quiz);
        }
      }
      await expect(advance).not.toHaveAttribute('aria-disabled');
      // Alternate the two keyboard paths: Tab to the button and Enter, or the shortcut.
      if (index % 2 === 0) {
        await tabTo(page, advance);
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press('Alt+Shift+ArrowRight');
      }
      if (index < last) {
        await expect(page.getByRole('heading', { level: 2, name: lesson.steps[index + 1]!.title })).toBeFocused();
      } else {
        await expect(page.getByRole('heading', { level: 2, name: 'Lesson complete' })).toBeFocused();
      }
      const to = await pageNow(page);
      const exempt = longTaskExemptions(page).filter((e) => e.to >= from && e.from <= to);
      blocks.push({ step: step.id, ms: await longestTaskBetween(page, from, to, exempt) });
      for (const e of exempt) {
        const inside = await longestTaskBetween(page, e.from, e.to);
        console.log(
          `[${slug}] step ${step.id}: ${e.why}: not covered by the budget (${Math.round(e.to - e.from)} ms, longest task ${inside.toFixed(0)} ms)`,
        );
      }
    }

    if (next)
      await expect(page.getByRole('link', { name: `Next lesson: ${next.title}` })).toHaveAttribute(
        'href',
        `/learn/${next.slug}`,
      );
    else await expect(page.getByRole('link', { name: 'All lessons' }).last()).toBeVisible();

    const worst = blocks.reduce((a, b) => (b.ms > a.ms ? b : a), { step: '-', ms: 0 });
    const budget = LONG_TASK_BUDGET_MS * loadFactor();
    const busy =
      budget > LONG_TASK_BUDGET_MS
        ? ` (machine busy: load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores, budget ×${loadFactor().toFixed(2)})`
        : '';
    console.log(
      `[${slug}] longest main-thread block during step actions: ${worst.ms.toFixed(0)} ms (step ${worst.step}; budget ${budget.toFixed(0)} ms${busy})`,
    );
    test
      .info()
      .annotations.push({ type: 'longest-task-ms', description: `${slug}: ${worst.ms.toFixed(0)} (${worst.step})` });
    expect(worst.ms, `main thread blocked during step "${worst.step}"`).toBeLessThanOrEqual(budget);

    // Stored: step ids, completion time, quiz answers and the exercises passed, nothing else.
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('backdoor-lab:progress'))) ?? 'null');
    expect(stored).toEqual({
      version: 1,
      lessons: {
        [slug]: { completedSteps: lesson.steps.map((s) => s.id), completedAt: expect.any(String), quiz: expectedQuiz },
      },
      ...(passesExercises.length > 0
        ? { exercises: Object.fromEntries(passesExercises.map((id) => [id, { passedAt: expect.any(String) }])) }
        : {}),
    });

    await page.reload();
    await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
    for (const step of lesson.steps) {
      const exerciseNote = step.exercise
        ? `, code exercise${passesExercises.includes(step.exercise) ? ' passed' : ''}`
        : '';
      await expect(stepNav.getByRole('link', { name: `${step.title}${exerciseNote} (done)` })).toBeVisible();
    }
    await expect(stepNav.getByText('Lesson complete')).toBeVisible();
    // Saved answers come back: each quiz shows its checked answer as correct.
    for (const [quizId, answer] of Object.entries(expectedQuiz)) {
      const quiz = lesson.quiz.find((q) => q.id === quizId)!;
      const stepId = await page
        .locator('section[data-step-id]')
        .filter({ has: page.locator('legend', { hasText: quiz.question }) })
        .getAttribute('data-step-id');
      const step = lesson.steps.find((s) => s.id === stepId)!;
      await stepNav.getByRole('link', { name: `${step.title} (done)` }).click();
      const form = page.getByRole('form', { name: quiz.question });
      await expect(form.getByRole('status')).toHaveText('Correct.');
      for (const i of [answer].flat())
        await expect(
          form.getByRole(quiz.multi ? 'checkbox' : 'radio', { name: quiz.choices[i]!.text, exact: true }),
        ).toBeChecked();
    }

    await page.goto('/');
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: lesson.title, exact: true }) });
    await expect(card.getByText('✓ Complete')).toBeVisible();
  });
}
