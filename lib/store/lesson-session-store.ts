/**
 * What the learner has done in the lesson they are on: the actions widgets report ("generated
 * Alice's key pair", "flipped a bit") that gate the Next button of a step. Kept in memory only: it
 * holds no secrets and is rebuilt by acting again. Completed steps are persisted separately by the
 * progress store.
 */
import { create } from 'zustand';

export interface LessonSessionState {
  /** Action ids reported so far, e.g. `keypair:alice`, `exchange`, `decrypt:rejected`. */
  readonly actions: ReadonlySet<string>;
  recordAction(id: string): void;
  reset(): void;
}

export const useLessonSession = create<LessonSessionState>()((set) => ({
  actions: new Set<string>(),
  recordAction: (id) => set((s) => (s.actions.has(id) ? s : { actions: new Set([...s.actions, id]) })),
  reset: () => set({ actions: new Set<string>() }),
}));

/** For widgets: report an action without subscribing to the store. */
export function recordLessonAction(id: string): void {
  useLessonSession.getState().recordAction(id);
}
