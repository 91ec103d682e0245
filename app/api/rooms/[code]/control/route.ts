/** POST /api/rooms/{code}/control: a presenter action (presenter token). Behaviour in lib/room/room-http.ts. */
import { roomRelay } from '@/lib/room/relay-setup';
import { handleControl, withRelay } from '@/lib/room/room-http';

export async function POST(request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await context.params;
  return withRelay(roomRelay, (relay) => handleControl(request, code, relay));
}
