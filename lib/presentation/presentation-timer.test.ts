import { describe, expect, it } from 'vitest';
import { elapsedMs, formatElapsed, pauseTimer, startTimer, stoppedTimer, timerStatus } from './presentation-timer';

describe('presentation timer', () => {
  it('counts only while running, across pauses', () => {
    let timer = startTimer(stoppedTimer, 1_000);
    expect(elapsedMs(timer, 4_000)).toBe(3_000);
    timer = pauseTimer(timer, 4_000);
    expect(elapsedMs(timer, 60_000)).toBe(3_000);
    timer = startTimer(timer, 10_000);
    expect(startTimer(timer, 11_000)).toBe(timer);
    expect(elapsedMs(timer, 12_500)).toBe(5_500);
    expect(pauseTimer(pauseTimer(timer, 13_000), 20_000).accumulatedMs).toBe(6_000);
  });

  it('formats minutes and seconds, and hours past an hour', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(65_999)).toBe('01:05');
    expect(formatElapsed(3_661_000)).toBe('1:01:01');
  });

  it('says when the lesson runs over its planned minutes', () => {
    expect(timerStatus(7 * 60_000, 7)).toBe('on-time');
    expect(timerStatus(7 * 60_000 + 1, 7)).toBe('over');
  });
});
