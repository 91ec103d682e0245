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
  PROGRESS_STORAGE_KEY,
  PROGRESS_VERSION,
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

/**
 * The part of the Web Storage API the store uses (so tests can pass an in-memory one). Written out
 * rather than `Pick<Storage, ...>`: lib/ is type-checked without the DOM library (tsconfig.lib.json).
 */
export interface StorageArea {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

type Persisted = { progress: unknown };

/** Creates a progress store over a storage area (the app uses window.localStorage). */
export function createProgressStore(getStorage: () => StorageArea) {
  let writesBlocked = false;
  let hydrationDone = false;
  let pendingProblem: ProgressProblem | null = null;
  let reportUnavailable: (reason: string) => void = () => {};

  const storage: PersistStorage<Persisted> = {
    // Async: the validator (zod/mini) is loaded here, when storage is first read, instead of with
    // every page. What comes back is already validated and migrated to the current version.
    async getItem(name): Promise<StorageValue<Persisted> | null> {
      let raw: string | null;
      try {
        raw = getStorage().getItem(name);
      } catch (error) {
        pendingProblem = { kind: 'unavailable', reason: errorText(error) };
        writesBlocked = true;
        return null;
      }
      const { readStoredProgress } = await loadSchema();
      const read = readStoredProgress(raw);
      if (read.kind === 'corrupt' || read.kind === 'future') {
        pendingProblem = read;
        writesBlocked = true;
        return null;
      }
      if (read.kind === 'empty') return null;
      // An older format was migrated: store the upgraded document now (writes are held back
      // until hydration ends, see setItem). What persist gets is current and validated.
      if (read.kind === 'ok' && read.migratedFrom !== undefined) {
        try {
          getStorage().setItem(name, loadedSchema!.serializeProgress(read.progress));
        } catch (error) {
          reportUnavailable(errorText(error));
        }
      }
      return { state: { progress: read.progress }, version: PROGRESS_VERSION };
    },
    setItem(name, value) {
      // Nothing is written until this page has read storage: marking the store hydrated must not
      // write this page's empty state over progress that another page saved meanwhile.
      if (writesBlocked || !hydrationDone) return;
      // Hydration (getItem) has loaded the validator before any write; should a write come first,
      // it waits for the module.
      if (!loadedSchema) return loadSchema().then(() => storage.setItem(name, value));
      const { serializeProgress } = loadedSchema;
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
        answerQuiz: (slug, quizId, answer) =>
          set((s) => ({ progress: withQuizAnswer(s.progress, slug, quizId, answer) })),
        completeLesson: (slug) => set((s) => ({ progress: withLessonCompleted(s.progress, slug, new Date()) })),
        passExercise: (exerciseId) =>
          set((s) => ({ progress: withExercisePassed(s.progress, exerciseId, new Date()) })),
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
        merge: (persisted, current) => {
          const progress = (persisted as Persisted | undefined)?.progress;
          // Without stored data the current state stands; stored data was validated by getItem.
          return progress === undefined ? current : { ...current, progress: progress as Progress };
        },
        onRehydrateStorage: () => (_state, error) => {
          const problem: ProgressProblem | null = error
            ? { kind: 'corrupt', reason: `it could not be read (${errorText(error)})`, raw: safeRaw(getStorage) }
            : pendingProblem;
          if (error) writesBlocked = true;
          pendingProblem = null;
          store.setState({ hydrated: true, problem });
          hydrationDone = true;
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

/** The browser's `localStorage` global, typed as the slice the store uses (no DOM library in lib/). */
declare const localStorage: StorageArea;

/** The app's progress store, over the browser's localStorage (read when first used, never on the server). */
export const useProgressStore = createProgressStore(() => localStorage);

type SchemaModule = typeof import('../lessons/progress-schema');
let schemaModule: Promise<SchemaModule> | null = null;
let loadedSchema: SchemaModule | null = null;

/** The progress validator, loaded once, on first use. */
function loadSchema(): Promise<SchemaModule> {
  schemaModule ??= import('../lessons/progress-schema').then((m) => (loadedSchema = m));
  return schemaModule;
}
