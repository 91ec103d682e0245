/**
 * Request bodies checked against the contract's schemas, and zod's issues worded as one sentence
 * (zod/mini ships no English messages; the contract's own messages are kept where it gives one).
 * @module
 */
import { RoomError } from './room-error';

/** The parts of a zod issue this module reads. */
interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly options?: readonly unknown[];
  readonly keys?: readonly string[];
}

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}

const unit = (origin: string | undefined) =>
  origin === 'string' ? 'characters' : origin === 'array' ? 'entries' : origin === 'number' ? '' : 'items';

function describe(issue: Issue): string {
  const field = issue.path.length === 0 ? 'the body' : `"${issue.path.map(String).join('.')}"`;
  const own = issue.message && issue.message !== 'Invalid input' ? issue.message : null;
  switch (issue.code) {
    case 'invalid_type':
      return `${field} must be ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}`;
    case 'too_small':
      return `${field} ${own ?? `must have at least ${issue.minimum} ${unit(issue.origin)}`.trim()}`;
    case 'too_big':
      return `${field} ${own ?? `must have at most ${issue.maximum} ${unit(issue.origin)}`.trim()}`;
    case 'invalid_union':
      return issue.options ? `${field} must be one of: ${issue.options.join(', ')}` : `${field} has the wrong shape`;
    case 'invalid_value':
      return `${field} must be ${issue.options?.map((option) => JSON.stringify(option)).join(' or ') ?? 'another value'}`;
    case 'unrecognized_keys':
      return `unexpected field ${issue.keys?.map((key) => `"${key}"`).join(', ')}`;
    default:
      return `${field} ${own ?? 'has the wrong format'}`;
  }
}

/** Parses `value` with `schema`, or throws a 400 whose message names every problem found. */
export function parseBody<T>(schema: Schema<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map(describe);
  const more = result.error.issues.length > 5 ? ` (and ${result.error.issues.length - 5} more)` : '';
  throw new RoomError('bad-request', `The ${what} was refused: ${problems.join('; ')}${more}.`);
}
