/** POST /api/rooms/{code}/join: join a room with a display name and a public key. Behaviour in lib/room/room-http.ts. */
import { roomRelay } from '@/lib/room/relay-setup';
import { handleJoin, withRelay } from '@/lib/room/room-http';

export async function POST(request: Request, context: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await context.params;
  return withRelay(roomRelay, (relay) => handleJoin(request, code, relay));
}
