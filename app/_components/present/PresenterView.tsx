'use client';
/**
 * The presenter window: the current step's title and speaker notes, the next step's title and
 * opening lines, a timer, the step list to jump, and the controls. It drives the audience window
 * (the projector) over the lesson's BroadcastChannel and follows it when the lesson is moved there.
 *
 * Presenter powers: moving never waits for a step's gating; the actions the step still needs on
 * the projector are listed instead. The position lives in one place (`state.step`), reported to
 * `onPosition` on every change, so a live room can publish it later.
 */
import Link from 'next/link';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Lesson } from '@/lib/lessons/lesson-types';
import type { PresenterCommand } from '@/lib/presentation/presenter-keys';
import {
  initialPresentation,
  missingActions,
  presentationReducer,
  type PresentationEvent,
  type PresentationState,
} from '@/lib/presentation/presentation-state';
import { PresenterSlotContext } from './presenter-context';
import { PresenterTimer } from './PresenterTimer';
import { useSeededByDefault } from './presentation-seed';
import { ResetDialog } from './ResetDialog';
import { ShareStep } from './ShareStep';
import { showStep, useSeedFromUrl, useStepFromHash } from './step-hash';
import { toggleFullScreen, usePresenterKeys } from './use-presenter-keys';
import { usePresentationChannel } from './use-presentation-channel';
import styles from './present.module.css';

/** Where the presenter is: what a live room would show its members. */
export interface PresenterPosition {
  readonly lesson: string;
  readonly step: string;
}

const NO_ACTIONS: ReadonlySet<string> = new Set();

