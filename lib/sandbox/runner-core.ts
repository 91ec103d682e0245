/**
 * The runner core: what happens to one learner program inside the runner (a dedicated Web Worker in
 * the browser, a worker thread in Node). It transpiles the source, runs it as the body of an async
 * function with `require` (the allowlist), `lesson` (the frozen context) and a bounded `console`,
 * and sends back the program's exports as data. It never judges the result: checks run on the
 * trusted side (run-checks.ts).
 *
 * Contract for learner code:
 * - `export const name = value` sends `value` back under `name`;
 * - `export default async function solve(lesson) { ... }` is called with the lesson context and its
 *   awaited return value is sent back under `default`;
 * - other exported functions are helpers and are not sent;
 * - everything sent must be structured-clonable (strings, numbers, booleans, bigints, Uint8Arrays,
 *   arrays, plain objects, Maps, Sets); anything else is a clear error naming the export and what
 *   the value is (result-inspection.ts).
 *
 * After learner code has started, the core uses only its own references to the globals it needs
 * (runner-intrinsics.ts), so code that replaces `performance.now` or `structuredClone` is told so
 * and does not break the run.
 * @module
 */
import { isAllowedModuleName, refusedImportMessage } from './allowed-module-names';
import type { ModuleTable } from './allowed-modules';
import { deepFreeze } from './deep-freeze';
import { formatValue } from './format-value';
import { createLearnerConsole, type LearnerConsole } from './output-capture';
import type { LearnerError, RunnerMessage, RunOutcome, RunRequest } from './protocol';
import { findUnsendable } from './result-inspection';
import { intrinsics, replacedGlobalsNote, restoreReplacedGlobals } from './runner-intrinsics';
import { LearnerSyntaxError, transpileLearnerCode } from './transpile';
import { exportName, resultBudgetMessage } from './value-budget';

/** The file name learner code has in stack traces; error lines are read from frames with this name. */
const LEARNER_FILE_NAME = 'learner.ts';

/** Thrown by the runner's `require` for a module outside the allowlist. */
class RefusedImportError extends Error {
  override readonly name = 'ImportError';
}

/**
 * Errors that escape the program's own promise chain (a rejected promise nobody awaited, a throw in
 * a timer). The runner entry feeds it from the host's events; the core reads the first one.
 */
export class UnhandledProblems {
  private first: LearnerError | undefined;

  /** Records a rejection that no code handled. */
  recordRejection(reason: unknown): void {
    if (this.first) return;
    const described = describeThrown(reason);
    this.first = {
      ...described,
      kind: 'unhandled-rejection',
      message: `Unhandled promise rejection: ${described.message}. A promise failed and nothing awaited it; add \`await\` (or .catch) where you start it.`,
    };
  }

  /** Records an exception thrown outside the program's own call chain (e.g. in a setTimeout callback). */
  recordUncaught(error: unknown): void {
    if (this.first) return;
    this.first = describeThrown(error);
  }

  /** The first problem recorded, if any. */
  get firstProblem(): LearnerError | undefined {
    return this.first;
  }
}

/** What the core needs from the environment it runs in. */
export interface RunnerEnvironment {
  readonly modules: ModuleTable;
  /** Sends a message to the host; captured before learner code can touch the global one. */
  readonly post: (message: RunnerMessage) => void;
  readonly unhandled: UnhandledProblems;
  /** Called once the learner console exists, so the entry can also install it as `globalThis.console`. */
  readonly installConsole?: (learnerConsole: LearnerConsole) => void;
}

/** Globals a browser page has and a worker does not; a ReferenceError for one gets an explanation. */
const PAGE_ONLY_GLOBALS = new Set([
  'document',
  'window',
  'localStorage',
  'sessionStorage',
  'alert',
  'prompt',
  'confirm',
  'parent',
  'top',
  'opener',
  'frames',
]);

