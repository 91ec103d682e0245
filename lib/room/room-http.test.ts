import { afterEach, describe, expect, it } from 'vitest';
import { bytesToHex } from '../crypto/bytes';
import { csprng } from '../crypto/random';
import { createMemoryRelay, DEFAULT_RELAY_CONFIG, type RelaySetup } from './relay-setup';
import { RoomEventReader } from './room-event-reader';
import { handleControl, handleCreateRoom, handleEvents, handleJoin, handleSend, withRelay } from './room-http';
import { createRoomReplySchema, joinRoomReplySchema, ROOM_LIMITS, roomErrorReplySchema } from './room-protocol';

const ORIGIN = 'http://lab.test';
const setups: RelaySetup[] = [];
afterEach(async () => {
  await Promise.all(setups.splice(0).map((setup) => setup.close()));
});

function relay(config = DEFAULT_RELAY_CONFIG) {
  const setup = createMemoryRelay(config);
  setups.push(setup);
  return setup.relay;
}

interface PostOptions {
  body?: string | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  token?: string;
}

function post(path: string, json: unknown, { body, headers = {}, token }: PostOptions = {}): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    body: body ?? JSON.stringify(json),
    headers: {
      origin: ORIGIN,
      'content-type': 'application/json',
      'sec-fetch-site': 'same-origin',
      'x-forwarded-for': '192.0.2.1',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    // Node's fetch needs duplex for a streamed body (not in every RequestInit typing).
    ...{ duplex: 'half' },
  });
}

async function refusal(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const reply = roomErrorReplySchema.parse(await response.json());
  expect(reply.error.code).toBe(code);
  expect(reply.error.message).not.toMatch(/ at .*\.ts:\d+/); // a sentence, never a stack
  return reply.error.message;
}

const publicKey = () => bytesToHex(csprng().bytes(32));

async function roomWithMember(r = relay()) {
  const created = createRoomReplySchema.parse(await (await handleCreateRoom(post('/api/rooms', {}), r)).json());
  const join = (name: string, address = '192.0.2.1') =>
    handleJoin(
      post(
        `/api/rooms/${created.code}/join`,
        { name, publicKey: publicKey() },
        { headers: { 'x-forwarded-for': address } },
      ),
      created.code,
      r,
    );
  const alice = joinRoomReplySchema.parse(await (await join('Alice')).json());
  const message = {
    to: 'room',
    header: 'aa',
    ciphertext: 'bb',
    recipients: [{ member: alice.member.id, wrappedKey: 'cc' }],
  };
  const send = (token = alice.deviceToken, options: PostOptions = {}) =>
    handleSend(post(`/api/rooms/${created.code}/messages`, message, { token, ...options }), created.code, r);
  return { relay: r, ...created, alice, join, send, message };
}

