import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  mergeProgress,
  ProgressFormatError,
  progressFileName,
  withExercisePassed,
  withLessonCompleted,
  withQuizAnswer,
  withStepCompleted,
  type Progress,
} from './progress';
import {
  exportProgressFile,
  migrateProgress,
  parseProgressFile,
  readStoredProgress,
  serializeProgress,
} from './progress-schema';

const sample: Progress = withQuizAnswer(
  withLessonCompleted(
    withStepCompleted(withStepCompleted(emptyProgress(), 'welcome', 'a'), 'welcome', 'b'),
    'welcome',
    new Date('2026-11-22T10:00:00Z'),
  ),
  'welcome',
  'q1',
  2,
);

describe('progress updates', () => {
  it('records steps once, quiz answers, and the first completion time', () => {
    expect(sample.lessons.welcome).toEqual({
      completedSteps: ['a', 'b'],
      completedAt: '2026-11-22T10:00:00.000Z',
      quiz: { q1: 2 },
    });
    expect(withStepCompleted(sample, 'welcome', 'a')).toBe(sample);
    expect(withLessonCompleted(sample, 'welcome', new Date('2030-01-01T00:00:00Z')).lessons.welcome?.completedAt).toBe(
      '2026-11-22T10:00:00.000Z',
    );
    expect(withQuizAnswer(sample, 'welcome', 'q1', [0, 1]).lessons.welcome?.quiz.q1).toEqual([0, 1]);
  });

  it('round-trips through storage text', () => {
    expect(readStoredProgress(serializeProgress(sample))).toEqual({ kind: 'ok', progress: sample });
  });

  it('never serializes fields outside the schema (no keys can leak into storage)', () => {
    const withSecret = { ...sample, lessons: { welcome: { ...sample.lessons.welcome!, secretKey: 'aa'.repeat(32) } } };
    expect(() => serializeProgress(withSecret as Progress)).toThrow(/secretKey/);
  });
});

describe('readStoredProgress', () => {
  it('treats a missing key as empty progress', () => {
    expect(readStoredProgress(null)).toEqual({ kind: 'empty', progress: emptyProgress() });
  });

  it('reports text that is not JSON as corrupt, keeping the raw text', () => {
    const r = readStoredProgress('{not json');
    expect(r.kind).toBe('corrupt');
    expect(r).toMatchObject({ raw: '{not json', reason: expect.stringMatching(/^it is not valid JSON/) });
  });

  it('reports a foreign shape as corrupt', () => {
    expect(readStoredProgress('{"theme":"dark"}')).toMatchObject({
      kind: 'corrupt',
      reason: 'it is not Backdoor Lab progress (no format version)',
    });
  });

  it('reports a damaged current-version document with the field path', () => {
    const r = readStoredProgress('{"version":1,"lessons":{"welcome":{"completedSteps":"all","quiz":{}}}}');
    expect(r).toMatchObject({
      kind: 'corrupt',
      reason: 'it is damaged: lessons.welcome.completedSteps: expected array',
    });
  });

  it('names unexpected fields, so a stored secret is refused rather than read', () => {
    const r = readStoredProgress(
      '{"version":1,"lessons":{"welcome":{"completedSteps":[],"quiz":{},"secretKey":"aa"}}}',
    );
    expect(r).toMatchObject({
      kind: 'corrupt',
      reason: 'it is damaged: lessons.welcome: unexpected field "secretKey"',
    });
  });

  it('reports a newer version as future, without trying to read it', () => {
    expect(readStoredProgress('{"version":2,"lessons":{}}')).toEqual({
      kind: 'future',
      version: 2,
      raw: '{"version":2,"lessons":{}}',
    });
  });

  it('migrates version 0 (a flat list of lesson/step) to version 1', () => {
    const r = readStoredProgress('["welcome/what-you-will-do","welcome/moving-around","keys/generate"]');
    expect(r).toEqual({
      kind: 'ok',
      migratedFrom: 0,
      progress: {
        version: 1,
        lessons: {
          welcome: { completedSteps: ['what-you-will-do', 'moving-around'], quiz: {} },
          keys: { completedSteps: ['generate'], quiz: {} },
        },
      },
    });
  });

  it('reports a damaged version 0 list as corrupt', () => {
    expect(readStoredProgress('["welcome"]')).toMatchObject({
      kind: 'corrupt',
      reason: expect.stringContaining('not a version 0 progress list'),
    });
  });
});

