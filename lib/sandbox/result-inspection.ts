/**
 * Names what in a run's result cannot leave the sandbox as data, before the runner tries to copy
 * it: a function, a symbol, a promise, a WebAssembly module, a weak collection, an instance of a
 * class (it would arrive as a plain object without its methods), something the sandbox cannot read
 * (a Proxy). (How much a result may hold is value-budget.ts's rule, checked before this.) Without
 * it these surface as a copy error naming
 * nothing, or, past the worker, as a protocol error or a run that never ends. Runs in the runner on
 * learner values, with the runner's own intrinsics (runner-intrinsics.ts).
 * @module
 */
import { intrinsics } from './runner-intrinsics';

/** Objects the structured clone algorithm copies as they are, without looking inside for us. */
const LEAF_CLASSES: readonly unknown[] = [Date, RegExp, Error, ArrayBuffer, Boolean, Number, String, BigInt];
const SHARED_BUFFER = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : undefined;
// Read through globalThis: lib/ is type-checked without the DOM library, whose types declare WebAssembly's classes.
const WASM = (globalThis as { WebAssembly?: Record<string, unknown> }).WebAssembly;
const WEBASSEMBLY: readonly [string, unknown][] = WASM
  ? (['Module', 'Instance', 'Memory', 'Table', 'Global'] as const).map((name): [string, unknown] => [
      `WebAssembly.${name}`,
      WASM[name],
    ])
  : [];
const WEAK: readonly [string, unknown][] = [
  ['WeakMap', WeakMap],
  ['WeakSet', WeakSet],
  ...(typeof WeakRef === 'function' ? [['WeakRef', WeakRef] as [string, unknown]] : []),
];
const PROMISE = intrinsics.Promise;

function isInstance(value: object, constructor: unknown): boolean {
  try {
    return typeof constructor === 'function' && value instanceof constructor;
  } catch {
    return false;
  }
}

function className(prototype: object): string | undefined {
  try {
    const ctor = (prototype as { constructor?: unknown }).constructor;
    const name = typeof ctor === 'function' ? ctor.name : undefined;
    return typeof name === 'string' && name !== '' ? name.slice(0, 60) : undefined;
  } catch {
    return undefined;
  }
}

type Found = { readonly what: string; readonly at: string };

/** What is wrong with one object (not its contents), or undefined; `children` receives what to visit next. */
function inspectObject(value: object, at: string, children: (value: unknown, at: string) => void): string | undefined {
  for (const [name, ctor] of WEBASSEMBLY)
    if (isInstance(value, ctor)) return `a ${name}, which cannot leave the sandbox`;
  for (const [name, ctor] of WEAK) if (isInstance(value, ctor)) return `a ${name}, which cannot be copied`;
  if (isInstance(value, PROMISE)) return 'a promise (did you forget `await`?)';
  if (intrinsics.isView(value) || isInstance(value, SHARED_BUFFER) || LEAF_CLASSES.some((c) => isInstance(value, c)))
    return undefined;
  let prototype: unknown;
  let keys: string[];
  try {
    prototype = intrinsics.getPrototypeOf(value);
    if (intrinsics.isArray(value)) {
      const length = (value as unknown[]).length;
      for (let i = 0; i < length; i++) children((value as unknown[])[i], `${at}[${i}]`);
      return undefined;
    }
    if (isInstance(value, intrinsics.Map)) {
      for (const [k, v] of value as Map<unknown, unknown>) {
        children(k, `${at} (a key)`);
        children(v, `${at} (a value)`);
      }
      return undefined;
    }
    if (isInstance(value, intrinsics.Set)) {
      for (const v of value as Set<unknown>) children(v, `${at} (an item)`);
      return undefined;
    }
    keys = intrinsics.objectKeys(value);
  } catch {
    return 'an object the sandbox cannot read (a Proxy, or a getter that throws)';
  }
  if (prototype !== intrinsics.objectPrototype && prototype !== null) {
    const name = typeof prototype === 'object' ? className(prototype) : undefined;
    return name
      ? `an instance of the class \`${name}\`, which would arrive as a plain object without its methods: return a plain object { ... } instead`
      : 'an object with a custom prototype, which would arrive as a plain object: return a plain object { ... } instead';
  }
  for (const key of keys) {
    let child: unknown;
    try {
      child = (value as Record<string, unknown>)[key];
    } catch {
      return `an object whose field \`${key.slice(0, 60)}\` throws when read`;
    }
    children(child, `${at}.${key.slice(0, 60)}`);
  }
  return undefined;
}

/** The first value in `root` that cannot leave the sandbox, and where it is (`.items[3]`), or undefined. */
export function findUnsendable(root: unknown): Found | undefined {
  const stack: { value: unknown; at: string }[] = [{ value: root, at: '' }];
  const seen = new intrinsics.Set<object>();
  const push = (value: unknown, at: string) => {
    stack[stack.length] = { value, at };
  };
  while (stack.length > 0) {
    const { value, at } = stack[stack.length - 1]!;
    stack.length -= 1;
    if (typeof value === 'function') {
      const name = (() => {
        try {
          return typeof value.name === 'string' && value.name !== '' ? ` (\`${value.name.slice(0, 60)}\`)` : '';
        } catch {
          return '';
        }
      })();
      return { what: `a function${name}, which cannot leave the sandbox: export what it returns instead`, at };
    }
    if (typeof value === 'symbol') return { what: 'a symbol, which cannot be copied', at };
    if (typeof value !== 'object' || value === null) continue;
    if (seen.has(value)) continue;
    seen.add(value);
    const problem = inspectObject(value, at, push);
    if (problem) return { what: problem, at };
  }
  return undefined;
}
