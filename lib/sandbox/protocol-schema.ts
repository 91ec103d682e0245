/**
 * zod schemas of the runner's messages, for the host side (page and Node). Written with `zod/mini`
 * (the tree-shakable form of zod 4) so validating the runner costs the page a few kilobytes, and kept
 * apart from protocol.ts so the runner bundle carries no zod at all.
 * @module
 */
import { z } from 'zod/mini';
import { CONSOLE_LEVELS, MAX_LINE_CHARS, type RunnerMessage } from './protocol';

const runId = z.string().check(z.regex(/^[0-9a-f]{8,64}$/));
const lineNumber = z.int().check(z.minimum(1), z.maximum(1_000_000));
const durationMs = z.number().check(z.minimum(0), z.maximum(24 * 3600 * 1000));

const learnerErrorSchema = z.strictObject({
  kind: z.enum([
    'compile',
    'import',
    'runtime',
    'non-error-throw',
    'unhandled-rejection',
    'result',
    'timeout',
    'crashed',
    'stopped',
    'internal',
  ]),
  message: z.string().check(z.maxLength(MAX_LINE_CHARS * 2)),
  line: z.optional(lineNumber),
  column: z.optional(lineNumber),
});

const runOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('ok'), result: z.unknown(), durationMs }),
  z.strictObject({ status: z.literal('error'), error: learnerErrorSchema, durationMs }),
]);

/** zod schema of every runner → page message. */
const runnerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('console'),
    runId,
    level: z.enum(CONSOLE_LEVELS),
    text: z.string().check(z.maxLength(MAX_LINE_CHARS + 64)),
  }),
  z.strictObject({ type: z.literal('output-truncated'), runId }),
  z.strictObject({ type: z.literal('done'), runId, outcome: runOutcomeSchema }),
]);

/**
 * Checks a message that claims to come from the runner. Returns `null` for anything malformed or
 * for another run's message; the caller treats that as a broken runner.
 */
export function parseRunnerMessage(data: unknown, expectedRunId: string): RunnerMessage | null {
  const parsed = runnerMessageSchema.safeParse(data);
  if (!parsed.success || parsed.data.runId !== expectedRunId) return null;
  return parsed.data as RunnerMessage;
}
