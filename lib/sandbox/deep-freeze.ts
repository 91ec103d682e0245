/**
 * Deep freeze for the lesson context handed to learner code. Typed arrays cannot be frozen (the
 * engine refuses: their elements live in a buffer), so byte values stay writable; each run gets its
 * own copy of the context, so a learner who overwrites a key only breaks their own run.
 * @module
 */

/** Freezes `value` and every plain object and array inside it; returns `value`. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null || seen.has(item)) continue;
    seen.add(item);
    if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer) continue;
    if (item instanceof Map || item instanceof Set) {
      for (const entry of item instanceof Map ? [...item.keys(), ...item.values()] : [...item]) stack.push(entry);
    } else {
      for (const key of Reflect.ownKeys(item)) {
        const descriptor = Object.getOwnPropertyDescriptor(item, key);
        if (descriptor && 'value' in descriptor) stack.push(descriptor.value);
      }
    }
    Object.freeze(item);
  }
  return value;
}