/** Reads a property without letting a hostile object (a Proxy, a throwing getter) break the runner. */
function safeGet(value: unknown, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** The first stack frame in the learner's file: their line (1-based) and, past line 1, column. */
function learnerPosition(stack: unknown): { line?: number; column?: number } {
  if (typeof stack !== 'string') return {};
  const match = new RegExp(`${LEARNER_FILE_NAME.replace('.', '\\.')}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return {};
  const line = Number(match[1]);
  // Line 1 also holds the wrapper and sucrase's prologue, so its column is not the learner's.
  return line === 1 ? { line } : { line, column: Number(match[2]) };
}

/** Explains a thrown value to the learner, with their line when the stack has one. */
function describeThrown(thrown: unknown): LearnerError {
  let isError = false;
  try {
    isError =
      thrown instanceof Error ||
      (typeof thrown === 'object' &&
        thrown !== null &&
        typeof safeGet(thrown, 'stack') === 'string' &&
        typeof safeGet(thrown, 'message') === 'string');
  } catch {
    isError = false;
  }
  if (!isError) {
    return {
      kind: 'non-error-throw',
      message: `Your code threw ${formatValue(thrown).slice(0, 500)}, which is not an Error, so there is no line number. Throw \`new Error('...')\` instead.`,
    };
  }
  const name = String(safeGet(thrown, 'name') ?? 'Error');
  let message = String(safeGet(thrown, 'message') ?? '');
  const position = learnerPosition(safeGet(thrown, 'stack'));
  if (thrown instanceof RefusedImportError) return { kind: 'import', message, ...position };
  if (name === 'RangeError' && /call stack/i.test(message)) {
    message += ' (a function keeps calling itself: check that your recursion has a base case)';
  }
  const undefinedName = name === 'ReferenceError' ? /^(\w+) is not defined$/.exec(message)?.[1] : undefined;
  if (undefinedName && PAGE_ONLY_GLOBALS.has(undefinedName)) {
    message += '. Your code runs in an isolated worker with no page: there is no document, window, storage or cookies';
  }
  return { kind: 'runtime', message: `${name}: ${message}`.slice(0, 4000), ...position };
}

type LearnerFunction = (
  require: (name: unknown) => unknown,
  exports: Record<string, unknown>,
  module: { exports: unknown },
  lesson: unknown,
  console: LearnerConsole,
) => Promise<void>;

/**
 * Turns transpiled code into a function. The wrapper sits on line 1 with the code's first line, so
 * line numbers in stack traces are the learner's (sucrase keeps lines). The indirect eval runs in
 * global scope, so the code sees none of this module's variables.
 */
function compile(code: string): LearnerFunction {
  const wrapped = `(async function (require, exports, module, lesson, console) {${code}\n})\n//# sourceURL=${LEARNER_FILE_NAME}`;
  const indirectEval = eval;
  return indirectEval(wrapped) as LearnerFunction;
}

/** Why a value is not structured-clonable, in words a learner can act on. */
function cloneProblem(value: unknown): string | undefined {
  try {
    intrinsics.structuredClone(value);
    return undefined;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return detail.slice(0, 300);
  }
}

/** The program's exports as data (see the module comment for the contract). */
async function collectResult(moduleExports: unknown, lesson: unknown): Promise<Record<string, unknown>> {
  const source: Record<string, unknown> =
    typeof moduleExports === 'object' && moduleExports !== null
      ? (moduleExports as Record<string, unknown>)
      : { default: moduleExports };
  const result: Record<string, unknown> = {};
  for (const key of intrinsics.objectKeys(source)) {
    if (key === '__esModule') continue;
    const value = source[key];
    if (key === 'default' && typeof value === 'function') {
      result.default = await (value as (lesson: unknown) => unknown)(lesson);
    } else if (typeof value !== 'function') {
      result[key] = value;
    }
  }
  return result;
}

/** Makes the result sendable, or says which export is not and what in it. */
function cloneResult(
  result: Record<string, unknown>,
): { ok: true; value: unknown } | { ok: false; error: LearnerError } {
  const keys = intrinsics.objectKeys(result);
  for (const key of keys) {
    const found = findUnsendable(result[key]);
    if (found) {
      const where = found.at === '' ? '' : ` (at \`${key}${found.at}\`)`;
      const what = found.at === '' ? `is ${found.what}` : `contains ${found.what}${where}`;
      return {
        ok: false,
        error: {
          kind: 'result',
          message: `${exportName(key)} ${what}. Send data only: strings, numbers, booleans, Uint8Arrays, and arrays or plain objects of those.`,
        },
      };
    }
  }
  try {
    return { ok: true, value: intrinsics.structuredClone(result) };
  } catch {
    for (const key of keys) {
      const problem = cloneProblem(result[key]);
      if (problem) {
        return {
          ok: false,
          error: {
            kind: 'result',
            message:
              `${exportName(key)} cannot be sent back to the page (${problem}): it holds something the sandbox cannot copy, ` +
              'such as a Proxy. Send data only: strings, numbers, booleans, Uint8Arrays, and arrays or plain objects of those; no functions, symbols or promises.',
          },
        };
      }
    }
    return { ok: false, error: { kind: 'result', message: 'The exports cannot be sent back to the page.' } };
  }
}

