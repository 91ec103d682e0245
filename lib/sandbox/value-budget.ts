/**
 * The budget on what learner code hands back. Whatever a run returns crosses two structured clones
 * (runner worker → sandbox frame → page) and is then read by the checks; a 200 MB string or a
 * million-node object would freeze the page for seconds at each step. So the size of a value is
 * measured where it is produced, in the sandbox (the runner worker, then again the frame's own,
 * untouched realm), and a value over budget never leaves it: the run ends with a message naming the
 * limit ("the value your default function returned is 84 MB; the limit is 1 MB").
 *
 * The measure is an estimate of the structured-clone size: a string counts one byte per character,
 * a typed array or Blob its byte length, a number 8, each object or array a few bytes plus its keys.
 * Shared references count once (the clone keeps them shared), cycles end the walk. The walk stops
 * at the first limit it passes, so measuring a huge value costs no more than measuring the budget.
 * The built-ins it uses are captured when this module loads, before any learner code runs, so a
 * learner who replaces `Object.keys` in the worker cannot make a value look small to it.
 * @module
 */

/** Limits on one value. */
export interface ValueBudget {
  /** Estimated structured-clone size of the whole value, in bytes. */
  readonly maxBytes: number;
  /** Longest string, in characters. */
  readonly maxStringLength: number;
  /** Largest typed array, ArrayBuffer or Blob, in bytes. */
  readonly maxBinaryBytes: number;
  /** Most objects, arrays and entries (Map/Set) in the value, counted once each. */
  readonly maxNodes: number;
  /** Deepest nesting. */
  readonly maxDepth: number;
}

/** The budget of a run's result: far above any exercise's answer, far below what slows the page. */
export const RESULT_BUDGET: ValueBudget = {
  maxBytes: 1024 * 1024,
  maxStringLength: 512 * 1024,
  maxBinaryBytes: 512 * 1024,
  maxNodes: 20_000,
  maxDepth: 32,
};

/** Which limit a value passed, and by how much (`actual` in the limit's unit; a lower bound for `bytes` and `nodes`). */
export interface BudgetExcess {
  readonly limit: keyof ValueBudget;
  readonly actual: number;
  readonly allowed: number;
}

// Captured at load, before learner code can replace them.
const objectKeys = Object.keys;
const isArray = Array.isArray;
const isView = ArrayBuffer.isView;
const getPrototypeOf = Object.getPrototypeOf;
const SetCtor = Set;
const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size')!.get!;
const setSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size')!.get!;
const mapForEach = Map.prototype.forEach;
const setForEach = Set.prototype.forEach;
const viewByteLength = Object.getOwnPropertyDescriptor(
  getPrototypeOf(Uint8Array.prototype) as object,
  'byteLength',
)!.get!;
const dataViewByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength')!.get!;
const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!;
const BlobCtor: { readonly prototype: object } | undefined = typeof Blob === 'function' ? Blob : undefined;
const blobSize = BlobCtor ? Object.getOwnPropertyDescriptor(BlobCtor.prototype, 'size')?.get : undefined;
const call = Function.prototype.call.bind(Function.prototype.call) as <T>(
  fn: (...args: never[]) => T,
  self: unknown,
  ...args: unknown[]
) => T;

function tryCall(getter: () => number, value: object): number | undefined {
  try {
    return call(getter, value);
  } catch {
    return undefined;
  }
}

/** Bytes of a typed array, DataView, ArrayBuffer or Blob; undefined for anything else. */
function binaryBytes(value: object): number | undefined {
  if (isView(value))
    return tryCall(viewByteLength as () => number, value) ?? call(dataViewByteLength as () => number, value);
  return (
    tryCall(arrayBufferByteLength as () => number, value) ??
    (blobSize ? tryCall(blobSize as () => number, value) : undefined)
  );
}

