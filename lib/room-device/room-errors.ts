/**
 * Refusals from the relay, read from the contract's error body, with a sentence a person in the
 * room can act on. The relay's own message is kept for the details.
 * @module
 */
import { roomErrorReplySchema, type RoomErrorReply } from '@/lib/room/room-protocol';

type RoomErrorCode = RoomErrorReply['error']['code'];

/** A request the relay refused, or that never reached it (`status` 0). */
export class RoomRequestError extends Error {
  override readonly name = 'RoomRequestError';
  constructor(
    readonly status: number,
    readonly code: RoomErrorCode | 'network',
    /** What to tell the person. */
    readonly userMessage: string,
    /** Seconds to wait, from `Retry-After`, when the relay said. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${status} ${code}: ${userMessage}`);
  }
}

const BY_STATUS: Readonly<Record<number, string>> = {
  400: 'The room refused that request.',
  401: 'This device is no longer in the room (the presenter may have removed it). Join again to take part.',
  403: 'The room refused a request from another site.',
  404: 'There is no room with this code. Check the code on the projector and try again.',
  409: 'The room is full.',
  410: 'This room has closed.',
  413: 'That is too large for the room. Send something shorter.',
  415: 'The room refused that request.',
  429: 'Too many tries in a short time. Wait a few seconds and try again.',
  503: 'The room is not reachable right now. It will try again.',
};

const BY_CODE: Partial<Readonly<Record<RoomErrorCode, string>>> = {
  'room-full': 'The room is full: the presenter has reached the member limit.',
  'room-closed': 'This room has closed.',
};

/** The person-facing sentence for a refusal. */
function describeRoomRefusal(status: number, code: RoomErrorCode | null): string {
  return (code && BY_CODE[code]) ?? BY_STATUS[status] ?? `The room answered with an error (${status}).`;
}

/** Reads a non-2xx response into a {@link RoomRequestError}; a body that is not the contract's is tolerated. */
export async function roomErrorFromResponse(response: Response): Promise<RoomRequestError> {
  let code: RoomErrorCode | null = null;
  let detail = '';
  try {
    const parsed = roomErrorReplySchema.safeParse(JSON.parse(await response.text()));
    if (parsed.success) {
      code = parsed.data.error.code;
      detail = parsed.data.error.message;
    }
  } catch {
    // not JSON: the status alone decides the message
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  const sentence = describeRoomRefusal(response.status, code);
  const userMessage = detail && response.status < 500 && response.status !== 401 ? `${sentence} (${detail})` : sentence;
  return new RoomRequestError(
    response.status,
    code ?? 'bad-request',
    userMessage,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}
