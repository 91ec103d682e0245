/**
 * A TypeScript declaration of the lesson context, derived from the context value itself, so the
 * editor completes `lesson.bob.publicKey` and flags `lesson.bob.pubKey` without each lesson
 * writing types by hand. The value is data (what the runner receives), so its shape is its type.
 * @module
 */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function typeOf(value: unknown, indent: string, depth: number): string {
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return 'Uint8Array';
  if (ArrayBuffer.isView(value)) return (value.constructor as { name?: string }).name ?? 'ArrayBufferView';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'undefined':
      return typeof value;
    case 'object':
      break;
    default:
      return 'unknown';
  }
  if (depth > 8) return 'unknown';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'readonly unknown[]';
    const types = [...new Set(value.slice(0, 20).map((item) => typeOf(item, indent, depth + 1)))];
    const item = types.length === 1 ? types[0]! : `(${types.join(' | ')})`;
    return `readonly ${item}[]`;
  }
  if (value instanceof Map) return 'ReadonlyMap<unknown, unknown>';
  if (value instanceof Set) return 'ReadonlySet<unknown>';
  const inner = `${indent}  `;
  const fields = Object.keys(value as object).map((key) => {
    const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
    return `${inner}readonly ${name}: ${typeOf((value as Record<string, unknown>)[key], inner, depth + 1)};`;
  });
  return fields.length ? `{\n${fields.join('\n')}\n${indent}}` : '{}';
}

/** Declarations for `lesson` and its type `LessonContext`, for Monaco's addExtraLib. */
export function lessonContextDeclaration(context: unknown): string {
  return [
    '/** The lesson context: data this exercise gives your code. Read-only. */',
    `type LessonContext = ${typeOf(context, '', 0)};`,
    '/** The lesson context (also passed to `export default function solve(lesson)`). */',
    'declare const lesson: LessonContext;',
    '',
  ].join('\n');
}
