/**
 * Evaluates an exercise's checks against a run, on the trusted side (the page or Node), never in the
 * learner's context. The runner only sends data; whether that data is right is decided here, from
 * the check specs and the expected values the runner never saw. Messages never reveal an expected
 * value, only what is wrong with the learner's (missing, wrong type, wrong length, different).
 * @module
 */
import { DEFAULT_CHECK_REGISTRY, type CheckRegistry, type CheckVerdict } from './check-registry';
import type { CheckSpec, ExpectedValues, ValueType } from './exercise-spec';
import { boundMessage } from './display-text';
import type { RunOutcome } from './protocol';
import { asBytes, describePath, describeType, valueAtPath, valuesMatch } from './result-values';

/** One check's outcome, as listed under the editor. */
export interface CheckResult extends CheckVerdict {
  readonly id: string;
  readonly description: string;
}

function missing(path: string): CheckVerdict {
  const [head] = path.split('.');
  const how =
    head === 'default'
      ? 'return it from `export default function solve(lesson)`'
      : `add \`export const ${head} = ...\``;
  return { pass: false, message: `Nothing found at ${describePath(path)}: ${how}.` };
}

function hasType(value: unknown, type: ValueType): boolean {
  switch (type) {
    case 'bytes':
      return value instanceof Uint8Array;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
    default:
      return typeof value === type;
  }
}

function expectedValue(
  expected: ExpectedValues,
  key: string,
): { ok: true; value: unknown } | { ok: false; verdict: CheckVerdict } {
  if (!Object.prototype.hasOwnProperty.call(expected, key)) {
    return {
      ok: false,
      verdict: {
        pass: false,
        message: `This check refers to an expected value '${key}' that the exercise does not define (lesson bug).`,
      },
    };
  }
  return { ok: true, value: expected[key] };
}

function evaluate(check: CheckSpec, result: unknown, expected: ExpectedValues, registry: CheckRegistry): CheckVerdict {
  switch (check.kind) {
    case 'ran':
      return { pass: true, message: 'Your program ran to the end without an error.' };
    case 'equals':
    case 'bytesEqual':
    case 'includesAll': {
      const at = valueAtPath(result, check.path);
      if (!at.found) return missing(check.path);
      const want = expectedValue(expected, check.expected);
      if (!want.ok) return want.verdict;
      const what = describePath(check.path);
      if (check.kind === 'includesAll') {
        if (!Array.isArray(want.value))
          return { pass: false, message: `Expected value '${check.expected}' is not an array (lesson bug).` };
        if (!Array.isArray(at.value))
          return { pass: false, message: `${what} should be an array, but it is ${describeType(at.value)}.` };
        const actual = at.value;
        const absent = want.value.filter((item) => !actual.some((a) => valuesMatch(a, item))).length;
        return absent === 0
          ? { pass: true, message: `${what} contains all ${want.value.length} expected items.` }
          : {
              pass: false,
              message: `${what} is missing ${absent} of the ${want.value.length} items it should contain.`,
            };
      }
      if (check.kind === 'bytesEqual' || want.value instanceof Uint8Array) {
        const wantBytes = asBytes(want.value);
        if (!wantBytes)
          return { pass: false, message: `Expected value '${check.expected}' is not bytes (lesson bug).` };
        // Lengths before parsing: a hex string far longer than the answer is refused unread (hex with a space per byte is at most 3 characters a byte).
        if (typeof at.value === 'string' && at.value.length > wantBytes.length * 3 + 2) {
          return {
            pass: false,
            message: `${what} is a string of ${at.value.length} characters; as hex it should have ${wantBytes.length * 2}.`,
          };
        }
        const bytes = asBytes(at.value);
        if (!bytes)
          return {
            pass: false,
            message: `${what} should be bytes (a Uint8Array or a hex string), but it is ${describeType(at.value)}.`,
          };
        if (bytes.length !== wantBytes.length)
          return { pass: false, message: `${what} has ${bytes.length} bytes; it should have ${wantBytes.length}.` };
        return valuesMatch(bytes, wantBytes)
          ? { pass: true, message: `${what} is right.` }
          : { pass: false, message: `${what} has the right length but different bytes.` };
      }
      if (valuesMatch(at.value, want.value)) return { pass: true, message: `${what} is right.` };
      if (typeof at.value !== typeof want.value || Array.isArray(at.value) !== Array.isArray(want.value)) {
        return {
          pass: false,
          message: `${what} is ${describeType(at.value)}; expected ${describeType(want.value).replace(/ of \d+.*$/, '')}.`,
        };
      }
      return { pass: false, message: `${what} is not the expected value.` };
    }
    case 'type': {
      const at = valueAtPath(result, check.path);
      if (!at.found) return missing(check.path);
      return hasType(at.value, check.type)
        ? {
            pass: true,
            message: `${describePath(check.path)} is ${check.type === 'bytes' ? 'bytes' : `a ${check.type}`}.`,
          }
        : {
            pass: false,
            message: `${describePath(check.path)} should be ${check.type === 'bytes' ? 'bytes (a Uint8Array)' : `a ${check.type}`}, but it is ${describeType(at.value)}.`,
          };
    }
    case 'custom': {
      if (!Object.prototype.hasOwnProperty.call(registry, check.name)) {
        return { pass: false, message: `Unknown custom check '${check.name}' (lesson bug).` };
      }
      const at = check.path === undefined ? { found: false as const } : valueAtPath(result, check.path);
      if (check.path !== undefined && !at.found) return missing(check.path);
      let want: unknown;
      if (check.expected !== undefined) {
        const w = expectedValue(expected, check.expected);
        if (!w.ok) return w.verdict;
        want = w.value;
      }
      const verdict = registry[check.name]!({
        value: at.found ? at.value : undefined,
        found: at.found,
        what: check.path === undefined ? 'the result' : describePath(check.path),
        result,
        expected: want,
        params: check.params,
      });
      return { pass: verdict.pass === true, message: String(verdict.message) };
    }
  }
}

/** Every check failed with `message` (the checks could not give a verdict: the checker failed or was stopped). */
export function failAllChecks(checks: readonly CheckSpec[], message: string): CheckResult[] {
  return checks.map((check) => ({ id: check.id, description: check.description, pass: false, message }));
}

/**
 * Runs every check against the run's outcome. A run that did not finish fails every check with the
 * same explanation (the error itself is shown separately). A check that throws fails, with its error.
 */
export function runChecks(
  checks: readonly CheckSpec[],
  outcome: RunOutcome,
  expected: ExpectedValues,
  registry: CheckRegistry = DEFAULT_CHECK_REGISTRY,
): CheckResult[] {
  return checks.map((check) => {
    let verdict: CheckVerdict;
    if (outcome.status !== 'ok') {
      verdict = { pass: false, message: 'Not checked: the program did not finish (see the error above).' };
    } else {
      try {
        verdict = evaluate(check, outcome.result, expected, registry);
      } catch (error) {
        verdict = {
          pass: false,
          message: `This check could not run: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      if (!verdict.pass && check.failMessage)
        verdict = { pass: false, message: `${verdict.message} ${check.failMessage}` };
    }
    // A message may quote learner data: bounded, so it never repeats a 10 MB string (display-text.ts).
    return { id: check.id, description: check.description, pass: verdict.pass, message: boundMessage(verdict.message) };
  });
}

/** Whether every check passed (and there was at least one). */
export function allChecksPassed(results: readonly CheckResult[]): boolean {
  return results.length > 0 && results.every((r) => r.pass);
}
