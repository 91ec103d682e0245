/**
 * Simulated time. The world runs on a clock of whole minutes counted from the moment it starts
 * (minute 0), so a schedule, a theft time and a warrant window are plain integers that compare
 * exactly and survive structured cloning and JSON.
 * @module
 */

/** Whole minutes since the world started. Never negative. */
export type SimTime = number;

/** Minutes in one simulated day. */
export const MINUTES_PER_DAY = 1440;

/** Minutes in one simulated hour. */
export const MINUTES_PER_HOUR = 60;

/** Whether `value` is a valid {@link SimTime}: a non-negative safe integer. */
export function isSimTime(value: unknown): value is SimTime {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Returns `value` as a {@link SimTime} or throws a RangeError naming `what`. */
export function assertSimTime(value: unknown, what: string): SimTime {
  if (!isSimTime(value)) throw new RangeError(`${what}: expected whole minutes >= 0, got ${String(value)}`);
  return value;
}

/** "day 3, 22:05" for minute 4205 (days count from 1, as a person would say them). */
export function formatSimTime(time: SimTime): string {
  const day = Math.floor(time / MINUTES_PER_DAY) + 1;
  const inDay = time % MINUTES_PER_DAY;
  const hh = String(Math.floor(inDay / MINUTES_PER_HOUR)).padStart(2, '0');
  const mm = String(inDay % MINUTES_PER_HOUR).padStart(2, '0');
  return `day ${day}, ${hh}:${mm}`;
}

/** Noon of day `day` (days count from 1, as in {@link formatSimTime}): when a theft "on day N" happens. */
export function noonOfDay(day: number): SimTime {
  return (day - 1) * MINUTES_PER_DAY + 12 * MINUTES_PER_HOUR;
}
