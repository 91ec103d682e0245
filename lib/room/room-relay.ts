/**
 * The live room's relay: rooms, members, sealed messages and presenter controls, over any
 * RoomStore. It checks every body against the contract (room-protocol.ts), every token against its
 * stored digest, and every rate limit, then makes one atomic `apply` per change. It never sees a
 * plaintext or a secret key: messages arrive sealed and are stored and forwarded as they came.
 *
 * The free-text switch is announced to devices, which enforce it: the relay cannot tell a preset
 * message from free text, because it cannot read either.
 * @module
 */
import type { RateLimiter } from './rate-limiter';
import { RoomError } from './room-error';
import type { RoomFanout } from './room-fanout';
import {
  controlRequestSchema,
  createRoomRequestSchema,
  joinCodeSchema,
  joinRoomRequestSchema,
  sendMessageRequestSchema,
  type RoomEvent,
} from './room-protocol';
import type { ApplyResult, RoomChange, RoomStore, StoredRoom } from './room-store';
import { hashToken, newId, newJoinCode, newToken, tokenMatches } from './room-tokens';
import { parseBody } from './room-validation';

export interface RelayLimits {
  readonly memberCap: number;
  readonly inactivityMs: number;
}

/** The relay's rate limiters; keys are client addresses, device ids, or '*' for the global one. */
export interface RelayLimiters {
  readonly createPerAddress: RateLimiter;
  readonly joinPerAddress: RateLimiter;
  /** Joins with an unknown code, per address: what walking the code space costs. */
  readonly joinMissesPerAddress: RateLimiter;
  /** Unknown-code joins from all addresses together: a walker spreading over forged addresses still meets it. */
  readonly joinMissesGlobal: RateLimiter;
  readonly sendPerDevice: RateLimiter;
}

export interface Caller {
  /** Who is asking: the presenter, or a member's device. */
  readonly role: 'presenter' | 'device';
  readonly memberId: string | null;
}

function rateLimited(seconds: number, what: string): never {
  throw new RoomError('rate-limited', `Too many ${what}; wait ${seconds} s and try again.`, seconds);
}

export class RoomRelay {
  constructor(
    private readonly store: RoomStore,
    private readonly fanout: RoomFanout,
    private readonly limiters: RelayLimiters,
    private readonly limits: RelayLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async createRoom(body: unknown, address: string) {
    parseBody(createRoomRequestSchema, body, 'new room');
    const wait = await this.limiters.createPerAddress.take(address);
    if (wait) rateLimited(wait, 'rooms created from this address');
    const presenterToken = newToken();
    const createdAt = this.now();
    for (let attempt = 0; attempt < 5; attempt++) {
      const room: StoredRoom = {
        code: newJoinCode(),
        createdAt,
        lastActiveAt: createdAt,
        presenterTokenHash: hashToken(presenterToken),
        freeText: false,
        escrowPublicKey: null,
        presenterStep: null,
        closed: null,
        memberCount: 0,
      };
      if (await this.store.createRoom(room)) {
        return { code: room.code, presenterToken, expiresAt: createdAt + this.limits.inactivityMs };
      }
    }
    throw new RoomError('unavailable', 'No free join code was found; try again.', 1);
  }

  async join(code: string, body: unknown, address: string) {
    const misses = Math.max(
      await this.limiters.joinMissesPerAddress.peek(address),
      await this.limiters.joinMissesGlobal.peek('*'),
    );
    if (misses) rateLimited(misses, 'join attempts with unknown codes');
    const wait = await this.limiters.joinPerAddress.take(address);
    if (wait) rateLimited(wait, 'join attempts from this address');
    const request = parseBody(joinRoomRequestSchema, body, 'join request');
    try {
      await this.#openRoom(code);
    } catch (error) {
      if (error instanceof RoomError && (error.code === 'not-found' || error.code === 'bad-request')) {
        await this.limiters.joinMissesPerAddress.take(address);
        await this.limiters.joinMissesGlobal.take('*');
      }
      throw error;
    }
    const deviceToken = newToken();
    const member = { id: newId(), name: request.name, publicKey: request.publicKey, joinedAt: this.now() };
    await this.#apply(
      code,
      { kind: 'add-member', member: { member, tokenHash: hashToken(deviceToken) }, cap: this.limits.memberCap },
      { type: 'member-joined', member },
    );
    return { member, deviceToken };
  }

  async send(code: string, token: string | null, body: unknown) {
    await this.#openRoom(code);
    const caller = await this.#authenticate(code, token, 'device');
    const wait = await this.limiters.sendPerDevice.take(`${code}:${caller.memberId}`);
    if (wait) rateLimited(wait, 'messages from this device');
    const message = parseBody(sendMessageRequestSchema, body, 'message');
    if (message.to !== 'room' && !(await this.store.hasMember(code, message.to))) {
      throw new RoomError('bad-request', `The recipient ${message.to} is not a member of this room.`);
    }
    const messageId = newId();
    const event: RoomEvent = { type: 'message', messageId, from: caller.memberId!, sentAt: this.now(), message };
    const eventId = await this.#apply(code, { kind: 'none' }, event);
    return { messageId, eventId };
  }

