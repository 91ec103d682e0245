/** POST /api/rooms/{code}/messages: send a sealed message (device token). Behaviour in lib/room/room-http.ts. */
import { roomRelay } from '@/lib/room/relay-setup';
import { handleSend, withRelay } from '@/lib/room/room-http';

export async function POST(request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await context.params;
  return withRelay(roomRelay, (relay) => handleSend(request, code, relay));
}
