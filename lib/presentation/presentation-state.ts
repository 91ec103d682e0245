/**
 * The presentation's position as one value and one pure transition function: which step is on
 * the projector, and whether the projector is blanked. Both windows run the same transitions, so a
 * step sent by one window lands identically in the other. Moving never checks a step's gating: in a
 * presentation the presenter decides (the missing actions are listed instead, `missingActions`).
 *
 * @module
 */
import type { PresenterCommand } from './presenter-keys';

export interface PresentationState {
  /** The step on screen, 0-based. */
  readonly step: number;
  /** How many steps the lesson has (at least 1). */
  readonly stepCount: number;
  /** The projector shows a black screen instead of the lesson. */
  readonly blank: boolean;
}

export type PresentationEvent =
  | {
      readonly type: 'command';
      readonly command: Extract<PresenterCommand, 'next' | 'back' | 'first' | 'last' | 'blank'>;
    }
  | { readonly type: 'goto'; readonly step: number }
  | { readonly type: 'blank'; readonly blank: boolean };

export function initialPresentation(stepCount: number, step = 0): PresentationState {
  const count = Math.max(1, Math.floor(stepCount));
  return { step: clampStep(step, count), stepCount: count, blank: false };
}

function clampStep(step: number, stepCount: number): number {
  return Number.isFinite(step) ? Math.min(stepCount - 1, Math.max(0, Math.floor(step))) : 0;
}

/** The state after `event`; the same object when nothing changes (so no message is sent for it). */
export function presentationReducer(state: PresentationState, event: PresentationEvent): PresentationState {
  const at = (step: number): PresentationState => {
    const next = clampStep(step, state.stepCount);
    return next === state.step ? state : { ...state, step: next };
  };
  switch (event.type) {
    case 'goto':
      return at(event.step);
    case 'blank':
      return event.blank === state.blank ? state : { ...state, blank: event.blank };
    case 'command':
      switch (event.command) {
        case 'next':
          return at(state.step + 1);
        case 'back':
          return at(state.step - 1);
        case 'first':
          return at(0);
        case 'last':
          return at(state.stepCount - 1);
        case 'blank':
          return { ...state, blank: !state.blank };
      }
  }
}

/** A step's requirement, as lesson metadata declares it. */
export interface StepRequirement {
  readonly action: string;
  readonly hint: string;
}

/**
 * What the step still needs for a learner's Next button: its requirements whose action was not
 * reported. The presenter skips ahead anyway and sees this list, to do them on the projector.
 */
export function missingActions(
  requires: readonly StepRequirement[] | undefined,
  done: ReadonlySet<string>,
): StepRequirement[] {
  return (requires ?? []).filter((r) => !done.has(r.action));
}

/** The audience window's zoom: large by default for a projector, `+`/`-` in tenths. */
export const AUDIENCE_SCALE = { initial: 1.3, min: 0.8, max: 2.5, step: 0.1 } as const;

/** The zoom after one `+` or `-`, kept within bounds and to one decimal. */
export function stepScale(scale: number, direction: 'bigger' | 'smaller'): number {
  const next = scale + (direction === 'bigger' ? AUDIENCE_SCALE.step : -AUDIENCE_SCALE.step);
  return Math.round(Math.min(AUDIENCE_SCALE.max, Math.max(AUDIENCE_SCALE.min, next)) * 10) / 10;
}