describe('the live room over HTTP', () => {
  it('creates (201), joins (201), sends (201), controls (200) and streams with the documented headers', async () => {
    const room = await roomWithMember();
    expect(room.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(room.presenterToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const sent = await room.send();
    expect(sent.status).toBe(201);
    expect(await sent.json()).toMatchObject({ eventId: 2 });
    const control = await handleControl(
      post(`/api/rooms/${room.code}/control`, { action: 'set-free-text', on: true }, { token: room.presenterToken }),
      room.code,
      room.relay,
    );
    expect([control.status, await control.json()]).toEqual([200, { ok: true, eventId: 3 }]);
    const controller = new AbortController();
    const events = await handleEvents(
      new Request(`${ORIGIN}/api/rooms/${room.code}/events?token=${room.alice.deviceToken}`, {
        headers: { 'last-event-id': '1' },
        signal: controller.signal,
      }),
      room.code,
      room.relay,
    );
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(events.headers.get('cache-control')).toBe('no-cache, no-transform');
    const reader = new RoomEventReader(events.body!);
    await reader.waitFor((entries) => entries.length === 2, 'the events after id 1');
    expect(reader.entries.map((entry) => [entry.id, entry.event.type])).toEqual([
      [2, 'message'],
      [3, 'free-text'],
    ]);
    controller.abort();
    await reader.closed();
  });

  it('refuses malformed JSON with 400 and a clear message; the room keeps working', async () => {
    const room = await roomWithMember();
    const message = await refusal(
      await room.send(room.alice.deviceToken, { body: '{"to": "room",' }),
      400,
      'bad-request',
    );
    expect(message).toMatch(/^The body is not valid JSON \(/);
    const shapeless = await handleJoin(
      post(`/api/rooms/${room.code}/join`, { name: '', publicKey: 'nope' }),
      room.code,
      room.relay,
    );
    expect(await refusal(shapeless, 400, 'bad-request')).toBe(
      'The join request was refused: "name" a name is needed; "publicKey" must be 32 bytes of lowercase hex.',
    );
    expect((await room.send()).status).toBe(201);
  });

  it('refuses oversize bodies with 413, by Content-Length and by the bytes actually streamed', async () => {
    const room = await roomWithMember();
    const big = 'x'.repeat(ROOM_LIMITS.bodyMaxBytes + 1);
    const declared = await room.send(room.alice.deviceToken, {
      body: big,
      headers: { 'content-length': String(big.length) },
    });
    await refusal(declared, 413, 'too-large');
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(ROOM_LIMITS.bodyMaxBytes / 4));
        controller.close();
      },
    });
    await refusal(await room.send(room.alice.deviceToken, { body: chunks }), 413, 'too-large');
    expect((await room.send()).status).toBe(201);
  });

  it('refuses another Content-Type with 415, and another origin or site with 403', async () => {
    const room = await roomWithMember();
    await refusal(
      await room.send(room.alice.deviceToken, { headers: { 'content-type': 'text/plain' } }),
      415,
      'unsupported-media-type',
    );
    const foreign = await refusal(
      await room.send(room.alice.deviceToken, { headers: { origin: 'http://evil.test' } }),
      403,
      'forbidden-origin',
    );
    expect(foreign).toBe('Only pages of this site may post here (Origin: http://evil.test).');
    await refusal(await room.send(room.alice.deviceToken, { headers: { origin: '' } }), 403, 'forbidden-origin');
    await refusal(
      await room.send(room.alice.deviceToken, { headers: { 'sec-fetch-site': 'cross-site' } }),
      403,
      'forbidden-origin',
    );
    expect((await room.send()).status).toBe(201);
  });

  it('refuses wrong tokens with 401 on send, control and events', async () => {
    const room = await roomWithMember();
    await refusal(await room.send('A'.repeat(22)), 401, 'unauthorised');
    await refusal(await room.send(''), 401, 'unauthorised');
    const asDevice = await handleControl(
      post(`/api/rooms/${room.code}/control`, { action: 'close' }, { token: room.alice.deviceToken }),
      room.code,
      room.relay,
    );
    expect(await refusal(asDevice, 401, 'unauthorised')).toBe('Only the presenter can do this: wrong token.');
    const events = await handleEvents(
      new Request(`${ORIGIN}/api/rooms/${room.code}/events?token=wrong`),
      room.code,
      room.relay,
    );
    await refusal(events, 401, 'unauthorised');
    expect((await room.send()).status).toBe(201);
  });

  it('answers 410 for a closed room and 404 for an unknown one', async () => {
    const room = await roomWithMember();
    await handleControl(
      post(`/api/rooms/${room.code}/control`, { action: 'close' }, { token: room.presenterToken }),
      room.code,
      room.relay,
    );
    expect(await refusal(await room.send(), 410, 'room-closed')).toBe('The presenter has closed this room.');
    await refusal(
      await handleEvents(
        new Request(`${ORIGIN}/api/rooms/${room.code}/events?token=${room.alice.deviceToken}`),
        room.code,
        room.relay,
      ),
      410,
      'room-closed',
    );
    await refusal(
      await handleEvents(new Request(`${ORIGIN}/api/rooms/QQQQQQ/events?token=x`), 'QQQQQQ', room.relay),
      404,
      'not-found',
    );
  });

  it('refuses a join flood with 429 and Retry-After, while other addresses still join and send', async () => {
    const config = {
      ...DEFAULT_RELAY_CONFIG,
      rates: { ...DEFAULT_RELAY_CONFIG.rates, joinPerAddress: { limit: 5, windowMs: 60_000 } },
    };
    const room = await roomWithMember(relay(config));
    for (let i = 0; i < 4; i++) expect((await room.join(`Bot ${i}`)).status).toBe(201);
    const flooded = await room.join('Bot 5');
    await refusal(flooded, 429, 'rate-limited');
    expect(Number(flooded.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await room.join('Carol', '198.51.100.7')).status).toBe(201);
    expect((await room.send()).status).toBe(201);
  });

  it('refuses a send flood from one device with 429', async () => {
    const room = await roomWithMember();
    const statuses = [];
    for (let i = 0; i < DEFAULT_RELAY_CONFIG.rates.sendPerDevice.limit + 2; i++)
      statuses.push((await room.send()).status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(DEFAULT_RELAY_CONFIG.rates.sendPerDevice.limit);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });

  it('answers 503 when the relay cannot start (Redis unreachable)', async () => {
    const response = await withRelay(
      () => Promise.reject(new Error('ECONNREFUSED')),
      () => Promise.resolve(new Response('unreached')),
    );
    await refusal(response, 503, 'unavailable');
  });
});
