/**
 * Named checks that need code rather than a comparison, evaluated on the trusted side. A lesson's
 * check spec refers to one by name (`{ kind: 'custom', name: 'x25519PublicKeyOf', ... }`); the
 * registry is code the app ships, so learner code can neither see nor replace it.
 * @module
 */
import { publicKeyFromSecret } from '../crypto/x25519';
import { asBytes, describePath, describeType, sameBytes, valueAtPath, valuesMatch } from './result-values';

/** A check's answer. `message` is shown to the learner either way. */
export interface CheckVerdict {
  readonly pass: boolean;
  readonly message: string;
}

/** What a custom check receives. */
export interface CustomCheckInput {
  /** The value at the check's `path` (undefined when there is no path or nothing is there). */
  readonly value: unknown;
  /** Whether `path` was given and found. */
  readonly found: boolean;
  /** The check's `path`, named for messages ("the export `shared`"). */
  readonly what: string;
  /** The whole result (all exports). */
  readonly result: unknown;
  /** The expected value named by the check's `expected` (undefined when it names none). */
  readonly expected: unknown;
  readonly params: unknown;
}

/** A custom check: pure, synchronous, and must not throw for any input (a throw counts as a fail). */
export type CustomCheck = (input: CustomCheckInput) => CheckVerdict;

/** Custom checks by name. */
export type CheckRegistry = Readonly<Record<string, CustomCheck>>;

/** Passes when the value is the X25519 public key (RFC 7748 §6.1) of the expected secret key. */
const x25519PublicKeyOf: CustomCheck = ({ value, what, expected }) => {
  const bytes = asBytes(value);
  const secret = asBytes(expected);
  if (!secret) return { pass: false, message: 'This check has no secret key to compare with (lesson bug).' };
  if (!bytes)
    return { pass: false, message: `${what} should be bytes (Uint8Array or hex), but it is ${describeType(value)}.` };
  if (bytes.length !== 32)
    return { pass: false, message: `${what} has ${bytes.length} bytes; an X25519 public key has 32.` };
  return sameBytes(bytes, publicKeyFromSecret(secret))
    ? { pass: true, message: `${what} is the public key of that secret key.` }
    : { pass: false, message: `${what} is 32 bytes but not the public key of that secret key.` };
};

/** Passes when the value is an array whose items are all different (e.g. nonces that must never repeat). */
const distinctItems: CustomCheck = ({ value, what }) => {
  if (!Array.isArray(value))
    return { pass: false, message: `${what} should be an array, but it is ${describeType(value)}.` };
  for (let i = 0; i < value.length; i++) {
    for (let j = i + 1; j < value.length; j++) {
      if (valuesMatch(value[j], value[i])) {
        return { pass: false, message: `${what}: items ${i} and ${j} are the same.` };
      }
    }
  }
  return { pass: true, message: `All ${value.length} items of ${what} are different.` };
};

/** Passes when the value is bytes of `params.length`. */
const bytesOfLength: CustomCheck = ({ value, what, params }) => {
  const length = typeof params === 'object' && params !== null ? (params as { length?: unknown }).length : undefined;
  if (typeof length !== 'number') return { pass: false, message: 'This check needs params.length (lesson bug).' };
  const bytes = asBytes(value);
  if (!bytes)
    return { pass: false, message: `${what} should be bytes (Uint8Array or hex), but it is ${describeType(value)}.` };
  return bytes.length === length
    ? { pass: true, message: `${what} has ${length} bytes.` }
    : { pass: false, message: `${what} has ${bytes.length} bytes; expected ${length}.` };
};

function pathList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((p) => typeof p === 'string')
    ? (value as string[])
    : undefined;
}

/**
 * For an answer from a small space (a 0-or-1 flag, a sequence number out of 60, a list of a few
 * numbers) that re-running and guessing would find: passes only when the values at
 * `params.proof` (paths to what only the work yields: a decrypted text, an error the lab raised)
 * are right too, and says nothing about the answer until they are. `expected` is an object with
 * the expected value of every path: `{ 'meeting.text': ..., 'meeting.seq': ... }`.
 */
const answerWithProof: CustomCheck = ({ result, expected, params }) => {
  const p = typeof params === 'object' && params !== null ? (params as { proof?: unknown; answer?: unknown }) : {};
  const proof = pathList(p.proof);
  const answer = pathList(p.answer);
  if (!proof || !answer || typeof expected !== 'object' || expected === null) {
    return {
      pass: false,
      message: 'This check needs params.proof, params.answer and an expected value for each path (lesson bug).',
    };
  }
  const want = expected as Record<string, unknown>;
  const named = (paths: string[]) => paths.map(describePath).join(' and ');
  for (const path of [...proof, ...answer]) {
    if (!Object.prototype.hasOwnProperty.call(want, path))
      return { pass: false, message: `This check has no expected value for ${path} (lesson bug).` };
  }
  for (const path of proof) {
    const at = valueAtPath(result, path);
    if (!at.found || !valuesMatch(at.value, want[path])) {
      const what = at.found ? `is ${describeType(at.value)} that is not the right one` : 'is missing';
      return {
        pass: false,
        message: `${describePath(path)} ${what}. ${named(answer)} is checked together with it: it shows the work behind the answer, which a guess does not.`,
      };
    }
  }
  for (const path of answer) {
    const at = valueAtPath(result, path);
    if (!at.found) return { pass: false, message: `Nothing found at ${describePath(path)}.` };
    if (!valuesMatch(at.value, want[path]))
      return {
        pass: false,
        message: `${named(proof)} is right, but ${describePath(path)} is not: it should follow from it.`,
      };
  }
  return { pass: true, message: `${named(answer)} is right, and ${named(proof)} shows how you found it.` };
};

/** The checks the app ships. */
export const DEFAULT_CHECK_REGISTRY: CheckRegistry = Object.freeze({
  x25519PublicKeyOf,
  distinctItems,
  bytesOfLength,
  answerWithProof,
});

/** The default registry plus `extra`; throws if `extra` would replace a shipped check. */
export function createCheckRegistry(extra: CheckRegistry): CheckRegistry {
  for (const name of Object.keys(extra)) {
    if (Object.prototype.hasOwnProperty.call(DEFAULT_CHECK_REGISTRY, name)) {
      throw new Error(`custom check '${name}' already exists in the default registry`);
    }
  }
  return Object.freeze({ ...DEFAULT_CHECK_REGISTRY, ...extra });
}
