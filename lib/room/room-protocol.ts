/**
 * The live room's wire contract: every request body, every reply and every server-sent event, as zod
 * schemas. The relay (server) and the devices (browsers) both import this file, so the two sides
 * cannot drift. Framework-free; `zod/mini` keeps the page bundles small.
 *
 * What the relay may see: public keys, display names, sizes, and the sealed bytes below (header,
 * ciphertext, wrapped keys, escrow field). It never receives a plaintext or a secret key; the
 * escrow secret in particular stays in the presenter's browser (see `EscrowLeakedEvent`).
 *
 * All byte strings are lowercase hex. Bounds are part of the contract: the relay refuses anything
 * larger with 413/400 before it touches the room.
 * @module
 */
import * as z from 'zod/mini';

/** Unambiguous alphabet (no 0/O, 1/I/L): a join code read off a projector is typed right first time. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export const ROOM_LIMITS = {
  /** Display names: 1-24 characters after trimming. */
  nameMaxChars: 24,
  /** A lecture hall: the benchmark's 1,000 devices fit. Configurable per relay. */
  memberCap: 1000,
  /** AEAD ciphertext of one message (text ≤ 280 characters ≈ 1,120 UTF-8 bytes + tag), hex. */
  ciphertextMaxBytes: 2048,
  /** The envelope's clear header, hex. */
  headerMaxBytes: 512,
  /** One wrapped message key for one recipient, hex. */
  wrappedKeyMaxBytes: 128,
  /** The escrow field (sealed epoch key + wrapped key), hex. */
  escrowMaxBytes: 512,
  /** Any request body, before parsing. */
  bodyMaxBytes: 256 * 1024,
} as const;

const hexOfAtMost = (maxBytes: number) =>
  z.string().check(z.regex(/^(?:[0-9a-f]{2})*$/, 'must be lowercase hex'), z.maxLength(maxBytes * 2));

export const joinCodeSchema = z.string().check(z.regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)));
/** Member and message ids: 16 random bytes, base64url (22 characters), assigned by the relay. */
const idSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/));
/** An X25519 public key: 32 bytes (RFC 7748 §5). */
const publicKeyHexSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 32 bytes of lowercase hex'));
const displayNameSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'a name is needed'), z.maxLength(ROOM_LIMITS.nameMaxChars));

/** A member as every device and the projector see it. */
export const memberSchema = z.object({
  id: idSchema,
  name: displayNameSchema,
  publicKey: publicKeyHexSchema,
  joinedAt: z.number(),
});
export type RoomMember = z.infer<typeof memberSchema>;

/**
 * One sealed message as the sender's device produced it. `recipients` carries the message key
 * wrapped once per recipient (one entry for a direct message, one per member for the room); the
 * relay forwards it and cannot open any of it.
 */
const sealedMessageSchema = z.object({
  to: z.union([z.literal('room'), idSchema]),
  header: hexOfAtMost(ROOM_LIMITS.headerMaxBytes),
  ciphertext: hexOfAtMost(ROOM_LIMITS.ciphertextMaxBytes),
  recipients: z
    .array(z.object({ member: idSchema, wrappedKey: hexOfAtMost(ROOM_LIMITS.wrappedKeyMaxBytes) }))
    .check(z.minLength(1), z.maxLength(ROOM_LIMITS.memberCap)),
  escrow: z.optional(hexOfAtMost(ROOM_LIMITS.escrowMaxBytes)),
});
export type SealedMessage = z.infer<typeof sealedMessageSchema>;

// ---- Requests (POST bodies; Content-Type: application/json; Origin must match) ----

/** POST /api/rooms → `CreateRoomReply`. */
export const createRoomRequestSchema = z.object({});
export const createRoomReplySchema = z.object({
  code: joinCodeSchema,
  /** 128 random bits, base64url. Sent back as `Authorization: Bearer`; never put in a URL. */
  presenterToken: z.string(),
  expiresAt: z.number(),
});

/** POST /api/rooms/{code}/join → `JoinRoomReply`. */
export const joinRoomRequestSchema = z.object({ name: displayNameSchema, publicKey: publicKeyHexSchema });
export const joinRoomReplySchema = z.object({
  member: memberSchema,
  /** This device's own token (128 bits, base64url), for its sends and its event stream. */
  deviceToken: z.string(),
});

/** POST /api/rooms/{code}/messages (device token) → `SendMessageReply`. */
export const sendMessageRequestSchema = sealedMessageSchema;
export const sendMessageReplySchema = z.object({ messageId: idSchema, eventId: z.number() });

/** POST /api/rooms/{code}/control (presenter token) → `{ ok: true, eventId }`. */
export const controlRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('set-free-text'), on: z.boolean() }),
  /** The escrow public key the presenter's browser generated; devices seal epoch keys to it from now on. */
  z.object({ action: z.literal('escrow-on'), publicKey: publicKeyHexSchema }),
  z.object({ action: z.literal('escrow-off') }),
  /** An announcement only: the secret itself never goes to the relay. */
  z.object({ action: z.literal('escrow-leaked') }),
  z.object({ action: z.literal('remove-member'), memberId: idSchema }),
  z.object({ action: z.literal('remove-message'), messageId: idSchema }),
  /** The presenter window's current place, for devices that follow the presenter. */
  z.object({
    action: z.literal('presenter-step'),
    lesson: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
    step: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  }),
  z.object({ action: z.literal('close') }),
]);
export type ControlRequest = z.infer<typeof controlRequestSchema>;
export const controlReplySchema = z.object({ ok: z.literal(true), eventId: z.number() });

/** Every refusal: a status from {400, 401, 403, 404, 409, 410, 413, 415, 429, 503} and this body. */
const roomErrorCodes = [
  'bad-request',
  'unauthorised',
  'forbidden-origin',
  'not-found',
  'room-full',
  'room-closed',
  'too-large',
  'unsupported-media-type',
  'rate-limited',
  'unavailable',
] as const;
export const roomErrorReplySchema = z.object({
  error: z.object({ code: z.enum(roomErrorCodes), message: z.string() }),
});
export type RoomErrorReply = z.infer<typeof roomErrorReplySchema>;

// ---- Events: GET /api/rooms/{code}/events?token=… (device or presenter token), text/event-stream ----
// Each event is `id: <n>\nevent: room\ndata: <JSON of RoomEvent>\n\n`, ids strictly increasing per
// room. A (re)connection with `Last-Event-ID: n` gets every event after n, then live ones: nothing
// lost, nothing twice. A fresh connection replays the room's log from the start.

export const roomEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('member-joined'), member: memberSchema }),
  z.object({ type: z.literal('member-removed'), memberId: idSchema }),
  z.object({
    type: z.literal('message'),
    messageId: idSchema,
    from: idSchema,
    sentAt: z.number(),
    message: sealedMessageSchema,
  }),
  z.object({ type: z.literal('message-removed'), messageId: idSchema }),
  z.object({ type: z.literal('free-text'), on: z.boolean() }),
  z.object({ type: z.literal('escrow'), publicKey: z.nullable(publicKeyHexSchema) }),
  z.object({ type: z.literal('escrow-leaked'), at: z.number() }),
  z.object({ type: z.literal('presenter-step'), lesson: z.string(), step: z.string() }),
  z.object({ type: z.literal('room-closed'), reason: z.enum(['closed', 'expired']) }),
]);
export type RoomEvent = z.infer<typeof roomEventSchema>;

/** An event as stored in the room's log and sent on the stream. */
export interface RoomLogEntry {
  readonly id: number;
  readonly event: RoomEvent;
}
