/** GET /api/rooms/{code}/events: the room's event stream (SSE). Behaviour in lib/room/room-http.ts. */
import { roomRelay } from '@/lib/room/relay-setup';
import { handleEvents, withRelay } from '@/lib/room/room-http';

export async function GET(request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await context.params;
  return withRelay(roomRelay, (relay) => handleEvents(request, code, relay));
}
