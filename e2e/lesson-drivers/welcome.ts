/**
 * Drivers for lessons/welcome. The lesson has no crypto widgets; the driver of "moving-around"
 * checks the gating itself: while the quiz is unanswered, the Next shortcut does not advance and
 * moves the focus to the (unavailable) Next button, which names what is missing.
 */
import { expect } from '@playwright/test';
import type { LessonDrivers } from '../lesson-driver';

export const drivers: LessonDrivers = {
  'moving-around': async ({ page, panel, step }) => {
    const next = page.getByRole('button', { name: 'Next →' });
    await expect(next).toHaveAttribute('aria-disabled', 'true');
    await panel.getByRole('heading', { name: step.title }).focus();
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect(panel).toBeVisible();
    await expect(next).toBeFocused();
    await expect(next).toHaveAccessibleDescription(/Answer the question about the shortcut first\./);
  },
};
