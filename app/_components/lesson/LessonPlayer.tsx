'use client';

import { SeedLink } from '@/app/_components/seed/SeedLink';
import { useCallback, useEffect, useId, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { stepBlockers } from '@/lib/lessons/course';
import type { Lesson } from '@/lib/lessons/lesson-types';
import { useLessonSession } from '@/lib/store/lesson-session-store';
import { useProgressStore } from '@/lib/store/progress-store';
import { LessonPlayerContext, stepHeadingId } from './lesson-player-context';
import styles from './LessonPlayer.module.css';

/** Fired after we change the hash with history.replaceState (which fires no hashchange). */
const HASH_EVENT = 'backdoor-lab:hash';
const NO_STEPS: readonly string[] = [];

const noSubscription = () => () => {};

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(HASH_EVENT, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(HASH_EVENT, onChange);
  };
}

/** Text fields and editors keep their own Alt+Shift+arrow behaviour (word selection). */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName === 'INPUT') {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
      (target as HTMLInputElement).type,
    );
  }
  return target.closest('[role="textbox"], .monaco-editor') !== null;
}

/** The keyboard shortcuts, as shown to the learner and exposed with aria-keyshortcuts. */
const STEP_SHORTCUTS = { next: 'Alt+Shift+ArrowRight', back: 'Alt+Shift+ArrowLeft' } as const;

/**
 * Plays a lesson: one step visible at a time (all mounted), Back/Next gated by each step's
 * `requires`, a step list with done marks, a deep link per step (`#<step-id>`), keyboard
 * shortcuts, and completion with a link to the next lesson. `children` is the lesson's MDX,
 * rendered on the server with the widget registry.
 */
