/**
 * Proves an exercise's checks cannot be passed without the work: each of its known cheats
 * (`ExerciseSpec.cheats`: replays, copied captured values, constants, look-alike types, the lucky
 * guess of a small answer) runs through the same runner as the learner's code, and must run to the
 * end (a cheat that crashes proves nothing) and then fail a check: the one it names in `caughtBy`,
 * or any. Problems read `exercise '<id>': cheat '<name>' ...` (validate-exercises.ts files them
 * under the rule `exercise-cheat`).
 * @module
 */
import type { CheckRegistry } from './check-registry';
import type { ExerciseSpec } from './exercise-spec';
import { allChecksPassed, runChecks, type CheckResult } from './run-checks';
import { runInNode } from './run-in-node';

/** What one cheat did. */
export interface CheatValidation {
  readonly name: string;
  readonly checks: readonly CheckResult[];
}

/** Problems with the cheat list that need no run: a `caughtBy` that names no check. */
export function cheatListProblems(exercise: ExerciseSpec, where: string): string[] {
  const ids = new Set(exercise.checks.map((c) => c.id));
  const problems: string[] = [];
  const names = new Set<string>();
  for (const cheat of exercise.cheats) {
    if (names.has(cheat.name)) problems.push(`${where}: cheats: duplicate name '${cheat.name}'`);
    names.add(cheat.name);
    if (cheat.caughtBy !== undefined && !ids.has(cheat.caughtBy)) {
      problems.push(
        `${where}: cheats: '${cheat.name}' is caught by '${cheat.caughtBy}', which is not a check of this exercise`,
      );
    }
  }
  return problems;
}

/** Runs every cheat of `exercise` and lists what is wrong (see the module comment). */
export async function validateCheats(
  exercise: ExerciseSpec,
  registry: CheckRegistry,
  where: string,
): Promise<{ problems: string[]; cheats: CheatValidation[] }> {
  const problems: string[] = [];
  const cheats: CheatValidation[] = [];
  for (const cheat of exercise.cheats) {
    const report = await runInNode(cheat.source, exercise.setup.context, { timeLimitMs: exercise.timeLimitMs });
    const checks = runChecks(exercise.checks, report.outcome, exercise.setup.expected, registry);
    cheats.push({ name: cheat.name, checks });
    const { outcome } = report;
    if (outcome.status !== 'ok') {
      problems.push(
        `${where}: cheat '${cheat.name}' does not run, so it proves nothing about the checks: ${outcome.error.message}`,
      );
    } else if (allChecksPassed(checks)) {
      problems.push(
        `${where}: cheat '${cheat.name}' passes every check: make a check verify what only the work produces`,
      );
    } else if (cheat.caughtBy !== undefined && checks.find((c) => c.id === cheat.caughtBy)?.pass === true) {
      const failed = checks
        .filter((c) => !c.pass)
        .map((c) => `'${c.id}'`)
        .join(', ');
      problems.push(
        `${where}: cheat '${cheat.name}' passes check '${cheat.caughtBy}', which should refuse it (only ${failed} failed)`,
      );
    }
  }
  return { problems, cheats };
}
