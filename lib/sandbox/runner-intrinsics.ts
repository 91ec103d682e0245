/**
 * The runner's own references to what it uses after learner code has started, taken when this
 * module is evaluated: before the runner receives a request, so before any learner code runs.
 * Learner code shares the runner's global scope and may replace `performance.now`,
 * `structuredClone`, `setTimeout`, `Object.keys` or `JSON.stringify`; the runner then still
 * measures, waits, reads and copies with the originals, and tells the learner what they replaced
 * instead of failing with "protocol error", "time limit" or "sandbox crashed".
 * @module
 */

const performanceObject = globalThis.performance;

/**
 * Originals the runner core, the result inspector and the value formatter call. Web platform
 * functions are bound to their object: browsers refuse `structuredClone` or `now` called on any
 * other `this` ("Illegal invocation"), although Node does not.
 */
export const intrinsics = Object.freeze({
  now: performanceObject.now.bind(performanceObject),
  structuredClone: globalThis.structuredClone.bind(globalThis) as typeof structuredClone,
  setTimeout: globalThis.setTimeout.bind(globalThis) as (callback: () => void, ms: number) => unknown,
  Promise: globalThis.Promise,
  Set: globalThis.Set,
  Map: globalThis.Map,
  objectKeys: Object.keys,
  getPrototypeOf: Object.getPrototypeOf,
  hasOwn: Object.prototype.hasOwnProperty.call.bind(Object.prototype.hasOwnProperty) as (
    object: object,
    key: PropertyKey,
  ) => boolean,
  isArray: Array.isArray,
  isView: ArrayBuffer.isView,
  jsonStringify: JSON.stringify,
  objectPrototype: Object.prototype,
});

/** A global the runner watches: where it lives, and the value it had before learner code ran. */
interface Watched {
  readonly name: string;
  readonly holder: object;
  readonly key: string;
  readonly descriptor: PropertyDescriptor | undefined;
  readonly original: unknown;
}

function watch(name: string, holder: object | undefined, key: string): Watched[] {
  if (!holder) return [];
  // Only the holder's own descriptor: one inherited (performance.now sits on Performance.prototype)
  // is put back by deleting the learner's own property, which uncovers it.
  return [
    {
      name,
      holder,
      key,
      descriptor: Object.getOwnPropertyDescriptor(holder, key),
      original: (holder as Record<string, unknown>)[key],
    },
  ];
}

/** Globals whose replacement the learner is told about (and which are put back after the run). */
const WATCHED: readonly Watched[] = [
  ...watch('performance', globalThis, 'performance'),
  ...watch('performance.now', performanceObject, 'now'),
  ...watch('structuredClone', globalThis, 'structuredClone'),
  ...watch('setTimeout', globalThis, 'setTimeout'),
  ...watch('Promise', globalThis, 'Promise'),
  ...watch('Date.now', Date, 'now'),
  ...watch('JSON.stringify', JSON, 'stringify'),
  ...watch('Object.keys', Object, 'keys'),
  ...watch('Object.getPrototypeOf', Object, 'getPrototypeOf'),
  ...watch('Array.isArray', Array, 'isArray'),
  ...watch('Array.prototype.map', Array.prototype, 'map'),
  ...watch('Array.prototype.slice', Array.prototype, 'slice'),
  ...watch('Array.prototype.join', Array.prototype, 'join'),
  ...watch('Array.prototype.push', Array.prototype, 'push'),
  ...watch('Set', globalThis, 'Set'),
  ...watch('Map', globalThis, 'Map'),
];

function currentValue(w: Watched): unknown {
  try {
    return (w.holder as Record<string, unknown>)[w.key];
  } catch {
    return undefined;
  }
}

/**
 * The watched globals learner code replaced, put back where they can be (so the runner's own
 * formatting and messages work as usual). Returns their names, for a note to the learner.
 */
export function restoreReplacedGlobals(): string[] {
  const replaced: string[] = [];
  for (const w of WATCHED) {
    if (currentValue(w) === w.original) continue;
    replaced.push(w.name);
    try {
      if (w.descriptor) Reflect.defineProperty(w.holder, w.key, w.descriptor);
      else Reflect.deleteProperty(w.holder, w.key);
    } catch {
      // A global the learner made non-configurable stays replaced; the runner uses its own copies anyway.
    }
  }
  return replaced;
}

/** The note for the learner about replaced globals. */
export function replacedGlobalsNote(names: readonly string[]): string {
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `Your code replaced ${list}; the sandbox kept its own ${names.length === 1 ? 'copy' : 'copies'}, so the run was timed and its result sent back as usual.`;
}
