/**
 * zod schemas of the runner's messages, for the host side (page and Node). Kept apart from
 * protocol.ts so the runner bundle does not carry zod.
 * @module
 */
import { z } from 'zod';
import { CONSOLE_LEVELS, MAX_LINE_CHARS, type RunnerMessage } from './protocol';

const runId = z.string().regex(/^[0-9a-f]{8,64}$/);
const lineNumber = z.number().int().min(1).max(1_000_000);
const durationMs = z.number().min(0).max(24 * 3600 * 1000);

const learnerErrorSchema = z.strictObject({
  kind: z.enum(['compile', 'import', 'runtime', 'non-error-throw', 'unhandled-rejection', 'result', 'timeout', 'crashed', 'stopped', 'internal']),
  message: z.string().max(MAX_LINE_CHARS * 2),
  line: lineNumber.optional(),
  column: lineNumber.optional(),
});

const runOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('ok'), result: z.unknown(), durationMs }),
  z.strictObject({ status: z.literal('error'), error: learnerErrorSchema, durationMs }),
]);

/** zod schema of every runner → page message. */
export const runnerMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('console'), runId, level: z.enum(CONSOLE_LEVELS), text: z.string().max(MAX_LINE_CHARS + 64) }),
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
