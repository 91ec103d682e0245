/**
 * What the page remembers of a learner's attempts at one exercise across reloads: how many real
 * runs failed (the solution is offered after two) and how many hints are open. Stored as JSON in
 * localStorage next to the draft; anything unreadable counts as a fresh start, never an error.
 * @module
 */

/** Attempts at one exercise. */
export interface ExerciseAttempts {
  /** Runs that ran the code and failed a check (compile errors and Stop do not count). */
  readonly failedAttempts: number;
  /** Hints revealed so far. */
  readonly hintsShown: number;
}

/** Nothing tried yet. */
export const NO_ATTEMPTS: ExerciseAttempts = { failedAttempts: 0, hintsShown: 0 };

/** localStorage key of an exercise's attempts. */
export function attemptsKey(exerciseId: string): string {
  return `backdoor-lab:attempts:${exerciseId}`;
}

function count(value: unknown, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? Math.min(value, max) : 0;
}

/**
 * Reads stored attempts. `hintCount` caps `hintsShown` (an exercise may have lost hints since);
 * corrupt or missing data gives {@link NO_ATTEMPTS}.
 */
export function parseExerciseAttempts(raw: string | null, hintCount: number): ExerciseAttempts {
  if (raw === null) return NO_ATTEMPTS;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return NO_ATTEMPTS;
  }
  if (typeof data !== 'object' || data === null) return NO_ATTEMPTS;
  const record = data as Record<string, unknown>;
  return { failedAttempts: count(record.failedAttempts, 1_000_000), hintsShown: count(record.hintsShown, hintCount) };
}

/** The stored form, or null when there is nothing worth storing. */
export function serializeExerciseAttempts(attempts: ExerciseAttempts): string | null {
  if (attempts.failedAttempts === 0 && attempts.hintsShown === 0) return null;
  return JSON.stringify({ failedAttempts: attempts.failedAttempts, hintsShown: attempts.hintsShown });
}