export function LessonPlayer({
  lesson,
  next,
  children,
}: {
  lesson: Lesson;
  next: { slug: string; title: string } | null;
  children: ReactNode;
}) {
  const steps = lesson.steps;
  const last = steps.length - 1;
  const hash = useSyncExternalStore(
    subscribeToHash,
    () => window.location.hash,
    () => '',
  );
  // true once hydrated: exposed as data-hydrated for tests and for styles that need the client.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const hashIndex = steps.findIndex((s) => `#${s.id}` === decodeURIComponent(hash));
  const current = hashIndex >= 0 ? hashIndex : 0;
  const step = steps[current] ?? steps[0]!;

  const actions = useLessonSession((s) => s.actions);
  const saved = useProgressStore((s) => s.progress.lessons[lesson.slug]);
  const completeStep = useProgressStore((s) => s.completeStep);
  const completeLesson = useProgressStore((s) => s.completeLesson);
  const completedSteps = saved?.completedSteps ?? NO_STEPS;
  const exercisesPassed = useProgressStore((s) => s.progress.exercises);
  const isComplete = saved?.completedAt !== undefined;

  const blockers = useMemo(
    () => stepBlockers(steps, current, actions, completedSteps),
    [steps, current, actions, completedSteps],
  );
  const reachable = (index: number) =>
    index === 0 || stepBlockers(steps, index - 1, actions, completedSteps).length === 0;

  const pendingFocus = useRef<'heading' | 'complete' | null>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  const showComplete = isComplete && current === last;

  // Actions reported by widgets belong to this lesson visit: clear them when it is left.
  useEffect(() => () => useLessonSession.getState().reset(), [lesson.slug]);

  useEffect(() => {
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (target === 'heading') document.getElementById(stepHeadingId(step.id))?.focus();
    if (target === 'complete') document.getElementById(`${hintId}-complete`)?.focus();
  }, [step.id, showComplete, hintId]);

  const goTo = useCallback(
    (index: number) => {
      const target = steps[Math.max(0, Math.min(last, index))];
      if (!target) return;
      pendingFocus.current = 'heading';
      // No state of ours: Next's router then records the new URL (it copies its own state in), so
      // a refresh of the page (the dev server's live preview) keeps the learner on this step.
      window.history.replaceState(null, '', `#${target.id}`);
      window.dispatchEvent(new Event(HASH_EVENT));
    },
    [steps, last],
  );

  const advance = useCallback(() => {
    if (blockers.length > 0) {
      nextButton.current?.focus();
      return;
    }
    completeStep(lesson.slug, step.id);
    if (current === last) {
      completeLesson(lesson.slug);
      pendingFocus.current = 'complete';
    } else {
      goTo(current + 1);
    }
  }, [blockers.length, completeStep, completeLesson, lesson.slug, step.id, current, last, goTo]);

  const back = useCallback(() => {
    if (current > 0) goTo(current - 1);
  }, [current, goTo]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
      if (isEditable(event.target)) return;
      event.preventDefault();
      if (event.key === 'ArrowRight') advance();
      else back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [advance, back]);

  const earlier = blockers.filter((b) => b.stepIndex < current);
  const here = blockers.filter((b) => b.stepIndex === current);
  const blocked = blockers.length > 0;

  return (
    <LessonPlayerContext.Provider value={{ lesson, currentIndex: current }}>
      <div className={styles.player} data-hydrated={hydrated ? 'true' : 'false'}>
        <nav className={styles.steps} aria-label="Lesson steps">
          <p className={styles.count}>
            Step {current + 1} of {steps.length}
            {isComplete ? <span className={styles.doneBadge}> · Lesson complete</span> : null}
          </p>
          <ol className={styles.stepList}>
            {steps.map((s, index) => {
              const done = completedSteps.includes(s.id);
              const mark = (
                <span className={styles.mark} aria-hidden="true">
                  {done ? '✓' : index + 1}
                </span>
              );
              const status = done ? <span className="visually-hidden"> (done)</span> : null;
              const exercisePassed = s.exercise ? exercisesPassed?.[s.exercise]?.passedAt !== undefined : false;
              const exercise = s.exercise ? (
                <>
                  <span className="visually-hidden">, </span>
                  <span className={exercisePassed ? styles.exercisePassed : styles.exerciseTag}>
                    {exercisePassed ? (
                      <>
                        <span aria-hidden="true">✓ </span>code exercise passed
                      </>
                    ) : (
                      'code exercise'
                    )}
                  </span>
                </>
              ) : null;
              return (
                <li key={s.id} className={`${done ? styles.done : ''} ${index === current ? styles.current : ''}`}>
                  {reachable(index) || index === current ? (
                    <a
                      href={`#${s.id}`}
                      // Spelled out: composed from the spans, Chromium puts a space before the comma.
                      aria-label={`${s.title}${s.exercise ? `, code exercise${exercisePassed ? ' passed' : ''}` : ''}${done ? ' (done)' : ''}`}
                      aria-current={index === current ? 'step' : undefined}
                      onClick={(event) => {
                        event.preventDefault();
                        goTo(index);
                      }}
                    >
                      {mark}
                      <span>
                        {s.title}
                        {exercise}
                      </span>
                      {status}
                    </a>
                  ) : (
                    <span className={styles.locked} aria-disabled="true">
                      {mark}
                      <span>
                        {s.title}
                        {exercise}
                      </span>
                      <span className="visually-hidden"> (locked until the earlier steps are done)</span>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
          <p className={styles.shortcuts}>
            Keyboard: <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>→</kbd> next step, <kbd>Alt</kbd>+<kbd>Shift</kbd>+
            <kbd>←</kbd> previous step.
          </p>
        </nav>

        <div className={styles.content}>
          {/* First in the column: finishing shows it at once, not below the last step's widgets. */}
          {showComplete ? (
            <section className={styles.complete} aria-labelledby={`${hintId}-complete`}>
              <h2 id={`${hintId}-complete`} tabIndex={-1}>
                Lesson complete
              </h2>
              <p>You finished “{lesson.title}”. Your progress is saved in this browser.</p>
              <p className={styles.completeLinks}>
                {next ? (
                  <SeedLink className="button primary" href={`/learn/${next.slug}`}>
                    Next lesson: {next.title}
                  </SeedLink>
                ) : null}
                <SeedLink className="button" href="/">
                  All lessons
                </SeedLink>
              </p>
            </section>
          ) : null}
          {children}

          <div className={styles.controls}>
            <div id={hintId} role="status" className={styles.hint}>
              {earlier.length > 0 ? (
                <>
                  <p>Earlier steps need you first:</p>
                  <ul>
                    {earlier.map((b) => (
                      <li key={`${b.stepId}:${b.action}`}>
                        <a
                          href={`#${b.stepId}`}
                          onClick={(event) => {
                            event.preventDefault();
                            goTo(b.stepIndex);
                          }}
                        >
                          Step {b.stepIndex + 1}, {b.stepTitle}
                        </a>
                        : {b.hint}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {here.length > 0 ? (
                <>
                  <p>To continue:</p>
                  <ul>
                    {here.map((b) => (
                      <li key={b.action}>{b.hint}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {!blocked && (step.requires?.length ?? 0) > 0 && !completedSteps.includes(step.id) ? (
                <p className={styles.ready}>Done: you can continue.</p>
              ) : null}
            </div>
            <div className={styles.buttons}>
              <button type="button" onClick={back} disabled={current === 0} aria-keyshortcuts={STEP_SHORTCUTS.back}>
                ← Back
              </button>
              <button
                ref={nextButton}
                type="button"
                className="primary"
                onClick={advance}
                aria-disabled={blocked ? 'true' : undefined}
                aria-describedby={blocked ? hintId : undefined}
                aria-keyshortcuts={STEP_SHORTCUTS.next}
              >
                {current === last ? 'Finish lesson' : 'Next →'}
              </button>
            </div>
          </div>
        </div>
      </div>
    </LessonPlayerContext.Provider>
  );
}
