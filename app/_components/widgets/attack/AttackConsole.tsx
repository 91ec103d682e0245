'use client';
/**
 * Lesson widget: the thief's console over an escrowed world the relay has recorded (Alice, Bob and
 * Carol in three conversations, ratchet mode, escrow on, about 12 messages each over two days).
 * Consoles with the same `authorities` in one lesson share one world and one wallet
 * (LessonScope), so a later step continues where an earlier one left off. Spec:
 * lib/lessons/widget-names.ts, AttackConsole.
 */
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import type { WorldGenerateOptions } from '@/lib/attack-lab/world-messages';
import { MINUTES_PER_DAY } from '@/lib/protocol/sim-time';
import { createAttackConsoleStore } from '@/lib/store/attack-console-store';
import { getWorldClient } from '../../world/world-client';
import { useScoped } from '../LessonScope';
import { AttackConsoleView } from './AttackConsoleView';

/** The lesson's world: fixed seed (reproducible), so every learner's step text matches what they see. */
function lessonWorldOptions(authorities: 'one' | 'two'): WorldGenerateOptions {
  return {
    seed: `steal-the-key-${authorities}`,
    people: 3,
    conversations: 3,
    messages: 36,
    durationMinutes: 2 * MINUTES_PER_DAY,
    mode: 'ratchet',
    escrow: { variant: authorities === 'two' ? 'two-governments' : 'single', epochMinutes: MINUTES_PER_DAY },
  };
}

/** `<AttackConsole />` and `<AttackConsole authorities="two" />`. */
export function AttackConsole({ authorities = 'one' }: { authorities?: 'one' | 'two' }) {
  // The lesson's world is freed in the worker when the lesson scope unmounts.
  const store = useScoped(
    `attack-console:${authorities}`,
    () =>
      createAttackConsoleStore({
        client: getWorldClient(),
        deck: { kind: 'lesson', authorities },
        spec: lessonWorldOptions(authorities),
      }),
    (scoped) => scoped.getState().release(),
  );
  return (
    <AttackConsoleView
      store={store}
      title={authorities === 'two' ? "The thief's console: two governments" : "The thief's console"}
      onAction={recordLessonAction}
    />
  );
}
