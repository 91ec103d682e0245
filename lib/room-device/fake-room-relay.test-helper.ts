/**
 * A test double of the room relay, in process: the contract's endpoints (room-protocol.ts) over a
 * `RoomFetch`, with an event log, `Last-Event-ID` resume and streams the test can cut. It checks
 * every body with the contract's schemas and answers refusals with the contract's error body. It
 * is not the relay (that is room-server's), and it never ships: tests only.
 */
import {
  controlRequestSchema,
  joinRoomRequestSchema,
  sendMessageRequestSchema,
  type RoomEvent,
  type RoomLogEntry,
  type RoomMember,
} from '@/lib/room/room-protocol';
import type { RoomFetch } from './room-client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refuse = (status: number, code: string, message: string) => json(status, { error: { code, message } });

let counter = 0;
const newId = () => `id${String(++counter).padStart(20, '0')}`;

interface Stream {
  controller: ReadableStreamDefaultController<Uint8Array>;
}

/** An in-process relay for one room, with hooks to break it. */
export class FakeRoomRelay {
  readonly code = 'ABC234';
  readonly presenterToken = 'presenter-token';
  readonly log: RoomLogEntry[] = [];
  readonly members = new Map<string, { member: RoomMember; token: string }>();
  /** Every body the relay received, as text (to search for plaintexts). */
  readonly received: string[] = [];
  private streams = new Set<Stream>();
  /** Statuses to answer the next stream requests with, one each (e.g. 503, then 429). */
  failNextStreams: number[] = [];
  /** The Last-Event-ID of each stream request. */
  readonly streamRequests: (string | null)[] = [];
  closed = false;

  private append(event: RoomEvent): number {
    const entry = { id: this.log.length + 1, event };
    this.log.push(entry);
    const frame = new TextEncoder().encode(`id: ${entry.id}\nevent: room\ndata: ${JSON.stringify(event)}\n\n`);
    for (const s of this.streams) s.controller.enqueue(frame);
    return entry.id;
  }

  /** Ends every open stream, as a dropped connection would. */
  dropStreams(): void {
    for (const s of this.streams) s.controller.close();
    this.streams.clear();
  }

  readonly fetch: RoomFetch = async (path, init) => {
    const url = new URL(path, 'http://relay.test');
    const parts = url.pathname.split('/').filter(Boolean); // api rooms CODE action
    const auth = new Headers(init.headers).get('authorization')?.replace(/^Bearer /, '') ?? null;
    if (init.method === 'POST') this.received.push(String(init.body));
    if (url.pathname === '/api/rooms')
      return json(200, { code: this.code, presenterToken: this.presenterToken, expiresAt: 1 });
    if (parts[2] !== this.code) return refuse(404, 'not-found', `no room ${parts[2]}`);
    if (this.closed) return refuse(410, 'room-closed', 'the room is closed');
    const body = () => JSON.parse(String(init.body)) as unknown;
    switch (parts[3]) {
      case 'join': {
        const parsed = joinRoomRequestSchema.safeParse(body());
        if (!parsed.success) return refuse(400, 'bad-request', 'bad join');
        const member = { id: newId(), name: parsed.data.name, publicKey: parsed.data.publicKey, joinedAt: Date.now() };
        const token = `device-${member.id}`;
        this.members.set(member.id, { member, token });
        this.append({ type: 'member-joined', member });
        return json(200, { member, deviceToken: token });
      }
      case 'messages': {
        const from = [...this.members.values()].find((m) => m.token === auth);
        if (!from) return refuse(401, 'unauthorised', 'unknown device');
        const parsed = sendMessageRequestSchema.safeParse(body());
        if (!parsed.success) return refuse(400, 'bad-request', 'bad message');
        const messageId = newId();
        const eventId = this.append({
          type: 'message',
          messageId,
          from: from.member.id,
          sentAt: Date.now(),
          message: parsed.data,
        });
        return json(200, { messageId, eventId });
      }
      case 'control': {
        if (auth !== this.presenterToken) return refuse(401, 'unauthorised', 'not the presenter');
        const parsed = controlRequestSchema.safeParse(body());
        if (!parsed.success) return refuse(400, 'bad-request', 'bad control');
        const c = parsed.data;
        const event: RoomEvent =
          c.action === 'escrow-on'
            ? { type: 'escrow', publicKey: c.publicKey }
            : c.action === 'escrow-off'
              ? { type: 'escrow', publicKey: null }
              : c.action === 'escrow-leaked'
                ? { type: 'escrow-leaked', at: Date.now() }
                : c.action === 'set-free-text'
                  ? { type: 'free-text', on: c.on }
                  : c.action === 'remove-member'
                    ? { type: 'member-removed', memberId: c.memberId }
                    : c.action === 'remove-message'
                      ? { type: 'message-removed', messageId: c.messageId }
                      : c.action === 'presenter-step'
                        ? { type: 'presenter-step', lesson: c.lesson, step: c.step }
                        : { type: 'room-closed', reason: 'closed' };
        if (c.action === 'remove-member') this.members.delete(c.memberId);
        const eventId = this.append(event);
        if (c.action === 'close') {
          this.closed = true;
          this.dropStreams();
        }
        return json(200, { ok: true, eventId });
      }
      case 'events': {
        const token = url.searchParams.get('token');
        const known = token === this.presenterToken || [...this.members.values()].some((m) => m.token === token);
        if (!known) return refuse(401, 'unauthorised', 'unknown token');
        const lastId = new Headers(init.headers).get('last-event-id');
        this.streamRequests.push(lastId);
        const fail = this.failNextStreams.shift();
        if (fail) return refuse(fail, fail === 429 ? 'rate-limited' : 'unavailable', 'try later');
        const after = Number(lastId ?? 0);
        let stream!: Stream;
        const body = new ReadableStream<Uint8Array>({
          start: (controller) => {
            stream = { controller };
            for (const e of this.log.filter((x) => x.id > after))
              controller.enqueue(
                new TextEncoder().encode(`id: ${e.id}\nevent: room\ndata: ${JSON.stringify(e.event)}\n\n`),
              );
          },
          cancel: () => void this.streams.delete(stream),
        });
        this.streams.add(stream);
        init.signal?.addEventListener('abort', () => {
          this.streams.delete(stream);
        });
        return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
      }
      default:
        return refuse(404, 'not-found', 'no such endpoint');
    }
  };
}

/** Waits until `check` passes (the stream delivers on later ticks). */
export async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() - start > timeoutMs) throw e;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}
