/**
 * How a room message is named inside the lab's envelope: its conversation id, its recipient field
 * and the escrow authority its epoch keys are sealed to. One place, so the sender, the recipient
 * and the projector's decryption agree byte for byte (the header is the AEAD associated data).
 * @module
 */

/** The header's `recipient` (and the contract's `to`) of a message to everyone in the room. */
export const ROOM_RECIPIENT = 'room';

/** The authority id the room's escrow seals name; the presenter's browser holds its secret key. */
export const ROOM_ESCROW_AUTHORITY = 'room-escrow';

/** Longest message text in characters (the contract's ciphertext bound assumes at most 280). */
export const ROOM_TEXT_MAX_CHARS = 280;

/**
 * The conversation a message belongs to: the whole room, or the pair of members (sorted, so both
 * ends name it alike). The id salts each pair's key (static-session.ts), so a room message and a
 * direct message between the same two people never share a key.
 */
export function roomConversationId(code: string, from: string, to: string): string {
  if (to === ROOM_RECIPIENT) return `${code}/room`;
  const [a, b] = from < to ? [from, to] : [to, from];
  return `${code}/${a}/${b}`;
}
