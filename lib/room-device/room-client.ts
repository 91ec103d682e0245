/**
 * The browser's requests to the room relay (endpoints in room-protocol.ts). Every reply is checked
 * against the contract before it is used; every refusal becomes a {@link RoomRequestError} with a
 * sentence for the person. Tokens go in the `Authorization` header, never in a URL (the event
 * stream is the one exception the contract makes, because a stream request cannot be given one
 * by every client).
 * @module
 */
import * as z from 'zod/mini';
import {
  controlReplySchema,
  createRoomReplySchema,
  joinRoomReplySchema,
  sendMessageReplySchema,
  type ControlRequest,
  type SealedMessage,
} from '@/lib/room/room-protocol';
import { RoomRequestError, roomErrorFromResponse } from './room-errors';

/** How requests are made: `fetch` in the browser, an in-process fake in tests. */
export type RoomFetch = (path: string, init: RequestInit) => Promise<Response>;

const defaultFetch: RoomFetch = (path, init) => fetch(path, init);

async function post<T>(
  path: string,
  body: unknown,
  reply: z.ZodMiniType<T>,
  token: string | null,
  send: RoomFetch,
): Promise<T> {
  let response: Response;
  try {
    response = await send(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new RoomRequestError(0, 'network', 'The room could not be reached. Check the connection and try again.');
  }
  if (!response.ok) throw await roomErrorFromResponse(response);
  const parsed = reply.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    throw new RoomRequestError(response.status, 'bad-request', 'The room sent a reply this page cannot read.');
  return parsed.data;
}

const roomPath = (code: string, rest: string) => `/api/rooms/${encodeURIComponent(code)}/${rest}`;

/** POST /api/rooms: a new room, its code and the presenter's token. */
export function createRoom(send: RoomFetch = defaultFetch) {
  return post('/api/rooms', {}, createRoomReplySchema, null, send);
}

/** POST /api/rooms/{code}/join with this device's name and public key. */
export function joinRoom(code: string, name: string, publicKey: string, send: RoomFetch = defaultFetch) {
  return post(roomPath(code, 'join'), { name, publicKey }, joinRoomReplySchema, null, send);
}

/** POST /api/rooms/{code}/messages with the device token. */
export function sendRoomMessage(
  code: string,
  deviceToken: string,
  message: SealedMessage,
  send: RoomFetch = defaultFetch,
) {
  return post(roomPath(code, 'messages'), message, sendMessageReplySchema, deviceToken, send);
}

/** POST /api/rooms/{code}/control with the presenter token. */
export function sendRoomControl(
  code: string,
  presenterToken: string,
  control: ControlRequest,
  send: RoomFetch = defaultFetch,
) {
  return post(roomPath(code, 'control'), control, controlReplySchema, presenterToken, send);
}

/**
 * Tells the devices following the presenter which lesson step is on screen. For the presenter
 * window: call it on every step change with the room's code and the presenter token.
 */
export function publishPresenterStep(
  code: string,
  presenterToken: string,
  lesson: string,
  step: string,
  send: RoomFetch = defaultFetch,
) {
  return sendRoomControl(code, presenterToken, { action: 'presenter-step', lesson, step }, send);
}

/** The event stream's path for a token (device or presenter). */
export function roomEventsPath(code: string, token: string): string {
  return `${roomPath(code, 'events')}?token=${encodeURIComponent(token)}`;
}