  async control(code: string, token: string | null, body: unknown) {
    await this.#openRoom(code);
    await this.#authenticate(code, token, 'presenter');
    const request = parseBody(controlRequestSchema, body, 'control request');
    const [change, event] = ((): [RoomChange, RoomEvent] => {
      switch (request.action) {
        case 'set-free-text':
          return [
            { kind: 'settings', freeText: request.on },
            { type: 'free-text', on: request.on },
          ];
        case 'escrow-on':
          return [
            { kind: 'settings', escrowPublicKey: request.publicKey },
            { type: 'escrow', publicKey: request.publicKey },
          ];
        case 'escrow-off':
          return [
            { kind: 'settings', escrowPublicKey: null },
            { type: 'escrow', publicKey: null },
          ];
        case 'escrow-leaked':
          return [{ kind: 'none' }, { type: 'escrow-leaked', at: this.now() }];
        case 'remove-member':
          return [
            { kind: 'remove-member', memberId: request.memberId },
            { type: 'member-removed', memberId: request.memberId },
          ];
        case 'remove-message':
          return [{ kind: 'none' }, { type: 'message-removed', messageId: request.messageId }];
        case 'presenter-step':
          return [
            { kind: 'presenter-step', lesson: request.lesson, step: request.step },
            { type: 'presenter-step', lesson: request.lesson, step: request.step },
          ];
        case 'close':
          return [
            { kind: 'close', reason: 'closed' },
            { type: 'room-closed', reason: 'closed' },
          ];
      }
    })();
    return { ok: true as const, eventId: await this.#apply(code, change, event) };
  }

  /** The room's event stream for a presenter or device token, from just after `lastEventId`. */
  async openEvents(code: string, token: string | null, lastEventId: number, signal: AbortSignal) {
    await this.#openRoom(code);
    const caller = await this.#authenticate(code, token, 'any');
    return this.fanout.open(code, lastEventId, caller.memberId, signal);
  }

  /** Closes, as expired, every room this instance streams whose inactivity limit has passed. */
  async sweepExpired(): Promise<void> {
    for (const code of this.fanout.roomCodes()) await this.#openRoom(code).catch(() => undefined);
  }

  /** The room, open and not expired; an expired room is closed here (its members hear `room-closed`). */
  async #openRoom(code: string): Promise<StoredRoom> {
    if (!joinCodeSchema.safeParse(code).success) {
      throw new RoomError('bad-request', `"${code.slice(0, 12)}" is not a join code: 6 letters and digits.`);
    }
    const room = await this.store.getRoom(code);
    if (!room) throw new RoomError('not-found', `No room has the code ${code}. Check the code on the projector.`);
    if (!room.closed && room.lastActiveAt < this.now() - this.limits.inactivityMs) await this.#expire(code);
    else if (room.closed) throw closedError(room.closed);
    return room;
  }

  async #expire(code: string): Promise<never> {
    await this.store.apply({
      code,
      change: { kind: 'close', reason: 'expired' },
      eventJson: JSON.stringify({ type: 'room-closed', reason: 'expired' } satisfies RoomEvent),
      now: this.now(),
      activeSince: 0,
    });
    throw closedError('expired');
  }

  async #authenticate(code: string, token: string | null, wanted: 'presenter' | 'device' | 'any'): Promise<Caller> {
    if (!token || token.length > 64) throw new RoomError('unauthorised', missingToken(wanted));
    if (wanted !== 'device') {
      const room = await this.store.getRoom(code);
      if (room && tokenMatches(token, room.presenterTokenHash)) return { role: 'presenter', memberId: null };
      if (wanted === 'presenter') throw new RoomError('unauthorised', 'Only the presenter can do this: wrong token.');
    }
    const member = await this.store.memberByTokenHash(code, hashToken(token));
    if (!member) {
      throw new RoomError('unauthorised', 'This device is not a member of the room (wrong token, or it was removed).');
    }
    return { role: 'device', memberId: member.member.id };
  }

  async #apply(code: string, change: RoomChange, event: RoomEvent): Promise<number> {
    const now = this.now();
    const input = { code, change, eventJson: JSON.stringify(event), now, activeSince: now - this.limits.inactivityMs };
    const result: ApplyResult = await this.store.apply(input);
    if (result.ok) return result.eventId;
    switch (result.reason) {
      case 'not-found':
        throw new RoomError('not-found', `No room has the code ${code}.`);
      case 'closed':
        throw closedError('closed');
      case 'expired':
        return this.#expire(code);
      case 'full':
        throw new RoomError('room-full', `This room is full (${this.limits.memberCap} members).`);
      case 'no-member':
        throw new RoomError('not-found', 'No such member in this room.');
    }
  }
}

function closedError(reason: 'closed' | 'expired'): RoomError {
  return new RoomError(
    'room-closed',
    reason === 'closed'
      ? 'The presenter has closed this room.'
      : 'This room expired after a long time without activity.',
  );
}

function missingToken(wanted: 'presenter' | 'device' | 'any'): string {
  return wanted === 'presenter'
    ? "This needs the presenter's token (Authorization: Bearer …)."
    : "This needs the device's token from joining the room.";
}
