/**
 * Turns what learner code passes to `console.log` into one line of text, in the spirit of Node's
 * util.inspect but small: bytes print as hex (the form every lesson shows), depth and length are
 * capped, cycles are marked. Runs inside the runner, on learner values, so it never calls learner
 * code on purpose (no toString/toJSON); getters it touches run under the same time limit. It
 * quotes and lists with the runner's own JSON.stringify and Object.keys (runner-intrinsics.ts).
 * @module
 */
import { intrinsics } from './runner-intrinsics';

const MAX_DEPTH = 4;
const MAX_ITEMS = 50;
const MAX_BYTES_SHOWN = 256;

function formatBytes(bytes: Uint8Array): string {
  const shown = bytes.subarray(0, MAX_BYTES_SHOWN);
  let hex = '';
  for (const b of shown) hex += b.toString(16).padStart(2, '0');
  const more = bytes.length > MAX_BYTES_SHOWN ? `… (${bytes.length - MAX_BYTES_SHOWN} more bytes)` : '';
  return `Uint8Array(${bytes.length}) ${hex}${more}`;
}

function formatInner(value: unknown, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return depth === 0 ? value : intrinsics.jsonStringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function${value.name ? `: ${value.name}` : ''}]`;
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (obj instanceof Uint8Array) return formatBytes(obj);
  if (ArrayBuffer.isView(obj)) return `${obj.constructor?.name ?? 'TypedArray'}(${obj.byteLength} bytes)`;
  if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (seen.has(obj)) return '[Circular]';
  if (depth >= MAX_DEPTH) return Array.isArray(obj) ? '[Array]' : '[Object]';
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      const items = obj.slice(0, MAX_ITEMS).map((v) => formatInner(v, depth + 1, seen));
      if (obj.length > MAX_ITEMS) items.push(`… ${obj.length - MAX_ITEMS} more`);
      return `[ ${items.join(', ')} ]`;
    }
    if (obj instanceof Map) {
      const items = [...obj]
        .slice(0, MAX_ITEMS)
        .map(([k, v]) => `${formatInner(k, depth + 1, seen)} => ${formatInner(v, depth + 1, seen)}`);
      return `Map(${obj.size}) { ${items.join(', ')} }`;
    }
    if (obj instanceof Set) {
      const items = [...obj].slice(0, MAX_ITEMS).map((v) => formatInner(v, depth + 1, seen));
      return `Set(${obj.size}) { ${items.join(', ')} }`;
    }
    if (obj instanceof Promise) return 'Promise { … }';
    const keys = intrinsics.objectKeys(obj);
    const items = keys.slice(0, MAX_ITEMS).map((k) => {
      const name = /^[A-Za-z_$][\w$]*$/.test(k) ? k : intrinsics.jsonStringify(k);
      return `${name}: ${formatInner((obj as Record<string, unknown>)[k], depth + 1, seen)}`;
    });
    if (keys.length > MAX_ITEMS) items.push(`… ${keys.length - MAX_ITEMS} more`);
    return items.length ? `{ ${items.join(', ')} }` : '{}';
  } finally {
    seen.delete(obj);
  }
}

/** One value as text: strings as they are at top level, quoted inside structures. */
export function formatValue(value: unknown): string {
  try {
    return formatInner(value, 0, new Set());
  } catch (error) {
    return `[value could not be shown: ${error instanceof Error ? error.message : 'unknown error'}]`;
  }
}

/** A console call's arguments as one line, separated by spaces like browsers and Node do. */
export function formatConsoleArgs(args: readonly unknown[]): string {
  return args.map(formatValue).join(' ');
}
