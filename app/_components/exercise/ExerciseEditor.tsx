'use client';
/**
 * The exercise's code: read-only and syntax-coloured until the learner opens the editor, then Monaco
 * (loaded only at that moment). A stored draft that could not be used is explained above it.
 */
import { useMemo, useState } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';
import { lessonContextDeclaration } from '@/lib/sandbox/lesson-context-declaration';
import type { ExerciseState } from '@/lib/store/exercise-store';
import { MonacoEditorLoader, preloadMonaco } from './MonacoEditorLoader';
import { StaticCode } from './StaticCode';
import styles from './CodeExercise.module.css';

interface ExerciseEditorProps {
  readonly store: StoreApi<ExerciseState>;
  readonly exercise: ExerciseSpec;
  readonly baseId: string;
  readonly onRun: () => void;
}

/** The code view and editor of one exercise. */
export function ExerciseEditor({ store, exercise, baseId, onRun }: ExerciseEditorProps) {
  const code = useStore(store, (s) => s.code);
  const setCode = useStore(store, (s) => s.setCode);
  const draftNotice = useStore(store, (s) => s.draftNotice);
  const [editorOpen, setEditorOpen] = useState(false);
  const contextDeclaration = useMemo(() => lessonContextDeclaration(exercise.setup.context), [exercise.setup.context]);

  return (
    <div className={styles.editorArea}>
      {draftNotice && <p className={styles.note}>{draftNotice}</p>}
      {editorOpen ? (
        <>
          <p className={styles.note} id={`${baseId}-tab-note`}>
            Tab inserts a tab. Press Ctrl+M (Ctrl+Shift+M on Mac) to make Tab move focus, or Esc then Tab.
          </p>
          <div className={styles.editorFrame} aria-describedby={`${baseId}-tab-note`}>
            <MonacoEditorLoader
              path={`file:///exercises/${exercise.id}.ts`}
              value={code}
              onChange={setCode}
              onRun={onRun}
              contextDeclaration={contextDeclaration}
              ariaLabel={`Code editor: ${exercise.title}. Ctrl+Enter runs the code.`}
              autoFocus
            />
          </div>
        </>
      ) : (
        <>
          <StaticCode code={code} label={`Code of ${exercise.title} (read-only until you open the editor)`} />
          {/* Preload on hover only: loading Monaco evaluates megabytes of script in one main-thread
              task, and a keyboard user tabbing past the button on the way to Next must not pay it. */}
          <button type="button" className="primary" onClick={() => setEditorOpen(true)} onPointerEnter={preloadMonaco}>
            Open editor
          </button>
        </>
      )}
    </div>
  );
}
