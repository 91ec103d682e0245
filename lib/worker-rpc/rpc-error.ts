/**
 * Errors that cross a worker boundary. They travel as data, `{ code, message }`, with `code` from
 * one closed set, and the receiving side rebuilds one error class from the code: nothing ever
 * matches an error's `name` or message text (both change with bundlers and rewording).
 * @module
 */
import * as z from 'zod/mini';

/**
 * Every way a call can fail, defined once:
 * - `bad-request`: the host refused the request (envelope or parameters outside the contract);
 * - `protocol`: a reply broke the contract (a result, progress report or envelope that failed its
 *   schema, on either side);
 * - `user-error`: a refusal written for the learner ("Seal the two messages first.");
 * - `cancelled`: the call was cancelled through its AbortSignal;
 * - `world-gone`: the state a call names is no longer held (a disposed world, one from a stopped worker);
 * - `endpoint-closed`: the worker or port stopped before it answered;
 * - `internal`: anything else a handler threw.
 */
export const RPC_ERROR_CODES = [
  'bad-request',
  'protocol',
  'user-error',
  'cancelled',
  'world-gone',
  'endpoint-closed',
  'internal',
] as const;

/** One of {@link RPC_ERROR_CODES}. */
export type RpcErrorCode = (typeof RPC_ERROR_CODES)[number];

/** An error as it crosses the boundary. */
export const rpcErrorDataSchema = z.strictObject({
  code: z.enum(RPC_ERROR_CODES),
  message: z.string().check(z.maxLength(4000)),
});

/** An error as data. */
export type RpcErrorData = z.infer<typeof rpcErrorDataSchema>;

/** A failed call; `code` says which kind of failure, `message` what happened. */
export class RpcError extends Error {
  override readonly name: string = 'RpcError';
  constructor(
    readonly code: RpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The call was cancelled (code `cancelled`). */
export class CancelledError extends RpcError {
  override readonly name: string = 'CancelledError';
  constructor(message = 'cancelled') {
    super('cancelled', message);
  }
}

/** The world (or other held state) a call names is gone (code `world-gone`): generate it again. */
export class WorldGoneError extends RpcError {
  override readonly name: string = 'WorldGoneError';
  constructor(message: string) {
    super('world-gone', message);
  }
}

/** A refusal the learner should read verbatim (code `user-error`). */
export class UserError extends RpcError {
  override readonly name: string = 'UserError';
  constructor(message: string) {
    super('user-error', message);
  }
}

/** Rebuilds the error class for `data.code` on the receiving side. */
export function rpcErrorFromData(data: RpcErrorData): RpcError {
  switch (data.code) {
    case 'cancelled':
      return new CancelledError(data.message);
    case 'world-gone':
      return new WorldGoneError(data.message);
    case 'user-error':
      return new UserError(data.message);
    default:
      return new RpcError(data.code, data.message);
  }
}

/** The data form of any thrown value: an {@link RpcError} keeps its code, anything else is `internal`. */
export function rpcErrorToData(error: unknown): RpcErrorData {
  if (error instanceof RpcError) return { code: error.code, message: error.message.slice(0, 4000) };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: message.slice(0, 4000) };
}

/** The first few schema issues as one line, naming each bad field ("options.seed: Too small"). */
export function describeIssues(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
