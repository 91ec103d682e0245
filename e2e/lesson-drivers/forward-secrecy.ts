/**
 * Drivers for lessons/forward-secrecy: steal Bob's phone in a static and in a ratchet conversation
 * and check the computed counts against what the widget marks, message by message: static opens
 * every earlier message, the ratchet none; in ratchet mode the conversation heals. The code
 * exercise (walk the chain from the stolen chain key) passes with its reference solution, pasted
 * into the editor by keyboard, and opens exactly the messages from the theft on.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { LessonDrivers } from '../lesson-driver';
import { tabTo } from '../lesson-driver';
import { walkTheChain } from '../../lessons/forward-secrecy/exercises';
import { generateKeyPair, press } from './crypto-steps';
import { passExerciseByKeyboard } from './exercise-steps';

/** Exercises these drivers pass (the walk expects them in stored progress). */
export const passesExercises = ['walk-the-chain'];

/** Picks the theft point with the keyboard (the select starts at 5) and steals the phone. */
async function stealAfter(page: Page, panel: Locator, message: number) {
  const select = panel.getByRole('combobox', { name: "Bob's phone is stolen right after message" });
  await tabTo(page, select);
  const from = Number(await select.inputValue());
  for (let i = from; i !== message; i += message > from ? 1 : -1)
    await page.keyboard.press(message > from ? 'ArrowDown' : 'ArrowUp');
  await expect(select).toHaveValue(String(message));
  await press(page, panel, "Steal Bob's phone");
  await expect(panel.getByTestId('theft-summary')).toBeVisible();
}

/** The "x of n" the widget computed for one side of the theft. */
async function tally(panel: Locator, side: 'before' | 'after'): Promise<{ opened: number; total: number }> {
  const text = await panel.getByTestId(`theft-${side}`).innerText();
  const m = /(\d+) of (\d+)/.exec(text);
  if (!m) throw new Error(`no count in "${text}"`);
  return { opened: Number(m[1]), total: Number(m[2]) };
}

/** Messages the timeline marks, by phase and outcome. */
function marked(panel: Locator, phase: 'before' | 'after', outcome?: 'opened' | 'closed'): Locator {
  return panel.locator(
    `[data-testid="theft-message"][data-phase="${phase}"]${outcome ? `[data-outcome="${outcome}"]` : ''}`,
  );
}

export const drivers: LessonDrivers = {
  'record-now': async ({ page, panel }) => {
    await generateKeyPair(page, panel, 'alice');
    await generateKeyPair(page, panel, 'bob');
  },
  'static-theft': async ({ page, panel }) => {
    await stealAfter(page, panel, 6);
    const before = await tally(panel, 'before');
    const after = await tally(panel, 'after');
    // Static keys: every earlier message opens, and every later one.
    expect(before).toEqual({ opened: 6, total: 6 });
    expect(after).toEqual({ opened: 4, total: 4 });
    await expect(marked(panel, 'before')).toHaveCount(before.total);
    await expect(marked(panel, 'before', 'opened')).toHaveCount(before.opened);
    await expect(marked(panel, 'after', 'opened')).toHaveCount(after.opened);
    // What the thief decrypted is what Alice and Bob wrote (the texts in the widget's editor).
    const written = await panel
      .locator('details input')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(written).toHaveLength(10);
    await expect(panel.getByTestId('thief-plaintext')).toHaveText(written);
  },
  'ratchet-theft': async ({ page, panel }) => {
    await stealAfter(page, panel, 4);
    const before = await tally(panel, 'before');
    const after = await tally(panel, 'after');
    // The ratchet: no earlier message opens; a few later ones do until the conversation heals.
    expect(before).toEqual({ opened: 0, total: 4 });
    await expect(marked(panel, 'before')).toHaveCount(4);
    await expect(marked(panel, 'before', 'opened')).toHaveCount(0);
    await expect(marked(panel, 'after', 'opened')).toHaveCount(after.opened);
    expect(after.total).toBe(6);
    expect(after.opened).toBeGreaterThan(0);
    expect(after.opened).toBeLessThan(after.total);
  },
  'chain-by-hand': async ({ page, panel }) => {
    const exercise = walkTheChain();
    const { nextMessageNumber } = (exercise.setup.context as { stolen: { nextMessageNumber: number } }).stolen;
    const { region } = await passExerciseByKeyboard(page, panel, exercise);
    await expect(region.getByRole('log')).toContainText(`message ${nextMessageNumber - 1} stays closed`);
    await expect(region.getByRole('log')).toContainText(
      `opened ${(exercise.setup.expected.opened as number[]).join(', ')}`,
    );
  },
  healing: async ({ page, panel }) => {
    await press(page, panel, "Record four messages and steal Bob's phone");
    await expect(panel.getByTestId('theft-summary')).toBeVisible();
    // Bob on his copied chain, then Alice (a DH with Bob's stolen ratchet key): both open.
    for (const who of ['Bob writes', 'Alice writes'] as const) await press(page, panel, who);
    await expect(marked(panel, 'after', 'opened')).toHaveCount(2);
    // Bob after Alice's new ratchet key: a fresh key pair; from there on nothing opens.
    for (const who of ['Bob writes', 'Alice writes'] as const) await press(page, panel, who);
    await expect(marked(panel, 'after')).toHaveCount(4);
    await expect(panel.getByTestId('healed-marker')).toHaveCount(1);
    const outcomes = await panel
      .locator('[data-testid="theft-message"][data-phase="after"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')));
    expect(outcomes).toEqual(['opened', 'opened', 'closed', 'closed']);
  },
};
