import { describe, expect, it } from 'vitest';
import { NO_ATTEMPTS, parseExerciseAttempts, serializeExerciseAttempts } from './exercise-attempts';

describe('exercise attempts', () => {
  it('round-trips what a learner did', () => {
    const attempts = { failedAttempts: 3, hintsShown: 2 };
    expect(parseExerciseAttempts(serializeExerciseAttempts(attempts), 3)).toEqual(attempts);
  });

  it('stores nothing for a fresh start', () => {
    expect(serializeExerciseAttempts(NO_ATTEMPTS)).toBeNull();
    expect(parseExerciseAttempts(null, 3)).toEqual(NO_ATTEMPTS);
  });

  it('caps hints at the hints the exercise has now', () => {
    expect(parseExerciseAttempts('{"failedAttempts":1,"hintsShown":9}', 2)).toEqual({
      failedAttempts: 1,
      hintsShown: 2,
    });
  });

  it.each(['not json', '[]', 'null', '42', '{"failedAttempts":-1,"hintsShown":1.5}', '{"failedAttempts":"2"}'])(
    'treats corrupt data %s as a fresh start (field by field)',
    (raw) => {
      const parsed = parseExerciseAttempts(raw, 3);
      expect(parsed.failedAttempts).toBe(0);
      expect(parsed.hintsShown).toBe(0);
    },
  );
});
