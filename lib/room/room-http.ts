/**
 * The HTTP edge of the live room, framework-free (Request in, Response out) so route handlers stay
 * one line and tests call these directly. Every POST is checked in this order: Origin (403),
 * Content-Type (415), size by Content-Length and by a streamed count (413), JSON text parsed in a
 * try (400); then the relay checks the body against the contract. Refusals are the contract's
 * `{ error: { code, message } }`; an unexpected failure is logged and answered 503 without a stack.
 * See shared/research/platform-pitfalls.md §8 for why each check exists.
 * @module
 */
import { RoomError } from './room-error';
import { ROOM_LIMITS } from './room-protocol';
import type { RoomRelay } from './room-relay';

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
/** no-transform keeps Next's compression off the stream (it would gzip and flush per event). */
const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

function errorResponse(error: unknown): Response {
  if (error instanceof RoomError) {
    const retry: Record<string, string> = error.retryAfterSeconds
      ? { 'Retry-After': String(error.retryAfterSeconds) }
      : {};
    return json(error.status, error.toReply(), retry);
  }
  console.error('room relay: unexpected failure', error);
  return json(503, { error: { code: 'unavailable', message: 'The room service failed; try again in a moment.' } });
}

async function answer(status: number, work: () => Promise<unknown>): Promise<Response> {
  try {
    return json(status, await work());
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * CSRF: a browser always sends Origin on a cross-site POST, and cannot forge it. The request's own
 * host is its Host header (or X-Forwarded-Host behind a proxy; a cross-site page cannot set either).
 */
function checkOrigin(request: Request): void {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    throw new RoomError('forbidden-origin', `Requests from another site are refused (Sec-Fetch-Site: ${site}).`);
  }
  const origin = request.headers.get('origin');
  const hosts = [request.headers.get('x-forwarded-host'), request.headers.get('host'), new URL(request.url).host];
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    // An unparsable Origin is refused below like a foreign one.
  }
  if (!originHost || !hosts.includes(originHost)) {
    throw new RoomError('forbidden-origin', `Only pages of this site may post here (Origin: ${origin ?? 'none'}).`);
  }
}

async function readCappedText(request: Request, maxBytes: number): Promise<string> {
  const tooLarge = () => new RoomError('too-large', `The body is larger than ${maxBytes / 1024} KiB.`);
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) bytes.set(chunk, (offset += chunk.byteLength) - chunk.byteLength);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RoomError('bad-request', 'The body is not valid UTF-8 text.');
  }
}

/** The checked JSON body of a POST (`emptyAs` when the body is empty and that is allowed). */
async function readJsonBody(request: Request, emptyAs?: unknown): Promise<unknown> {
  checkOrigin(request);
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new RoomError(
      'unsupported-media-type',
      `The body must be JSON (Content-Type: application/json), not "${type}".`,
    );
  }
  const text = await readCappedText(request, ROOM_LIMITS.bodyMaxBytes);
  if (text.trim() === '' && emptyAs !== undefined) return emptyAs;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RoomError('bad-request', `The body is not valid JSON (${(error as Error).message}).`);
  }
}

/** `Authorization: Bearer <token>`, or null. */
function bearer(request: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  return match ? match[1]! : null;
}

/**
 * The client's address for per-address limits: the last X-Forwarded-For entry, which `next start`
 * fills from the socket when the client sent none, and which a proxy in front appends. (A client
 * talking to `next start` directly can send its own, so the global unknown-code limit backs this up.)
 */
function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for');
  return forwarded?.split(',').at(-1)?.trim() || 'unknown';
}

/** POST /api/rooms → 201 CreateRoomReply. */
export async function handleCreateRoom(request: Request, relay: RoomRelay): Promise<Response> {
  return answer(201, async () => relay.createRoom(await readJsonBody(request, {}), clientAddress(request)));
}

/** POST /api/rooms/{code}/join → 201 JoinRoomReply. */
export async function handleJoin(request: Request, code: string, relay: RoomRelay): Promise<Response> {
  return answer(201, async () => relay.join(code, await readJsonBody(request), clientAddress(request)));
}

/** POST /api/rooms/{code}/messages (Authorization: Bearer device token) → 201 SendMessageReply. */
export async function handleSend(request: Request, code: string, relay: RoomRelay): Promise<Response> {
  return answer(201, async () => relay.send(code, bearer(request), await readJsonBody(request)));
}

/** POST /api/rooms/{code}/control (Authorization: Bearer presenter token) → 200 `{ ok: true, eventId }`. */
export async function handleControl(request: Request, code: string, relay: RoomRelay): Promise<Response> {
  return answer(200, async () => relay.control(code, bearer(request), await readJsonBody(request)));
}

function lastEventIdOf(request: Request, url: URL): number {
  const raw = request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId') ?? '0';
  if (!/^\d{1,15}$/.test(raw)) throw new RoomError('bad-request', `Last-Event-ID must be an event id, not "${raw}".`);
  return Number(raw);
}

/**
 * GET /api/rooms/{code}/events?token=… (EventSource cannot send headers; Authorization: Bearer also
 * works) → 200 text/event-stream, resuming after Last-Event-ID (header) or `lastEventId` (query).
 */
export async function handleEvents(request: Request, code: string, relay: RoomRelay): Promise<Response> {
  try {
    const url = new URL(request.url);
    const token = url.searchParams.get('token') ?? bearer(request);
    const stream = await relay.openEvents(code, token, lastEventIdOf(request, url), request.signal);
    return new Response(stream, { status: 200, headers: SSE_HEADERS });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Runs `handler` with the process's relay; a relay that cannot start (Redis unreachable) is a 503. */
export async function withRelay(
  relay: () => Promise<RoomRelay>,
  handler: (relay: RoomRelay) => Promise<Response>,
): Promise<Response> {
  let ready: RoomRelay;
  try {
    ready = await relay();
  } catch (error) {
    console.error('room relay: could not start', error);
    return errorResponse(new RoomError('unavailable', 'The room service is not reachable; try again shortly.', 2));
  }
  return handler(ready);
}
