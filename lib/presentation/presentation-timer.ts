/**
 * The presenter's timer: elapsed time against the lesson's planned minutes, with start, pause and
 * reset. A value, not a ticking object: the window renders `elapsedMs(timer, now)` on each tick,
 * so pausing, a sleeping laptop or a slow frame never loses or invents time.
 *
 * @module
 */

export interface PresentationTimer {
  /** Time counted before the current run. */
  readonly accumulatedMs: number;
  /** When the current run started (a clock reading in ms), or null while paused. */
  readonly runningSince: number | null;
}

export const stoppedTimer: PresentationTimer = { accumulatedMs: 0, runningSince: null };

export function startTimer(timer: PresentationTimer, now: number): PresentationTimer {
  return timer.runningSince === null ? { ...timer, runningSince: now } : timer;
}

export function pauseTimer(timer: PresentationTimer, now: number): PresentationTimer {
  return timer.runningSince === null ? timer : { accumulatedMs: elapsedMs(timer, now), runningSince: null };
}

export function elapsedMs(timer: PresentationTimer, now: number): number {
  return timer.accumulatedMs + (timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince));
}

/** "mm:ss" (or "h:mm:ss" past an hour), as shown on the presenter's screen. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** How the elapsed time compares with the plan, for the timer's label. */
export function timerStatus(ms: number, plannedMinutes: number): 'on-time' | 'over' {
  return ms > plannedMinutes * 60_000 ? 'over' : 'on-time';
}
