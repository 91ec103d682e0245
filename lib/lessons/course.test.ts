import { describe, expect, it } from 'vitest';
import { continueLesson, courseOrder, firstIncompleteStep, lessonStatus, nextLesson, stepBlockers } from './course';
import type { LessonStep } from './lesson-types';

const tracks = [{ lessons: ['a', 'b'] }, { lessons: ['c'] }];
const lessons = [{ slug: 'a' }, { slug: 'b' }, { slug: 'c' }];
const steps: LessonStep[] = [
  { id: 's1', title: 'One' },
  { id: 's2', title: 'Two', requires: [{ action: 'keypair:bob', hint: "Generate Bob's key first." }] },
  { id: 's3', title: 'Three', requires: [{ action: 'exchange', hint: 'Run the exchange.' }] },
];

describe('course order', () => {
  it('flattens tracks and finds neighbours', () => {
    expect(courseOrder(tracks)).toEqual(['a', 'b', 'c']);
    expect(nextLesson(tracks, lessons, 'b')).toEqual({ slug: 'c' });
    expect(nextLesson(tracks, lessons, 'c')).toBeUndefined();
    expect(
      continueLesson(tracks, lessons, { a: { completedSteps: [], quiz: {}, completedAt: '2026-01-01T00:00:00Z' } }),
    ).toEqual({ slug: 'b' });
  });
});

describe('lessonStatus', () => {
  it('distinguishes not started, in progress (with resume step) and complete', () => {
    expect(lessonStatus({ steps }, undefined)).toEqual({ kind: 'not-started' });
    expect(lessonStatus({ steps }, { completedSteps: ['s1'], quiz: {} })).toEqual({
      kind: 'in-progress',
      done: 1,
      total: 3,
      resumeStep: 's2',
    });
    expect(lessonStatus({ steps }, { completedSteps: [], quiz: {}, completedAt: '2026-01-01T00:00:00Z' })).toEqual({
      kind: 'complete',
      completedAt: '2026-01-01T00:00:00Z',
    });
    expect(firstIncompleteStep(steps, { completedSteps: ['s1', 's2', 's3'], quiz: {} }).id).toBe('s3');
  });
});

describe('stepBlockers', () => {
  it('lists unmet requirements of this and earlier steps, skipping completed steps', () => {
    expect(stepBlockers(steps, 0, new Set(), [])).toEqual([]);
    expect(stepBlockers(steps, 2, new Set(), []).map((b) => b.action)).toEqual(['keypair:bob', 'exchange']);
    expect(stepBlockers(steps, 2, new Set(['exchange']), []).map((b) => b.hint)).toEqual(["Generate Bob's key first."]);
    expect(stepBlockers(steps, 2, new Set(['exchange']), ['s2'])).toEqual([]);
  });
});
