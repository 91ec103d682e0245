'use client';
/**
 * The Code lab: a scratchpad by default (working examples to run and change, nothing checked), and
 * the checked exercise "Open Bob’s message" when the learner picks it. The choice is kept in the
 * address (`?exercise=code-lab`), so a link or a reload opens the same program; the address is read
 * after hydration (the page is static), as seeded mode is.
 */
import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { codeLabExercise } from '@/lib/sandbox/code-lab-exercise';
import { codeLabScratchpads } from '@/lib/sandbox/code-lab-scratchpad';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';
import { CodeExercise } from '../_components/exercise/CodeExercise';
import styles from './CodeLab.module.css';

const PROGRAM_PARAM = 'exercise';

const noSubscription = () => () => {};
const programInAddress = () => new URLSearchParams(window.location.search).get(PROGRAM_PARAM);
const noProgramOnServer = () => null;

/** Built on the client: their setup holds bytes computed with the app's crypto. */
function buildPrograms(): readonly ExerciseSpec[] {
  return [...codeLabScratchpads(), codeLabExercise()];
}

export function CodeLab() {
  const id = useId();
  const programs = useMemo(() => buildPrograms(), []);
  const fromAddress = useSyncExternalStore(noSubscription, programInAddress, noProgramOnServer);
  const [picked, setPicked] = useState<string | null>(null);
  const wanted = picked ?? fromAddress;
  const program = programs.find((p) => p.id === wanted) ?? programs[0]!;
  const checked = program.checks.length > 0;

  const choose = (programId: string) => {
    setPicked(programId);
    const url = new URL(window.location.href);
    if (programId === programs[0]!.id) url.searchParams.delete(PROGRAM_PARAM);
    else url.searchParams.set(PROGRAM_PARAM, programId);
    window.history.replaceState(window.history.state, '', url);
  };

  return (
    <>
      <div className={styles.chooser}>
        <label htmlFor={`${id}-program`}>Program</label>
        <select id={`${id}-program`} value={program.id} onChange={(e) => choose(e.target.value)}>
          <optgroup label="Scratchpad: examples, nothing checked">
            {programs
              .filter((p) => p.checks.length === 0)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title.replace(/^Scratchpad: /, '')}
                </option>
              ))}
          </optgroup>
          <optgroup label="Exercise: checked">
            {programs
              .filter((p) => p.checks.length > 0)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
          </optgroup>
        </select>
        <p className={styles.mode}>
          {checked
            ? `An exercise: each run is checked (${program.checks.length} checks).`
            : 'A scratchpad: runs are not checked. Pick the exercise to be checked.'}
        </p>
      </div>
      <p>
        Lesson data: <code>lesson</code> ({String((program.setup.context as { randomness: string }).randomness)}).
      </p>
      <CodeExercise exercise={program} />
    </>
  );
}
