/**
 * The room as a phone or the projector knows it: the fold of the event log (room-protocol.ts) into
 * plain data. Events at or below the last applied id are ignored, so a stream that resumes or
 * replays never shows anything twice.
 * @module
 */
import type { RoomEvent, RoomLogEntry, RoomMember, SealedMessage } from '@/lib/room/room-protocol';

/** One message on the wire, as the relay forwarded it. */
export interface RoomWireMessage {
  readonly eventId: number;
  readonly messageId: string;
  readonly from: string;
  readonly sentAt: number;
  readonly message: SealedMessage;
}

export interface RoomView {
  /** The id of the last event applied; 0 before any. */
  readonly lastEventId: number;
  readonly members: readonly RoomMember[];
  readonly messages: readonly RoomWireMessage[];
  readonly freeText: boolean;
  /** The presenter's escrow public key (hex) while escrow is on. */
  readonly escrowPublicKey: string | null;
  /** When the presenter announced the leak (ms), if they did. */
  readonly escrowLeakedAt: number | null;
  readonly presenterStep: { readonly lesson: string; readonly step: string } | null;
  readonly closed: 'closed' | 'expired' | null;
  /** Members the presenter removed (a phone checks its own id here). */
  readonly removedMemberIds: readonly string[];
}

export const EMPTY_ROOM_VIEW: RoomView = {
  lastEventId: 0,
  members: [],
  messages: [],
  freeText: false,
  escrowPublicKey: null,
  escrowLeakedAt: null,
  presenterStep: null,
  closed: null,
  removedMemberIds: [],
};

function applyEvent(view: RoomView, event: RoomEvent, eventId: number): RoomView {
  switch (event.type) {
    case 'member-joined':
      return { ...view, members: [...view.members.filter((m) => m.id !== event.member.id), event.member] };
    case 'member-removed':
      return {
        ...view,
        members: view.members.filter((m) => m.id !== event.memberId),
        removedMemberIds: [...view.removedMemberIds, event.memberId],
      };
    case 'message':
      return {
        ...view,
        messages: [
          ...view.messages,
          { eventId, messageId: event.messageId, from: event.from, sentAt: event.sentAt, message: event.message },
        ],
      };
    case 'message-removed':
      return { ...view, messages: view.messages.filter((m) => m.messageId !== event.messageId) };
    case 'free-text':
      return { ...view, freeText: event.on };
    case 'escrow':
      return { ...view, escrowPublicKey: event.publicKey };
    case 'escrow-leaked':
      return { ...view, escrowLeakedAt: event.at };
    case 'presenter-step':
      return { ...view, presenterStep: { lesson: event.lesson, step: event.step } };
    case 'room-closed':
      return { ...view, closed: event.reason };
  }
}

/** Applies one log entry; an entry already applied (id ≤ lastEventId) leaves the view unchanged. */
export function applyRoomEntry(view: RoomView, entry: RoomLogEntry): RoomView {
  if (entry.id <= view.lastEventId) return view;
  return { ...applyEvent(view, entry.event, entry.id), lastEventId: entry.id };
}
