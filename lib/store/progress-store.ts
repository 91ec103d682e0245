/**
 * The learner's progress, persisted in localStorage under `backdoor-lab:progress` (zustand
 * `persist`, version 1, migration from version 0). Everything about the format lives in
 * lib/lessons/progress.ts; this file is the glue.
 *
 * Hydration is manual (`skipHydration`): `<ProgressHydrator />` calls `persist.rehydrate()` once in
 * the browser, so server and first client render agree (both start from empty progress).
 *
 * If storage holds something this version cannot read (not JSON, a foreign shape, or a newer
 * version), the store keeps working in memory, sets `problem` for the banner, and refuses to write
 * until the learner resets, so nothing is overwritten before they could download it.
 */
import { create } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import {
  emptyProgress,
  mergeProgress,
  migrateProgress,
  PROGRESS_STORAGE_KEY,
  PROGRESS_VERSION,
  readStoredProgress,
  serializeProgress,
  storedVersion,
  withExercisePassed,
  withLessonCompleted,
  withQuizAnswer,
  withStepCompleted,
  type Progress,
  type QuizAnswer,
} from '../lessons/progress';

/** Why stored progress is not in use. */
export type ProgressProblem =
  | { kind: 'corrupt'; reason: string; raw: string }
  | { kind: 'future'; version: number; raw: string }
  | { kind: 'unavailable'; reason: string };

/** State and actions of the progress store. */
export interface ProgressStoreState {
  /** What the learner has done. Empty until hydrated. */
  progress: Progress;
  /** Whether stored progress has been read (always false on the server). */
  hydrated: boolean;
  /** Set when stored progress could not be used; the banner explains it. */
  problem: ProgressProblem | null;
  completeStep(slug: string, stepId: string): void;
  answerQuiz(slug: string, quizId: string, answer: QuizAnswer): void;
  completeLesson(slug: string): void;
  /** Records that every check of a code exercise passed (the first time counts). */
  passExercise(exerciseId: string): void;
  /** Merges progress read from an imported file into the current progress. */
  importProgress(incoming: Progress): void;
  /** Discards stored and in-memory progress (the way out of a `problem`). */
  resetProgress(): void;
  /** Hides an `unavailable` notice (nothing to repair there). */
  dismissProblem(): void;
}

/** The part of the Web Storage API the store uses (so tests can pass an in-memory one). */
export type StorageArea = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

type Persisted = { progress: unknown };

/** Creates a progress store over a storage area (the app uses window.localStorage). */
export function createProgressStore(getStorage: () => StorageArea) {
  let writesBlocked = false;
  let pendingProblem: ProgressProblem | null = null;
  let reportUnavailable: (reason: string) => void = () => {};

  const storage: PersistStorage<Persisted> = {
    getItem(name): StorageValue<Persisted> | null {
      let raw: string | null;
      try {
        raw = getStorage().getItem(name);
      } catch (error) {
        pendingProblem = { kind: 'unavailable', reason: errorText(error) };
        writesBlocked = true;
        return null;
      }
      const read = readStoredProgress(raw);
      if (read.kind === 'corrupt' || read.kind === 'future') {
        pendingProblem = read;
        writesBlocked = true;
        return null;
      }
      if (read.kind === 'empty') return null;
      // Hand the stored document to persist with its own version, so persist runs `migrate`
      // (and writes the upgraded document back) when it is older than PROGRESS_VERSION.
      const doc: unknown = JSON.parse(raw as string);
      return { state: { progress: doc }, version: storedVersion(doc) ?? PROGRESS_VERSION };
    },
    setItem(name, value) {
      if (writesBlocked) return;
      try {
        getStorage().setItem(name, serializeProgress(value.state.progress as Progress));
      } catch (error) {
        writesBlocked = true;
        reportUnavailable(errorText(error));
      }
    },
    removeItem(name) {
      try {
        getStorage().removeItem(name);
      } catch {
        // Nothing stored that we could reach; the in-memory reset still happens.
      }
    },
  };

  const store = create<ProgressStoreState>()(
    persist(
      (set) => ({
        progress: emptyProgress(),
        hydrated: false,
        problem: null,
        completeStep: (slug, stepId) => set((s) => ({ progress: withStepCompleted(s.progress, slug, stepId) })),
        answerQuiz: (slug, quizId, answer) => set((s) => ({ progress: withQuizAnswer(s.progress, slug, quizId, answer) })),
        completeLesson: (slug) => set((s) => ({ progress: withLessonCompleted(s.progress, slug, new Date()) })),
        passExercise: (exerciseId) => set((s) => ({ progress: withExercisePassed(s.progress, exerciseId, new Date()) })),
        importProgress: (incoming) => set((s) => ({ progress: mergeProgress(s.progress, incoming) })),
        resetProgress: () => {
          writesBlocked = false;
          pendingProblem = null;
          storage.removeItem(PROGRESS_STORAGE_KEY);
          set({ progress: emptyProgress(), problem: null });
        },
        dismissProblem: () => set((s) => (s.problem?.kind === 'unavailable' ? { problem: null } : s)),
      }),
      {
        name: PROGRESS_STORAGE_KEY,
        version: PROGRESS_VERSION,
        storage,
        skipHydration: true,
        partialize: (s): Persisted => ({ progress: s.progress }),
        migrate: (persisted, version): Persisted => ({ progress: migrateProgress((persisted as Persisted).progress, version) }),
        merge: (persisted, current) => {
          const progress = (persisted as Persisted | undefined)?.progress;
          // Version-1 documents arrive unmigrated: validate them here (getItem already did, this
          // only narrows the type). Without stored data the current state stands.
          return progress === undefined ? current : { ...current, progress: migrateProgress(progress, PROGRESS_VERSION) };
        },
        onRehydrateStorage: () => (_state, error) => {
          const problem: ProgressProblem | null = error
            ? { kind: 'corrupt', reason: `it could not be read (${errorText(error)})`, raw: safeRaw(getStorage) }
            : pendingProblem;
          if (error) writesBlocked = true;
          pendingProblem = null;
          store.setState({ hydrated: true, problem });
        },
      },
    ),
  );

  reportUnavailable = (reason) => {
    if (store.getState().problem === null) store.setState({ problem: { kind: 'unavailable', reason } });
  };
  return store;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function safeRaw(getStorage: () => StorageArea): string {
  try {
    return getStorage().getItem(PROGRESS_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/** The app's progress store, over window.localStorage. */
export const useProgressStore = createProgressStore(() => window.localStorage);