/** The first limit `value` passes, or undefined when it is within `budget`. Throws only on a value that throws when read (a Proxy, a getter): never on a structured-clone copy. */
export function findBudgetExcess(value: unknown, budget: ValueBudget): BudgetExcess | undefined {
  let bytes = 0;
  let nodes = 0;
  const seen = new SetCtor<object>();
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  const over = (limit: keyof ValueBudget, actual: number): BudgetExcess => ({ limit, actual, allowed: budget[limit] });
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.length > budget.maxStringLength) return over('maxStringLength', current.length);
      bytes += current.length + 4;
    } else if (typeof current === 'bigint') {
      bytes += 8 + current.toString(16).length / 2;
    } else if (typeof current !== 'object' || current === null) {
      bytes += 8;
    } else {
      if (seen.has(current)) continue;
      seen.add(current);
      if (depth > budget.maxDepth) return over('maxDepth', depth);
      nodes += 1;
      const binary = binaryBytes(current);
      if (binary !== undefined) {
        if (binary > budget.maxBinaryBytes) return over('maxBinaryBytes', binary);
        bytes += binary + 16;
      } else {
        const mapEntries = tryCall(mapSize as () => number, current);
        const setEntries = mapEntries === undefined ? tryCall(setSize as () => number, current) : undefined;
        const entries = mapEntries ?? setEntries ?? (isArray(current) ? current.length : undefined);
        // A container's size is known before its items are read: a million-item array is refused at once.
        if (entries !== undefined && nodes + entries > budget.maxNodes) return over('maxNodes', nodes + entries);
        if (mapEntries !== undefined) {
          call(mapForEach as (cb: (v: unknown, k: unknown) => void) => void, current, (v: unknown, k: unknown) => {
            stack.push({ value: k, depth: depth + 1 }, { value: v, depth: depth + 1 });
          });
          nodes += mapEntries;
        } else if (setEntries !== undefined) {
          call(setForEach as (cb: (v: unknown) => void) => void, current, (v: unknown) =>
            stack.push({ value: v, depth: depth + 1 }),
          );
          nodes += setEntries;
        } else {
          const keys = objectKeys(current);
          if (nodes + keys.length > budget.maxNodes) return over('maxNodes', nodes + keys.length);
          for (const key of keys) {
            bytes += key.length + 4;
            stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
          }
        }
        bytes += 16;
      }
      if (nodes > budget.maxNodes) return over('maxNodes', nodes);
    }
    if (bytes > budget.maxBytes) return over('maxBytes', bytes);
  }
  return undefined;
}

/** A byte count as a learner reads it: "84 MB", "1 MB", "512 KB", "300 bytes". */
export function formatByteSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** How an export is named in messages to the learner. */
export function exportName(key: string): string {
  return key === 'default' ? 'The value your default function returned' : `The export \`${key}\``;
}

/** What the excess is, in words: "is at least 84 MB; the limit is 1 MB". */
function describeExcess(excess: BudgetExcess): string {
  const count = (n: number) => n.toLocaleString('en-US');
  switch (excess.limit) {
    case 'maxBytes':
      return `is more than ${formatByteSize(excess.actual)}; the limit is ${formatByteSize(excess.allowed)}`;
    case 'maxStringLength':
      return `holds a string of ${count(excess.actual)} characters (${formatByteSize(excess.actual)}); the limit is ${count(excess.allowed)} characters`;
    case 'maxBinaryBytes':
      return `holds binary data of ${formatByteSize(excess.actual)} (${count(excess.actual)} bytes); the limit is ${formatByteSize(excess.allowed)}`;
    case 'maxNodes':
      return `has at least ${count(excess.actual)} objects, arrays and items; the limit is ${count(excess.allowed)}`;
    case 'maxDepth':
      return `is nested more than ${excess.allowed} levels deep; the limit is ${excess.allowed}`;
  }
}

/**
 * The learner's message for a result over budget, naming the export when one is to blame, or
 * undefined when the result is within the budget.
 */
export function resultBudgetMessage(result: unknown, budget: ValueBudget = RESULT_BUDGET): string | undefined {
  const whole = findBudgetExcess(result, budget);
  if (!whole) return undefined;
  let what = 'The values your program exported';
  if (typeof result === 'object' && result !== null && !isArray(result)) {
    for (const key of objectKeys(result)) {
      if (findBudgetExcess((result as Record<string, unknown>)[key], budget)) {
        what = exportName(key);
        break;
      }
    }
  }
  return (
    `${what} ${describeExcess(whole)}, so it was not sent back to the page. ` +
    'Return what the exercise asks for (a key, a few messages), not bulk data; print a summary (its length, its first bytes) instead.'
  );
}

/**
 * The budget the sandbox frame applies to every message a runner worker posts: a `done` carrying a
 * result at the limit, plus the envelope around it (three levels, a few keys, an error message).
 */
const RUNNER_MESSAGE_BUDGET: ValueBudget = {
  maxBytes: RESULT_BUDGET.maxBytes + 64 * 1024,
  maxStringLength: RESULT_BUDGET.maxStringLength,
  maxBinaryBytes: RESULT_BUDGET.maxBinaryBytes,
  maxNodes: RESULT_BUDGET.maxNodes + 16,
  maxDepth: RESULT_BUDGET.maxDepth + 4,
};

/**
 * The frame's verdict on a message from a runner worker: undefined when it may go to the page, else
 * the learner's message (naming the result's excess when the message is a `done`).
 */
export function runnerMessageBudgetMessage(message: unknown): string | undefined {
  const excess = findBudgetExcess(message, RUNNER_MESSAGE_BUDGET);
  if (!excess) return undefined;
  const outcome = (message as { outcome?: { result?: unknown } } | null)?.outcome;
  const aboutResult = outcome && typeof outcome === 'object' ? resultBudgetMessage(outcome.result) : undefined;
  return aboutResult ?? `The sandbox stopped a message from your run that ${describeExcess(excess)}.`;
}