/**
 * Lets the host report rejections nobody handled before the run is declared done. Browsers queue the
 * `unhandledrejection` event as a task after the microtask checkpoint, so one zero-delay timer is not
 * always enough; two timer turns were in Chromium (Node reports before the first).
 */
async function settle(): Promise<void> {
  for (let turn = 0; turn < SETTLE_TURNS; turn++)
    await new intrinsics.Promise<void>((resolve) => intrinsics.setTimeout(resolve, 0));
}
const SETTLE_TURNS = 2;

/**
 * Runs one request to the end and posts its console lines and then exactly one `done` message.
 * Never throws: every failure becomes a {@link LearnerError}.
 */
export async function runLearnerRequest(request: RunRequest, env: RunnerEnvironment): Promise<RunOutcome> {
  const { runId } = request;
  const learnerConsole = createLearnerConsole(request.limits, {
    line: (level, text) => env.post({ type: 'console', runId, level, text }),
    truncated: () => env.post({ type: 'output-truncated', runId }),
  });
  env.installConsole?.(learnerConsole);

  const finish = (outcome: RunOutcome): RunOutcome => {
    const replaced = restoreReplacedGlobals();
    if (replaced.length > 0) env.post({ type: 'console', runId, level: 'warn', text: replacedGlobalsNote(replaced) });
    env.post({ type: 'done', runId, outcome });
    return outcome;
  };

  let fn: LearnerFunction;
  try {
    fn = compile(transpileLearnerCode(request.source).code);
  } catch (error) {
    if (error instanceof LearnerSyntaxError) {
      return finish({
        status: 'error',
        durationMs: 0,
        error: { kind: 'compile', message: `Syntax error: ${error.message}`, line: error.line, column: error.column },
      });
    }
    return finish({
      status: 'error',
      durationMs: 0,
      error: { kind: 'compile', message: `Syntax error: ${error instanceof Error ? error.message : String(error)}` },
    });
  }

  const lesson = deepFreeze(request.context);
  const modules = env.modules;
  const requireModule = (name: unknown): unknown => {
    if (isAllowedModuleName(name)) return modules[name];
    throw new RefusedImportError(refusedImportMessage(name));
  };
  const exportsObject: Record<string, unknown> = {};
  const moduleObject = { exports: exportsObject as unknown };

  const started = intrinsics.now();
  let result: Record<string, unknown>;
  try {
    await fn(requireModule, exportsObject, moduleObject, lesson, learnerConsole);
    result = await collectResult(moduleObject.exports, lesson);
    await settle();
  } catch (thrown) {
    const durationMs = intrinsics.now() - started;
    return finish({ status: 'error', durationMs, error: describeThrown(thrown) });
  }
  const durationMs = intrinsics.now() - started;
  const unhandled = env.unhandled.firstProblem;
  if (unhandled) return finish({ status: 'error', durationMs, error: unhandled });
  // Before cloning: an oversized value is named here (the sandbox frame enforces the same budget).
  // A value the budget cannot even walk (a Proxy whose traps throw) is named by cloneResult's inspection.
  let overBudget: string | undefined;
  try {
    overBudget = resultBudgetMessage(result);
  } catch {
    overBudget = undefined;
  }
  if (overBudget) return finish({ status: 'error', durationMs, error: { kind: 'result', message: overBudget } });
  const cloned = cloneResult(result);
  if (!cloned.ok) return finish({ status: 'error', durationMs, error: cloned.error });
  return finish({ status: 'ok', durationMs, result: cloned.value });
}
