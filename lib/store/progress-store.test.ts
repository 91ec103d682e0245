import { describe, expect, it } from 'vitest';
import { PROGRESS_STORAGE_KEY } from '../lessons/progress';
import { createProgressStore, type StorageArea } from './progress-store';

/** An in-memory implementation of the Web Storage calls the store makes. */
function memoryStorage(initial: Record<string, string> = {}): StorageArea & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

async function hydrated(storage: StorageArea) {
  const store = createProgressStore(() => storage);
  expect(store.getState().hydrated).toBe(false);
  await store.persist.rehydrate();
  expect(store.getState().hydrated).toBe(true);
  return store;
}

describe('progress store', () => {
  it('starts empty, then persists steps, quiz answers and completion as version 1', async () => {
    const storage = memoryStorage();
    const store = await hydrated(storage);
    store.getState().completeStep('welcome', 'what-you-will-do');
    store.getState().answerQuiz('welcome', 'what-is-saved', 0);
    store.getState().completeLesson('welcome');
    store.getState().passExercise('shared-secret-by-hand');
    const saved = JSON.parse(storage.data.get(PROGRESS_STORAGE_KEY)!);
    expect(saved).toMatchObject({
      version: 1,
      lessons: {
        welcome: {
          completedSteps: ['what-you-will-do'],
          quiz: { 'what-is-saved': 0 },
          completedAt: expect.any(String),
        },
      },
    });
    expect(saved.exercises).toEqual({ 'shared-secret-by-hand': { passedAt: expect.any(String) } });

    const again = await hydrated(storage);
    expect(again.getState().progress).toEqual(saved);
    expect(again.getState().problem).toBeNull();
  });

  it('migrates a version 0 document on load and writes it back as version 1', async () => {
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: '["welcome/moving-around"]' });
    const store = await hydrated(storage);
    expect(store.getState().progress.lessons.welcome?.completedSteps).toEqual(['moving-around']);
    expect(JSON.parse(storage.data.get(PROGRESS_STORAGE_KEY)!)).toEqual({
      version: 1,
      lessons: { welcome: { completedSteps: ['moving-around'], quiz: {} } },
    });
  });

  it.each([
    ['not JSON', '{not json', 'corrupt'],
    ['a foreign shape', '{"colour":"blue"}', 'corrupt'],
    ['a newer version', '{"version":9,"lessons":{}}', 'future'],
  ])('with %s: reports the problem and never overwrites it until reset', async (_, raw, kind) => {
    const storage = memoryStorage({ [PROGRESS_STORAGE_KEY]: raw });
    const store = await hydrated(storage);
    expect(store.getState().problem).toMatchObject({ kind, raw });
    store.getState().completeStep('welcome', 'what-you-will-do');
    expect(store.getState().progress.lessons.welcome?.completedSteps).toEqual(['what-you-will-do']);
    expect(storage.data.get(PROGRESS_STORAGE_KEY)).toBe(raw);

    store.getState().resetProgress();
    expect(store.getState().problem).toBeNull();
    expect(store.getState().progress.lessons).toEqual({});
    store.getState().completeStep('welcome', 'moving-around');
    expect(JSON.parse(storage.data.get(PROGRESS_STORAGE_KEY)!).lessons.welcome.completedSteps).toEqual([
      'moving-around',
    ]);
  });

  it('keeps working in memory when storage is unavailable', async () => {
    const broken: StorageArea = {
      getItem: () => {
        throw new Error('The operation is insecure.');
      },
      setItem: () => {
        throw new Error('The operation is insecure.');
      },
      removeItem: () => {},
    };
    const store = await hydrated(broken);
    expect(store.getState().problem).toEqual({ kind: 'unavailable', reason: 'The operation is insecure.' });
    store.getState().completeStep('welcome', 'a');
    expect(store.getState().progress.lessons.welcome?.completedSteps).toEqual(['a']);
  });

  it('merges imported progress', async () => {
    const store = await hydrated(memoryStorage());
    store.getState().completeStep('welcome', 'a');
    store.getState().importProgress({ version: 1, lessons: { welcome: { completedSteps: ['b'], quiz: {} } } });
    expect(store.getState().progress.lessons.welcome?.completedSteps).toEqual(['a', 'b']);
  });
});