describe('migrateProgress', () => {
  it('refuses unknown versions', () => {
    expect(() => migrateProgress({}, 7)).toThrow(ProgressFormatError);
  });
});

describe('progress files', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('exports and imports the same progress', () => {
    const text = exportProgressFile(sample, now);
    expect(JSON.parse(text)).toMatchObject({ format: 'backdoor-lab-progress', exportedAt: '2026-11-22T12:00:00.000Z' });
    expect(parseProgressFile(text)).toEqual({ ok: true, progress: sample });
    expect(progressFileName(now)).toBe('backdoor-lab-progress-2026-11-22.json');
  });

  it('imports raw stored text too (what the banner downloads), including version 0', () => {
    expect(parseProgressFile(serializeProgress(sample))).toEqual({ ok: true, progress: sample });
    expect(parseProgressFile('["welcome/a"]')).toEqual({
      ok: true,
      progress: { version: 1, lessons: { welcome: { completedSteps: ['a'], quiz: {} } } },
    });
  });

  it.each([
    ['not JSON', 'hello', /is not JSON/],
    ['foreign JSON', '{"name":"package"}', /not Backdoor Lab progress/],
    [
      'newer version',
      '{"format":"backdoor-lab-progress","progress":{"version":3,"lessons":{}}}',
      /newer version of Backdoor Lab \(progress format 3/,
    ],
    [
      'damaged',
      '{"format":"backdoor-lab-progress","progress":{"version":1,"lessons":{"Bad Slug":{"completedSteps":[],"quiz":{}}}}}',
      'This progress file is damaged and was not imported: lessons.Bad Slug: not a valid id (lowercase kebab-case expected).',
    ],
  ])('rejects %s with a clear message', (_, text, message) => {
    const r = parseProgressFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('rejects oversized files before parsing', () => {
    const r = parseProgressFile('[]', 5_000_000);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/too large/) });
  });

  it('merges imported progress without losing either side', () => {
    const other = withQuizAnswer(
      withStepCompleted(withStepCompleted(emptyProgress(), 'welcome', 'c'), 'keys', 'x'),
      'welcome',
      'q1',
      0,
    );
    const merged = mergeProgress(sample, other);
    expect(merged.lessons.welcome).toEqual({
      completedSteps: ['a', 'b', 'c'],
      completedAt: '2026-11-22T10:00:00.000Z',
      quiz: { q1: 0 },
    });
    expect(merged.lessons.keys).toEqual({ completedSteps: ['x'], quiz: {} });
  });

  it('records an exercise pass once, keeps the first pass when merging, and round-trips it through storage', () => {
    const first = withExercisePassed(emptyProgress(), 'shared-secret-by-hand', new Date('2026-11-22T10:00:00Z'));
    expect(withExercisePassed(first, 'shared-secret-by-hand', new Date('2026-11-23T10:00:00Z'))).toBe(first);
    const later = withExercisePassed(
      withExercisePassed(emptyProgress(), 'shared-secret-by-hand', new Date('2026-11-24T10:00:00Z')),
      'write-the-attack',
      new Date('2026-11-24T11:00:00Z'),
    );
    const merged = mergeProgress(later, first);
    expect(merged.exercises).toEqual({
      'shared-secret-by-hand': { passedAt: '2026-11-22T10:00:00.000Z' },
      'write-the-attack': { passedAt: '2026-11-24T11:00:00.000Z' },
    });
    expect(readStoredProgress(serializeProgress(merged))).toEqual({ kind: 'ok', progress: merged });
    expect(readStoredProgress(JSON.stringify({ ...merged, exercises: { 'Bad Id': { passedAt: 'x' } } })).kind).toBe(
      'corrupt',
    );
  });
});
