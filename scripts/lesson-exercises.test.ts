/**
 * The course's exercises as data: every lesson's exercises.ts builds the same specs every time (the
 * prerendered page and `npm run lessons:check` must see the same bytes), and the capstone's
 * expected answers agree with the simulated world they were computed from. Running the solutions
 * and starters is lessons-check.test.ts's job (through the real validator).
 */
import { describe, expect, it } from 'vitest';
import { lessonExercises } from '../lessons/index';
import { CAPSTONE_WORLD, writeTheAttack } from '../lessons/write-the-attack/exercises';
import { buildLessonExercises, loadLessonExerciseSpecs } from '../lib/lessons/lesson-exercises';
import { LESSON_CHECK_REGISTRY, type ForgeryTarget } from '../lib/lessons/exercise-checks';
import { lootFor } from '../lib/protocol/capability';
import { encodeHeader } from '../lib/protocol/envelope-header';
import { forgeWithEscrowKey } from '../lib/protocol/forgery';
import { generateWorld } from '../lib/protocol/world';

/** Total bytes of every Uint8Array in `value` (what the page ships as the exercise's data). */
function byteCount(value: unknown): number {
  if (value instanceof Uint8Array) return value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + byteCount(v), 0);
  if (typeof value === 'object' && value !== null)
    return Object.values(value).reduce((n: number, v) => n + byteCount(v), 0);
  return 0;
}

describe('lesson exercises', () => {
  it.each(Object.keys(lessonExercises))('%s: builds the same specs twice, and each passes the schema', async (slug) => {
    const load = lessonExercises[slug]!;
    const { exercises } = await load();
    const [first, second] = [await loadLessonExerciseSpecs(exercises), await loadLessonExerciseSpecs(exercises)];
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
    for (const spec of first) expect(spec.hints.length).toBeGreaterThanOrEqual(2);
  });

  it('names the failing builder', async () => {
    await expect(
      buildLessonExercises([
        () => ({ id: 'a' }),
        () => {
          throw new RangeError('no seed');
        },
      ]),
    ).rejects.toThrow('the builder of exercises[1] threw RangeError: no seed');
    await expect(buildLessonExercises({})).rejects.toThrow(/must be an array/);
  });
});

describe('the capstone exercise', () => {
  it('asks for what the world holds: every text, the meeting message, and a forgery the recipient accepts', async () => {
    const started = performance.now();
    const spec = await writeTheAttack();
    const buildMs = performance.now() - started;
    const world = await generateWorld(CAPSTONE_WORLD);
    const context = spec.setup.context as { capture: { seq: number; header: Uint8Array }[]; stolenKey: Uint8Array };
    const expected = spec.setup.expected as { plaintexts: string[]; meetingSeq: number; forgeryTarget: ForgeryTarget };

    expect(context.capture).toHaveLength(world.schedule.length);
    expect(expected.plaintexts).toEqual(world.schedule.map((m) => m.text));
    expect(expected.meetingSeq).toBe(world.meetingPlace.messageIndex);
    expect(expected.plaintexts[expected.meetingSeq]).toContain(world.meetingPlace.phrase);
    context.capture.forEach((e, i) => expect(e.header).toEqual(encodeHeader(world.relay.records[i]!.envelope.header)));
    // The capture stays small enough to ship with the page and to decrypt in a fraction of the time limit.
    expect(byteCount(context)).toBeLessThan(32_000);
    console.log(
      `capstone: built in ${Math.round(buildMs)} ms, ${context.capture.length} envelopes, ${byteCount(context)} bytes of context`,
    );

    // The protocol's own forgery passes the check; the original message does not.
    const { loot } = await lootFor(world, [{ kind: 'steal-escrow-key', scenario: 'insider' }]);
    expect(loot.escrowKeys[0]!.secretKey).toEqual(context.stolenKey);
    const original = world.relay.records[expected.meetingSeq]!.envelope;
    const attempt = forgeWithEscrowKey(original, loot.escrowKeys, 'Meet at the pier instead.');
    if (!attempt.ok) throw new Error(attempt.reason);
    const check = (value: unknown) =>
      LESSON_CHECK_REGISTRY.recipientAcceptsForgery!({
        value,
        found: true,
        what: 'the export `forged`',
        result: {},
        expected: expected.forgeryTarget,
        params: undefined,
      });
    expect(check({ header: encodeHeader(attempt.forged.header), ciphertext: attempt.forged.ciphertext }).pass).toBe(
      true,
    );
    expect(check({ header: encodeHeader(original.header), ciphertext: original.ciphertext }).pass).toBe(false);
  });
});
