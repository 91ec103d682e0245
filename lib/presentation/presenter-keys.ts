/**
 * The presentation keyboard, shared by the presenter and the audience windows. Presenter clickers
 * send arrows, PageUp/PageDown and space; the letters are the ones Slidev, remark and reveal.js
 * users already know (B blank, F full screen). Keys typed into a form control stay with it.
 *
 * @module
 */

export type PresenterCommand =
  | 'next'
  | 'back'
  | 'first'
  | 'last'
  | 'blank'
  | 'fullscreen'
  | 'reset'
  | 'notes'
  /** The audience window's type size (`+` / `-`). */
  | 'bigger'
  | 'smaller';

/** What the keydown landed on, as far as the keyboard is concerned. */
export type KeyTarget =
  /** A text field, select, editor, radio or slider: arrows and letters belong to it. */
  | 'field'
  /** A button, link or checkbox: space activates it. */
  | 'control'
  /** Anything else (the page, a heading, prose). */
  | 'page';

export interface PresenterKeyEvent {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly target: KeyTarget;
}

const BY_KEY: Readonly<Record<string, PresenterCommand>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  ArrowLeft: 'back',
  ArrowUp: 'back',
  PageUp: 'back',
  Home: 'first',
  End: 'last',
  b: 'blank',
  B: 'blank',
  f: 'fullscreen',
  F: 'fullscreen',
  r: 'reset',
  R: 'reset',
  n: 'notes',
  N: 'notes',
  '+': 'bigger',
  '=': 'bigger',
  '-': 'smaller',
};

/** The command a key press means in a presentation, or null when the key is not ours. */
export function presenterCommandFor(event: PresenterKeyEvent): PresenterCommand | null {
  // Browser and system shortcuts (Ctrl+R, Cmd+F, Alt+←) keep their meaning.
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.target === 'field') return null;
  // Space must still press a focused button or tick a checkbox.
  if (event.target === 'control' && event.key === ' ') return null;
  return BY_KEY[event.key] ?? null;
}
