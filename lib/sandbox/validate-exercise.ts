/**
 * Proves an exercise in Node, for the lesson validator: its data is well-formed, every check refers
 * to something that exists, the reference solution runs (through the same runner as the browser),
 * passes every check and type-checks as the editor would, and the starter runs and fails at least one
 * check, and every known cheat runs and fails a check (validate-cheats.ts). Each problem names the exercise and the field, so an author knows what to fix.
 * @module
 */
import { DEFAULT_CHECK_REGISTRY, type CheckRegistry } from './check-registry';
import { exerciseSpecSchema, type ExerciseSpec } from './exercise-spec';
import { allChecksPassed, runChecks, type CheckResult } from './run-checks';
import type { RunReport } from './run-collector';
import { runInNode } from './run-in-node';
import { typecheckLearnerCode } from './typecheck-in-node';
import { cheatListProblems, validateCheats, type CheatValidation } from './validate-cheats';

/** What validating one program (solution or starter) found. */
export interface ProgramValidation {
  readonly report: RunReport;
  readonly checks: readonly CheckResult[];
  readonly typeErrors: readonly { line: number; message: string }[];
}

/** The result of {@link validateExerciseInNode}. `problems` is empty when the exercise is sound. */
export interface ExerciseValidation {
  readonly problems: readonly string[];
  readonly solution?: ProgramValidation;
  readonly starter?: ProgramValidation;
  /** Each known cheat's checks (every one must fail a check). */
  readonly cheats?: readonly CheatValidation[];
}

function describeOutcome(report: RunReport): string {
  const { outcome } = report;
  if (outcome.status === 'ok') return 'ran';
  return `${outcome.error.line !== undefined ? `line ${outcome.error.line}: ` : ''}${outcome.error.message}`;
}

/** Validates `exercise` (see the module comment). Never throws for a bad exercise; lists problems. */
export async function validateExerciseInNode(
  exercise: ExerciseSpec,
  registry: CheckRegistry = DEFAULT_CHECK_REGISTRY,
): Promise<ExerciseValidation> {
  const where = `exercise '${exercise.id}'`;
  const problems: string[] = [];
  const parsed = exerciseSpecSchema.safeParse(exercise);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return { problems };
  }
  const ids = new Set<string>();
  for (const check of exercise.checks) {
    if (ids.has(check.id)) problems.push(`${where}: checks: duplicate id '${check.id}'`);
    ids.add(check.id);
    const expectedKey = 'expected' in check ? check.expected : undefined;
    if (expectedKey !== undefined && !Object.prototype.hasOwnProperty.call(exercise.setup.expected, expectedKey)) {
      problems.push(`${where}: checks.${check.id}: expected value '${expectedKey}' is not in setup.expected`);
    }
    if (check.kind === 'custom' && !Object.prototype.hasOwnProperty.call(registry, check.name)) {
      problems.push(`${where}: checks.${check.id}: unknown custom check '${check.name}'`);
    }
  }
  problems.push(...cheatListProblems(exercise, where));
  try {
    structuredClone(exercise.setup.context);
  } catch (error) {
    problems.push(
      `${where}: setup.context is not structured-clonable (${error instanceof Error ? error.message : String(error)})`,
    );
    return { problems };
  }

  const validate = async (source: string): Promise<ProgramValidation> => {
    const report = await runInNode(source, exercise.setup.context, { timeLimitMs: exercise.timeLimitMs });
    return {
      report,
      checks: runChecks(exercise.checks, report.outcome, exercise.setup.expected, registry),
      typeErrors: typecheckLearnerCode(source, exercise.setup.context),
    };
  };
  const solution = await validate(exercise.solution);
  if (solution.report.outcome.status !== 'ok')
    problems.push(`${where}: solution does not run: ${describeOutcome(solution.report)}`);
  for (const failed of solution.checks.filter((c) => !c.pass))
    problems.push(`${where}: solution fails check '${failed.id}': ${failed.message}`);
  for (const error of solution.typeErrors)
    problems.push(
      `${where}: solution line ${error.line} has a type error the editor would underline: ${error.message}`,
    );

  const starter = await validate(exercise.starter);
  if (starter.report.outcome.status !== 'ok')
    problems.push(
      `${where}: starter does not run (learners should start from code that runs): ${describeOutcome(starter.report)}`,
    );
  else if (allChecksPassed(starter.checks)) problems.push(`${where}: starter already passes every check`);

  const cheats = await validateCheats(exercise, registry, where);
  problems.push(...cheats.problems);
  return { problems, solution, starter, cheats: cheats.cheats };
}
