/**
 * Where a relay keeps its rooms: one interface, two implementations (memory-room-store.ts for the
 * embedded default, redis-room-store.ts when REDIS_URL is set). Each `apply` is atomic: its guards,
 * its change to the room and the event it appends (with the next id) happen together or not at
 * all, so ids are strictly increasing per room even with several app instances on one Redis.
 *
 * Events are stored as their finished SSE frame (`id: n\nevent: room\ndata: …\n\n`): encoded once
 * when appended, never once per client.
 * @module
 */
import type { RoomMember } from './room-protocol';

export type ClosedReason = 'closed' | 'expired';

/** A room as stored. Tokens are stored as SHA-256 digests only (room-tokens.ts). */
export interface StoredRoom {
  readonly code: string;
  readonly createdAt: number;
  readonly lastActiveAt: number;
  readonly presenterTokenHash: string;
  readonly freeText: boolean;
  readonly escrowPublicKey: string | null;
  readonly presenterStep: { readonly lesson: string; readonly step: string } | null;
  readonly closed: ClosedReason | null;
  readonly memberCount: number;
}

export interface StoredMember {
  readonly member: RoomMember;
  readonly tokenHash: string;
}

/** What an `apply` does to the room besides appending its event. */
export type RoomChange =
  | { readonly kind: 'add-member'; readonly member: StoredMember; readonly cap: number }
  | { readonly kind: 'remove-member'; readonly memberId: string }
  | { readonly kind: 'settings'; readonly freeText?: boolean; readonly escrowPublicKey?: string | null }
  | { readonly kind: 'presenter-step'; readonly lesson: string; readonly step: string }
  | { readonly kind: 'close'; readonly reason: ClosedReason }
  | { readonly kind: 'none' };

export interface ApplyInput {
  readonly code: string;
  readonly change: RoomChange;
  /** The event's JSON (a `RoomEvent`), already validated; the store adds the id. */
  readonly eventJson: string;
  readonly now: number;
  /**
   * Refuse with 'expired' when the room was last active before this time (the inactivity limit),
   * except for `close` changes, which are how an expired room is closed.
   */
  readonly activeSince: number;
}

export type ApplyResult =
  | { readonly ok: true; readonly eventId: number }
  | { readonly ok: false; readonly reason: 'not-found' | 'closed' | 'expired' | 'full' | 'no-member' };

/** One stored event: its id and its SSE frame. */
export interface LogFrame {
  readonly id: number;
  readonly frame: string;
}

export interface StoreLimits {
  /** Events kept per room for replay (the oldest are dropped first). */
  readonly logMaxEvents: number;
  /** Bytes of frames kept per room for replay. */
  readonly logMaxBytes: number;
  /** How long a room lives without activity before it is closed as expired. */
  readonly inactivityMs: number;
  /** How long a closed room still answers 410 before it is forgotten (then 404). */
  readonly closedRetentionMs: number;
}

export interface RoomStore {
  /** Stores a new room; false when the code is taken. */
  createRoom(room: StoredRoom): Promise<boolean>;
  getRoom(code: string): Promise<StoredRoom | null>;
  /** The member a device token belongs to, by the token's digest. */
  memberByTokenHash(code: string, tokenHash: string): Promise<StoredMember | null>;
  hasMember(code: string, memberId: string): Promise<boolean>;
  apply(input: ApplyInput): Promise<ApplyResult>;
  /** The id of the room's latest event (0 when none, or no such room). */
  lastEventId(code: string): Promise<number>;
  /** Every stored frame with id > afterId, in id order. */
  readLog(code: string, afterId: number): Promise<LogFrame[]>;
  /**
   * Delivers every frame appended to `code` from now on, by any instance, to `onFrame` (one
   * subscriber per room per store). Resolves once the subscription is active.
   */
  subscribe(code: string, onFrame: (frame: string) => void): Promise<void>;
  unsubscribe(code: string): Promise<void>;
  /** `callback` runs whenever the live feed comes back after a loss (frames may have been missed). */
  onFeedRestored(callback: () => void): void;
  close(): Promise<void>;
}

/** `id: n\nevent: room\ndata: json\n\n` (WHATWG HTML §9.2 event stream format). */
export function sseFrame(id: number, eventJson: string): string {
  return `id: ${id}\nevent: room\ndata: ${eventJson}\n\n`;
}

/** The id a frame starts with. */
export function frameId(frame: string): number {
  return Number(frame.slice(4, frame.indexOf('\n')));
}
