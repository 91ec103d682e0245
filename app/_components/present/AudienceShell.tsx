'use client';
/**
 * The audience window: the real, interactive lesson in projector style. It follows the presenter
 * window over the lesson's BroadcastChannel and moves it back (either window moves both), blanks
 * on B, zooms with + and -, and works alone once the presenter window is closed.
 *
 * The step on screen is the lesson player's own deep link (`#<step-id>`): this shell moves the
 * lesson by changing the hash the way the player does, so the player's gating applies to its own
 * Next button while the presentation keys (the presenter's power) skip it.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Lesson } from '@/lib/lessons/lesson-types';
import type { PresenterCommand } from '@/lib/presentation/presenter-keys';
import {
  AUDIENCE_SCALE,
  initialPresentation,
  presentationReducer,
  stepScale,
} from '@/lib/presentation/presentation-state';
import { useLessonSession } from '@/lib/store/lesson-session-store';
import { useSeededByDefault } from './presentation-seed';
import { ResetDialog } from './ResetDialog';
import { showStep, stepIndexOf, subscribeToHash, useSeedFromUrl, useStepFromHash } from './step-hash';
import { toggleFullScreen, usePresenterKeys } from './use-presenter-keys';
import { usePresentationChannel } from './use-presentation-channel';
import styles from './present.module.css';

export function AudienceShell({ lesson, children }: { lesson: Lesson; children: ReactNode }) {
  const step = useStepFromHash(lesson);
  const seed = useSeedFromUrl();
  const [blank, setBlank] = useState(false);
  const [scale, setScale] = useState<number>(AUDIENCE_SCALE.initial);
  const [resetAsked, setResetAsked] = useState(0);
  /** The last step this window and the others agreed on, so following never echoes back. */
  const shared = useRef<number | null>(null);
  const actions = useLessonSession((s) => s.actions);

  useSeededByDefault();

  function restart(): void {
    // The lesson's worlds live in this page's memory and workers: a reload drops them all, and the
    // same seed regenerates the same bytes.
    window.history.replaceState(null, '', `#${lesson.steps[0]?.id ?? ''}`);
    window.location.reload();
  }

  const post = usePresentationChannel(lesson.slug, (message, reply) => {
    switch (message.type) {
      case 'hello':
        reply({ type: 'step', step: stepIndexOf(lesson, window.location.hash) });
        reply({ type: 'blank', blank });
        reply({ type: 'actions', done: [...useLessonSession.getState().actions] });
        return;
      case 'step':
        shared.current = message.step;
        showStep(lesson, message.step);
        return;
      case 'blank':
        setBlank(message.blank);
        return;
      case 'reset':
        restart();
        return;
      case 'actions':
        return;
    }
  });

  // A move made here (keys, the player's own Next, Back or links) moves the other windows. Only
  // moves: the position a window opens on is never sent, it asks with 'hello' instead.
  useEffect(() => {
    const onHash = () => {
      const index = stepIndexOf(lesson, window.location.hash);
      if (shared.current === index) return;
      shared.current = index;
      post({ type: 'step', step: index });
    };
    return subscribeToHash(onHash);
  }, [lesson, post]);

  useEffect(() => {
    post({ type: 'actions', done: [...actions] });
  }, [actions, post]);

  usePresenterKeys((command: PresenterCommand) => {
    switch (command) {
      case 'next':
      case 'back':
      case 'first':
      case 'last': {
        const state = presentationReducer(initialPresentation(lesson.steps.length, step), { type: 'command', command });
        if (state.step !== step) showStep(lesson, state.step);
        return;
      }
      case 'blank':
        setBlank(!blank);
        post({ type: 'blank', blank: !blank });
        return;
      case 'fullscreen':
        toggleFullScreen();
        return;
      case 'reset':
        setResetAsked((n) => n + 1);
        return;
      case 'bigger':
      case 'smaller':
        setScale((s) => stepScale(s, command));
        return;
      case 'notes':
        return; // The notes live in the presenter window only.
    }
  });

  return (
    <div className={styles.audience} data-presentation="audience">
      <div className={styles.audienceBar}>
        <p>
          <strong>{lesson.title}</strong> · Step {step + 1} of {lesson.steps.length}
        </p>
        {seed ? (
          <p>
            Seed <code className={styles.seed}>{seed}</code>
          </p>
        ) : null}
        <p className={styles.keysHint}>
          <kbd>→</kbd> next · <kbd>←</kbd> back · <kbd>B</kbd> blank · <kbd>+</kbd>/<kbd>-</kbd> size · <kbd>F</kbd>{' '}
          full screen
        </p>
      </div>
      <div className={styles.stage} style={{ zoom: scale }} inert={blank}>
        {children}
      </div>
      {blank ? (
        <section className={styles.blank} aria-label="Blank screen">
          <p className="visually-hidden">The projector is blank. Press B to show the lesson again.</p>
        </section>
      ) : null}
      <ResetDialog
        asked={resetAsked}
        onConfirm={() => {
          post({ type: 'reset' });
          restart();
        }}
      />
    </div>
  );
}
