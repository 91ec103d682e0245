/**
 * The one error the relay throws: an HTTP status and a contract error code (`roomErrorCodes` in
 * room-protocol.ts) with a sentence a person can act on. The HTTP edge turns it into
 * `{ error: { code, message } }`; anything else that escapes becomes a 500 without a stack.
 * @module
 */
import type { RoomErrorReply } from './room-protocol';

export type RoomErrorCode = RoomErrorReply['error']['code'];

const STATUS: Readonly<Record<RoomErrorCode, number>> = {
  'bad-request': 400,
  unauthorised: 401,
  'forbidden-origin': 403,
  'not-found': 404,
  'room-full': 409,
  'room-closed': 410,
  'too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  unavailable: 503,
};

export class RoomError extends Error {
  readonly status: number;
  constructor(
    readonly code: RoomErrorCode,
    message: string,
    /** Seconds a client should wait (429, 503), sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'RoomError';
    this.status = STATUS[code];
  }

  toReply(): RoomErrorReply {
    return { error: { code: this.code, message: this.message } };
  }
}
