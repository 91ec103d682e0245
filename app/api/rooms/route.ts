/** POST /api/rooms: create a room (lib/room/room-http.ts has the behaviour). */
import { roomRelay } from '@/lib/room/relay-setup';
import { handleCreateRoom, withRelay } from '@/lib/room/room-http';

export async function POST(request: Request): Promise<Response> {
  return withRelay(roomRelay, (relay) => handleCreateRoom(request, relay));
}