export function PresenterView({
  lesson,
  children,
  onPosition,
}: {
  lesson: Lesson;
  /** The lesson's MDX rendered with presenterComponents. */
  children: ReactNode;
  onPosition?: (position: PresenterPosition) => void;
}) {
  const id = useId();
  const steps = lesson.steps;
  const [blank, setBlank] = useState(false);
  const state: PresentationState = { ...initialPresentation(steps.length, useStepFromHash(lesson)), blank };
  const seed = useSeedFromUrl();
  const [done, setDone] = useState<ReadonlySet<string>>(NO_ACTIONS);
  const [notesOpen, setNotesOpen] = useState(true);
  const [resetAsked, setResetAsked] = useState(0);
  const audience = useRef<Window | null>(null);
  const step = steps[state.step] ?? steps[0]!;
  const nextStep = steps[state.step + 1];

  useSeededByDefault();

  useEffect(() => {
    onPosition?.({ lesson: lesson.slug, step: step.id });
  }, [lesson.slug, step.id, onPosition]);

  const post = usePresentationChannel(lesson.slug, (message, reply) => {
    switch (message.type) {
      case 'hello':
        reply({ type: 'step', step: state.step });
        reply({ type: 'blank', blank: state.blank });
        return;
      case 'step':
        showStep(lesson, message.step);
        return;
      case 'blank':
        setBlank(message.blank);
        return;
      case 'reset':
        showStep(lesson, 0);
        setDone(NO_ACTIONS);
        return;
      case 'actions':
        setDone(new Set(message.done));
        return;
    }
  });

  /** A move made here: applied, then sent to the audience window. */
  const apply = (event: PresentationEvent) => {
    const next = presentationReducer(state, event);
    if (next.step !== state.step) {
      showStep(lesson, next.step);
      post({ type: 'step', step: next.step });
    }
    if (next.blank !== state.blank) {
      setBlank(next.blank);
      post({ type: 'blank', blank: next.blank });
    }
  };

  const openAudience = () => {
    const url = new URL(`/learn/${lesson.slug}/audience`, window.location.origin);
    if (seed) url.searchParams.set('seed', seed);
    url.hash = step.id;
    // A named window: pressing again brings back the same projector window instead of a second one.
    const opened = window.open(url, `backdoor-lab-audience-${lesson.slug}`);
    if (opened) audience.current = opened;
    audience.current?.focus();
  };

  const reset = () => {
    post({ type: 'reset' });
    setDone(NO_ACTIONS);
    apply({ type: 'goto', step: 0 });
  };

  usePresenterKeys((command: PresenterCommand) => {
    switch (command) {
      case 'next':
      case 'back':
      case 'first':
      case 'last':
      case 'blank':
        apply({ type: 'command', command });
        return;
      case 'fullscreen':
        toggleFullScreen();
        return;
      case 'reset':
        setResetAsked((n) => n + 1);
        return;
      case 'notes':
        setNotesOpen((open) => !open);
        return;
      case 'bigger':
      case 'smaller':
        return; // Type size belongs to the audience window.
    }
  });

  const missing = missingActions(step.requires, done);

  return (
    <div className={styles.presenter} data-presentation="presenter">
      <header className={styles.presenterHeader}>
        <div>
          <p className={styles.muted}>
            <Link href={`/learn/${lesson.slug}`}>Leave the presentation</Link>
          </p>
          <h1>Presenting: {lesson.title}</h1>
          <p>
            Seed <code className={styles.seed}>{seed ?? '…'}</code> · seeded demo randomness, so the rehearsal and the
            talk show the same bytes
          </p>
        </div>
        <PresenterTimer plannedMinutes={lesson.minutes} />
      </header>

      <div className={styles.controls} role="group" aria-label="Presentation controls">
        <button type="button" onClick={() => apply({ type: 'command', command: 'back' })} disabled={state.step === 0}>
          ← Back
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => apply({ type: 'command', command: 'next' })}
          disabled={state.step === steps.length - 1}
        >
          Next →
        </button>
        <button type="button" onClick={openAudience}>
          Open the audience window
        </button>
        <button type="button" aria-pressed={state.blank} onClick={() => apply({ type: 'command', command: 'blank' })}>
          Blank the projector
        </button>
        <button type="button" aria-pressed={notesOpen} onClick={() => setNotesOpen((open) => !open)}>
          Show notes
        </button>
        <button type="button" onClick={toggleFullScreen}>
          Full screen
        </button>
        <button type="button" className="danger" onClick={() => setResetAsked((n) => n + 1)}>
          Reset the lesson…
        </button>
        <ShareStep slug={lesson.slug} stepId={step.id} />
      </div>

      <div className={styles.presenterGrid}>
        <section className={styles.now} aria-labelledby={`${id}-now`}>
          <p className={styles.muted}>
            Step {state.step + 1} of {steps.length}
            {state.blank ? ' · the projector is blank' : ''}
          </p>
          <h2 id={`${id}-now`}>{step.title}</h2>
          {missing.length > 0 ? (
            <div className={styles.missing} role="status">
              <p>Not done on the projector yet (you can move on anyway):</p>
              <ul>
                {missing.map((m) => (
                  <li key={m.action}>{m.hint}</li>
                ))}
              </ul>
            </div>
          ) : (
            <div role="status" className="visually-hidden" />
          )}
          <section aria-label="Speaker notes" hidden={!notesOpen} className={styles.notesDrawer}>
            <PresenterSlotContext.Provider value={{ lesson, current: state.step, slot: 'now' }}>
              {children}
            </PresenterSlotContext.Provider>
          </section>
        </section>

        <section className={styles.next} aria-labelledby={`${id}-next`}>
          <h2 id={`${id}-next`}>{nextStep ? `Next: ${nextStep.title}` : 'Next: the end of the lesson'}</h2>
          <PresenterSlotContext.Provider value={{ lesson, current: state.step, slot: 'next' }}>
            {children}
          </PresenterSlotContext.Provider>
        </section>

        <nav className={styles.stepNav} aria-label="Jump to a step">
          <ol>
            {steps.map((s, index) => (
              <li key={s.id}>
                <button
                  type="button"
                  aria-current={index === state.step ? 'step' : undefined}
                  onClick={() => apply({ type: 'goto', step: index })}
                >
                  <span aria-hidden="true">{index + 1}. </span>
                  {s.title}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      </div>

      <p className={styles.keysHint}>
        Keys in both windows: <kbd>→</kbd> <kbd>Space</kbd> <kbd>PageDown</kbd> next, <kbd>←</kbd> <kbd>PageUp</kbd>{' '}
        back, <kbd>Home</kbd>/<kbd>End</kbd> first/last, <kbd>B</kbd> blank, <kbd>F</kbd> full screen, <kbd>R</kbd>{' '}
        reset, <kbd>N</kbd> notes (here), <kbd>+</kbd>/<kbd>-</kbd> type size (audience).
      </p>

      <ResetDialog asked={resetAsked} onConfirm={reset} />
    </div>
  );
}
