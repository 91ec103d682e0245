'use client';
/** The presenter's timer: elapsed time against the lesson's planned minutes, start/pause and reset. */
import { useEffect, useState } from 'react';
import {
  elapsedMs,
  formatElapsed,
  pauseTimer,
  startTimer,
  stoppedTimer,
  timerStatus,
  type PresentationTimer,
} from '@/lib/presentation/presentation-timer';
import styles from './present.module.css';

export function PresenterTimer({ plannedMinutes }: { plannedMinutes: number }) {
  const [timer, setTimer] = useState<PresentationTimer>(stoppedTimer);
  const [now, setNow] = useState(0);
  const running = timer.runningSince !== null;
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(tick);
  }, [running]);
  const elapsed = elapsedMs(timer, running ? Math.max(now, timer.runningSince ?? 0) : 0);
  const over = timerStatus(elapsed, plannedMinutes) === 'over';
  return (
    <div className={styles.timer} role="group" aria-label="Timer">
      <p>
        <span className={over ? styles.over : undefined} role="timer" aria-label="Elapsed time">
          {formatElapsed(elapsed)}
        </span>{' '}
        <span className={styles.muted}>
          of {plannedMinutes} min{over ? ' (over time)' : ''}
        </span>
      </p>
      <button
        type="button"
        onClick={() => {
          const at = performance.now();
          setNow(at);
          setTimer(running ? pauseTimer(timer, at) : startTimer(timer, at));
        }}
      >
        {running ? 'Pause timer' : elapsed > 0 ? 'Resume timer' : 'Start timer'}
      </button>
      <button type="button" onClick={() => setTimer(stoppedTimer)} disabled={elapsed === 0 && !running}>
        Reset timer
      </button>
    </div>
  );
}
