import { describe, expect, it } from 'vitest';
import { eventually, FakeRoomRelay } from './fake-room-relay.test-helper';
import { joinRoom, publishPresenterStep, roomEventsPath, sendRoomMessage, type RoomFetch } from './room-client';
import { RoomRequestError } from './room-errors';
import { connectRoomStream } from './room-event-stream';

const refusing =
  (status: number, code: string, message: string, headers: Record<string, string> = {}): RoomFetch =>
  async () =>
    new Response(JSON.stringify({ error: { code, message } }), { status, headers });

describe('room client', () => {
  it('publishes the presenter step with the presenter token, and phones receive it', async () => {
    const relay = new FakeRoomRelay();
    const seen: unknown[] = [];
    const stream = connectRoomStream({
      path: roomEventsPath(relay.code, relay.presenterToken),
      fetch: relay.fetch,
      onEntry: (e) => seen.push(e.event),
      onStatus: () => undefined,
    });
    await publishPresenterStep(relay.code, relay.presenterToken, 'escrow-switch', 'leak', relay.fetch);
    await eventually(() => expect(seen).toEqual([{ type: 'presenter-step', lesson: 'escrow-switch', step: 'leak' }]));
    stream.close();
    await expect(publishPresenterStep(relay.code, 'wrong', 'a', 'b', relay.fetch)).rejects.toMatchObject({
      status: 401,
    });
  });

  it('turns 404, 410, 413 and 429 into sentences a person can act on', async () => {
    const cases: [number, string, RegExp][] = [
      [404, 'not-found', /There is no room with this code/],
      [410, 'room-closed', /This room has closed/],
      [413, 'too-large', /too large for the room/],
      [429, 'rate-limited', /Wait a few seconds/],
    ];
    for (const [status, code, sentence] of cases) {
      const error = await joinRoom('ABC234', 'Ada', 'ab'.repeat(32), refusing(status, code, 'details')).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RoomRequestError);
      expect((error as RoomRequestError).userMessage).toMatch(sentence);
    }
    const limited = await sendRoomMessage(
      'ABC234',
      'token',
      { to: 'room', header: '', ciphertext: '', recipients: [] },
      refusing(429, 'rate-limited', 'slow down', { 'Retry-After': '3' }),
    ).then(
      () => null,
      (e: unknown) => e as RoomRequestError,
    );
    expect(limited?.retryAfterSeconds).toBe(3);
    const offline = await joinRoom('ABC234', 'Ada', 'ab'.repeat(32), () => Promise.reject(new TypeError('down'))).then(
      () => null,
      (e: unknown) => e as RoomRequestError,
    );
    expect(offline?.code).toBe('network');
  });
});
