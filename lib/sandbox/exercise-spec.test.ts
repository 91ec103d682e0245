import { describe, expect, it } from 'vitest';
import { codeLabExercise } from './code-lab-exercise';
import { checkSpecSchema, exerciseSpecSchema } from './exercise-spec';

describe('exercise spec schemas', () => {
  it('accept the Code lab exercise', () => {
    expect(exerciseSpecSchema.safeParse(codeLabExercise()).success).toBe(true);
  });

  it('reject unknown check kinds, unknown fields and bad paths', () => {
    expect(checkSpecSchema.safeParse({ id: 'a', description: 'd', kind: 'trustMe' }).success).toBe(false);
    expect(checkSpecSchema.safeParse({ id: 'a', description: 'd', kind: 'ran', extra: 1 }).success).toBe(false);
    expect(
      checkSpecSchema.safeParse({ id: 'a', description: 'd', kind: 'equals', path: 'a..b', expected: 'x' }).success,
    ).toBe(false);
    expect(checkSpecSchema.safeParse({ id: 'A B', description: 'd', kind: 'ran' }).success).toBe(false);
    expect(
      checkSpecSchema.safeParse({ id: 'a', description: 'd', kind: 'equals', path: 'default.list.0', expected: 'x' })
        .success,
    ).toBe(true);
  });
});
