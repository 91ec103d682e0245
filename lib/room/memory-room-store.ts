/**
 * The embedded default: rooms in this process's memory, for one laptop running `next start`.
 * Single-threaded JavaScript makes each `apply` atomic without locks. Rooms are forgotten
 * `inactivityMs + closedRetentionMs` after their last activity (swept by `sweep`, which the relay
 * calls on its timer), so a long-running server does not grow.
 * @module
 */
import type { ApplyInput, ApplyResult, LogFrame, RoomStore, StoreLimits, StoredMember, StoredRoom } from './room-store';
import { sseFrame } from './room-store';

interface MemoryRoom {
  room: StoredRoom;
  /** By member id. */
  readonly members: Map<string, StoredMember>;
  /** Token digest → member id. */
  readonly tokens: Map<string, string>;
  readonly log: LogFrame[];
  logBytes: number;
  lastId: number;
}

export class MemoryRoomStore implements RoomStore {
  readonly #rooms = new Map<string, MemoryRoom>();
  readonly #feeds = new Map<string, (frame: string) => void>();
  constructor(private readonly limits: StoreLimits) {}

  async createRoom(room: StoredRoom): Promise<boolean> {
    if (this.#rooms.has(room.code)) return false;
    this.#rooms.set(room.code, { room, members: new Map(), tokens: new Map(), log: [], logBytes: 0, lastId: 0 });
    return true;
  }

  async getRoom(code: string): Promise<StoredRoom | null> {
    return this.#rooms.get(code)?.room ?? null;
  }

  async memberByTokenHash(code: string, tokenHash: string): Promise<StoredMember | null> {
    const room = this.#rooms.get(code);
    const id = room?.tokens.get(tokenHash);
    return (id && room?.members.get(id)) || null;
  }

  async hasMember(code: string, memberId: string): Promise<boolean> {
    return this.#rooms.get(code)?.members.has(memberId) ?? false;
  }

  async apply({ code, change, eventJson, now, activeSince }: ApplyInput): Promise<ApplyResult> {
    const entry = this.#rooms.get(code);
    if (!entry) return { ok: false, reason: 'not-found' };
    const { room } = entry;
    if (room.closed) return { ok: false, reason: 'closed' };
    if (change.kind !== 'close' && room.lastActiveAt < activeSince) return { ok: false, reason: 'expired' };
    let next: StoredRoom = { ...room, lastActiveAt: now };
    switch (change.kind) {
      case 'add-member':
        if (entry.members.size >= change.cap) return { ok: false, reason: 'full' };
        entry.members.set(change.member.member.id, change.member);
        entry.tokens.set(change.member.tokenHash, change.member.member.id);
        next = { ...next, memberCount: entry.members.size };
        break;
      case 'remove-member': {
        const member = entry.members.get(change.memberId);
        if (!member) return { ok: false, reason: 'no-member' };
        entry.members.delete(change.memberId);
        entry.tokens.delete(member.tokenHash);
        next = { ...next, memberCount: entry.members.size };
        break;
      }
      case 'settings':
        if (change.freeText !== undefined) next = { ...next, freeText: change.freeText };
        if (change.escrowPublicKey !== undefined) next = { ...next, escrowPublicKey: change.escrowPublicKey };
        break;
      case 'presenter-step':
        next = { ...next, presenterStep: { lesson: change.lesson, step: change.step } };
        break;
      case 'close':
        next = { ...next, closed: change.reason };
        break;
      case 'none':
        break;
    }
    entry.room = next;
    const id = ++entry.lastId;
    const frame = sseFrame(id, eventJson);
    entry.log.push({ id, frame });
    entry.logBytes += frame.length;
    while (entry.log.length > this.limits.logMaxEvents || entry.logBytes > this.limits.logMaxBytes) {
      entry.logBytes -= entry.log.shift()!.frame.length;
    }
    this.#feeds.get(code)?.(frame);
    return { ok: true, eventId: id };
  }

  async subscribe(code: string, onFrame: (frame: string) => void): Promise<void> {
    this.#feeds.set(code, onFrame);
  }

  async unsubscribe(code: string): Promise<void> {
    this.#feeds.delete(code);
  }

  /** An in-process feed is never lost, so `callback` never runs. */
  onFeedRestored(callback: () => void): void {
    void callback;
  }

  async lastEventId(code: string): Promise<number> {
    return this.#rooms.get(code)?.lastId ?? 0;
  }

  async readLog(code: string, afterId: number): Promise<LogFrame[]> {
    const log = this.#rooms.get(code)?.log ?? [];
    // Ids are consecutive within the kept window, so the first wanted entry is found by arithmetic.
    const start = log.length === 0 ? 0 : Math.max(0, afterId + 1 - log[0]!.id);
    return log.slice(start);
  }

  /** Forgets rooms idle for longer than the inactivity limit plus the closed-room retention. */
  sweep(now: number): void {
    const forgetBefore = now - this.limits.inactivityMs - this.limits.closedRetentionMs;
    for (const [code, { room }] of this.#rooms) {
      const closedLongAgo = room.closed !== null && room.lastActiveAt < now - this.limits.closedRetentionMs;
      if (closedLongAgo || room.lastActiveAt < forgetBefore) this.#rooms.delete(code);
    }
  }

  /** Everything this store holds, as text: for the test that searches it for plaintexts. */
  dumpForTests(): string {
    return JSON.stringify(
      [...this.#rooms.values()].map((r) => ({ ...r, members: [...r.members], tokens: [...r.tokens] })),
    );
  }

  async close(): Promise<void> {
    this.#rooms.clear();
    this.#feeds.clear();
  }
}
