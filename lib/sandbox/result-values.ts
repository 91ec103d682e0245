/**
 * Reading and comparing a run's result on the trusted side. The result arrived by structured clone,
 * so it is plain data, but its shape is the learner's: paths follow own properties only (never
 * `__proto__`, `constructor` or `prototype`), and comparisons look at content, not identity.
 * @module
 */

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** The value at `path` (dotted; own properties and array indices only), or `found: false`. */
export function valueAtPath(root: unknown, path: string): { found: true; value: unknown } | { found: false } {
  let current: unknown = root;
  for (const segment of path.split('.')) {
    if (FORBIDDEN_SEGMENTS.has(segment)) return { found: false };
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment) || Number(segment) >= current.length) return { found: false };
      current = current[Number(segment)];
    } else if (typeof current === 'object' && current !== null && !ArrayBuffer.isView(current)) {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return { found: false };
      current = (current as Record<string, unknown>)[segment];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: current };
}

/** How a path is named in messages: `export \`shared\``, `solve()'s return value`, `\`plaintexts[2]\``. */
export function describePath(path: string): string {
  const [head, ...rest] = path.split('.');
  const tail = rest.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('');
  if (head === 'default') return rest.length ? `\`solve()${tail}\`` : 'the value `solve()` returned';
  return rest.length ? `\`${head}${tail}\`` : `the export \`${head}\``;
}

/** Bytes from a Uint8Array or a hex string (spaces allowed); `null` for anything else. */
export function asBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (typeof value !== 'string') return null;
  const hex = value.replace(/\s/g, '').replace(/^0x/i, '');
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Whether two byte arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether `actual` matches `expected` by content: bytes by their bytes (a hex string is accepted
 * where bytes are expected), arrays item by item, plain objects key by key (same keys), everything
 * else by SameValueZero.
 */
export function valuesMatch(actual: unknown, expected: unknown): boolean {
  if (expected instanceof Uint8Array) {
    const bytes = asBytes(actual);
    return bytes !== null && sameBytes(bytes, expected);
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => valuesMatch(actual[i], item))
    );
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return false;
    const keys = Object.keys(expected);
    const actualKeys = Object.keys(actual);
    return (
      keys.length === actualKeys.length &&
      keys.every((k) => Object.prototype.hasOwnProperty.call(actual, k) && valuesMatch(actual[k], expected[k]))
    );
  }
  return actual === expected || (Number.isNaN(actual) && Number.isNaN(expected));
}

/** A learner-facing name for what kind of value this is. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return `bytes (${value.length})`;
  if (ArrayBuffer.isView(value)) return 'a typed array other than Uint8Array';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  return `a ${typeof value}`;
}
