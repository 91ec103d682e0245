/**
 * The envelope header: everything about a message that travels in the clear (who, to whom, in which
 * conversation, when, which ratchet key) and its one canonical byte encoding. The encoded header is
 * the associated data of the message's AEAD (RFC 8439 §2.8), so the tag covers every header byte:
 * change the sender, the time, the counter or the escrow epoch, and the recipient's open fails.
 *
 * Encoding (all integers big-endian, strings UTF-8 with a one-byte length):
 *
 * ```
 * magic "BLH" | version u8 | mode u8 (0 static, 1 ratchet) | flags u8 (1 ephemeral, 2 ratchet, 4 escrow)
 * sender str | recipient str | conversationId str | counter u32 | sentAt u48
 * [ephemeralPublicKey 32]  [ratchet publicKey 32 | previousChainLength u32 | messageNumber u32]  [escrow epoch u32]
 * ```
 * @module
 */
import { bytesToUtf8OrNull, utf8ToBytes } from '@/lib/crypto/bytes';
import type { ParticipantId } from './participant';
import { isSimTime, type SimTime } from './sim-time';

/** How the two ends agree on message keys. `static`: no forward secrecy; `ratchet`: Double Ratchet. */
export type KeyAgreementMode = 'static' | 'ratchet';

/** Double Ratchet header fields (Signal's HEADER(dh_pair, pn, n), Double Ratchet spec §3.4). */
export interface RatchetHeaderFields {
  /** The sender's current ratchet public key. */
  readonly publicKey: Uint8Array;
  /** Number of messages in the sender's previous sending chain (PN). */
  readonly previousChainLength: number;
  /** This message's number in the current sending chain (N). */
  readonly messageNumber: number;
}

/** Escrow metadata: which of the sender's escrow epochs (for this conversation) wraps this message's key. */
export interface EscrowHeaderFields {
  readonly epoch: number;
}

/** The clear-text header of one envelope. */
export interface EnvelopeHeader {
  readonly version: 1;
  readonly mode: KeyAgreementMode;
  readonly sender: ParticipantId;
  readonly recipient: ParticipantId;
  readonly conversationId: string;
  /** The sender's envelope counter in this conversation: 0, 1, 2, ... (static mode derives the nonce from it). */
  readonly counter: number;
  /** When the message was sent, in simulated minutes. */
  readonly sentAt: SimTime;
  /** The initiator's X3DH ephemeral public key, carried until the first reply (ratchet mode). */
  readonly ephemeralPublicKey?: Uint8Array;
  /** Present exactly in ratchet mode. */
  readonly ratchet?: RatchetHeaderFields;
  /** Present when the message key is escrowed. */
  readonly escrow?: EscrowHeaderFields;
}

/** Bytes that are not a valid encoded header. The message says which part is wrong. */
export class HeaderDecodeError extends Error {
  override readonly name = 'HeaderDecodeError';
}

const MAGIC = utf8ToBytes('BLH');
const FLAG_EPHEMERAL = 1;
const FLAG_RATCHET = 2;
const FLAG_ESCROW = 4;
const U32_MAX = 0xffffffff;
const U48_MAX = 2 ** 48 - 1;

/** A header string ready to write: ASCII (ids, the usual case) is written as is, anything else as UTF-8 bytes. */
type HeaderString =
  { readonly ascii: string; readonly length: number } | { readonly utf8: Uint8Array; readonly length: number };

function encodedString(value: string, what: string): HeaderString {
  let ascii = true;
  for (let i = 0; i < value.length && ascii; i++) ascii = value.charCodeAt(i) < 0x80;
  const encoded: HeaderString = ascii
    ? { ascii: value, length: value.length }
    : { utf8: utf8ToBytes(value), length: 0 };
  const length = 'utf8' in encoded ? encoded.utf8.length : encoded.length;
  if (length === 0 || length > 255) throw new RangeError(`header ${what}: 1-255 UTF-8 bytes, got ${length}`);
  return 'utf8' in encoded ? { utf8: encoded.utf8, length } : encoded;
}

function checkU32(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > U32_MAX)
    throw new RangeError(`header ${what}: expected 0..2^32-1, got ${value}`);
  return value;
}

function key32(value: Uint8Array, what: string): Uint8Array {
  if (!(value instanceof Uint8Array) || value.length !== 32) throw new RangeError(`header ${what}: expected 32 bytes`);
  return value;
}

/** Writes big-endian unsigned integers and byte strings into one preallocated buffer. */
class Writer {
  private offset = 0;
  constructor(readonly bytes: Uint8Array) {}
  uint(value: number, length: number): void {
    let n = value;
    for (let i = length - 1; i >= 0; i--) {
      this.bytes[this.offset + i] = n % 256;
      n = Math.floor(n / 256);
    }
    this.offset += length;
  }
  raw(value: Uint8Array): void {
    this.bytes.set(value, this.offset);
    this.offset += value.length;
  }
  string(value: HeaderString): void {
    this.uint(value.length, 1);
    if ('utf8' in value) return this.raw(value.utf8);
    for (let i = 0; i < value.length; i++) this.bytes[this.offset + i] = value.ascii.charCodeAt(i);
    this.offset += value.length;
  }
}

/**
 * The canonical encoding of `header`: the AEAD associated data of its envelope. Every message is
 * encoded at least twice (seal, open) and once more per decryption, so it is written into one
 * buffer sized up front.
 */
export function encodeHeader(header: EnvelopeHeader): Uint8Array {
  if (header.version !== 1) throw new RangeError(`header version: only 1 is defined, got ${String(header.version)}`);
  if ((header.mode === 'ratchet') !== (header.ratchet !== undefined)) {
    throw new RangeError('header: ratchet fields must be present exactly in ratchet mode');
  }
  if (!isSimTime(header.sentAt) || header.sentAt > U48_MAX)
    throw new RangeError(`header sentAt: bad time ${header.sentAt}`);
  const flags =
    (header.ephemeralPublicKey ? FLAG_EPHEMERAL : 0) |
    (header.ratchet ? FLAG_RATCHET : 0) |
    (header.escrow ? FLAG_ESCROW : 0);
  const sender = encodedString(header.sender, 'sender');
  const recipient = encodedString(header.recipient, 'recipient');
  const conversationId = encodedString(header.conversationId, 'conversationId');
  const counter = checkU32(header.counter, 'counter');
  const ephemeral = header.ephemeralPublicKey ? key32(header.ephemeralPublicKey, 'ephemeralPublicKey') : null;
  const ratchet = header.ratchet
    ? {
        publicKey: key32(header.ratchet.publicKey, 'ratchet publicKey'),
        previousChainLength: checkU32(header.ratchet.previousChainLength, 'previousChainLength'),
        messageNumber: checkU32(header.ratchet.messageNumber, 'messageNumber'),
      }
    : null;
  const escrowEpoch = header.escrow ? checkU32(header.escrow.epoch, 'escrow epoch') : null;
  const length =
    MAGIC.length +
    3 +
    (3 + sender.length + recipient.length + conversationId.length) +
    4 +
    6 +
    (ephemeral ? 32 : 0) +
    (ratchet ? 40 : 0) +
    (escrowEpoch !== null ? 4 : 0);
  const w = new Writer(new Uint8Array(length));
  w.raw(MAGIC);
  w.uint(header.version, 1);
  w.uint(header.mode === 'static' ? 0 : 1, 1);
  w.uint(flags, 1);
  w.string(sender);
  w.string(recipient);
  w.string(conversationId);
  w.uint(counter, 4);
  w.uint(header.sentAt, 6);
  if (ephemeral) w.raw(ephemeral);
  if (ratchet) {
    w.raw(ratchet.publicKey);
    w.uint(ratchet.previousChainLength, 4);
    w.uint(ratchet.messageNumber, 4);
  }
  if (escrowEpoch !== null) w.uint(escrowEpoch, 4);
  return w.bytes;
}

/** A cursor over bytes being decoded; every read names what it was reading when it runs out. */
class Reader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}
  take(length: number, what: string): Uint8Array {
    if (this.offset + length > this.bytes.length) {
      throw new HeaderDecodeError(
        `header ends early: reading ${what} needs ${length} bytes at offset ${this.offset}, only ${this.bytes.length - this.offset} left`,
      );
    }
    const out = this.bytes.slice(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
  uint(length: number, what: string): number {
    return this.take(length, what).reduce((acc, b) => acc * 256 + b, 0);
  }
  string(what: string): string {
    const length = this.uint(1, `${what} length`);
    if (length === 0) throw new HeaderDecodeError(`header ${what} is empty`);
    const text = bytesToUtf8OrNull(this.take(length, what));
    if (text === null) throw new HeaderDecodeError(`header ${what} is not valid UTF-8`);
    return text;
  }
  done(): void {
    if (this.offset !== this.bytes.length) {
      throw new HeaderDecodeError(`header has ${this.bytes.length - this.offset} unexpected trailing byte(s)`);
    }
  }
}

/**
 * Parses bytes from outside (the wire, a learner's paste) into a header. Strict: wrong magic,
 * unknown version, mode or flags, truncation and trailing bytes are all refused, so that
 * `encodeHeader(decodeHeader(b))` equals `b` for every accepted `b`.
 */
export function decodeHeader(bytes: unknown): EnvelopeHeader {
  if (!(bytes instanceof Uint8Array)) throw new HeaderDecodeError('header: expected bytes (Uint8Array)');
  const r = new Reader(bytes);
  const magic = r.take(3, 'magic');
  if (magic[0] !== MAGIC[0] || magic[1] !== MAGIC[1] || magic[2] !== MAGIC[2])
    throw new HeaderDecodeError("header: magic is not 'BLH'");
  const version = r.uint(1, 'version');
  if (version !== 1) throw new HeaderDecodeError(`header: unknown version ${version}`);
  const modeByte = r.uint(1, 'mode');
  if (modeByte > 1) throw new HeaderDecodeError(`header: unknown mode ${modeByte}`);
  const mode: KeyAgreementMode = modeByte === 0 ? 'static' : 'ratchet';
  const flags = r.uint(1, 'flags');
  if (flags & ~(FLAG_EPHEMERAL | FLAG_RATCHET | FLAG_ESCROW))
    throw new HeaderDecodeError(`header: unknown flags 0x${flags.toString(16)}`);
  if ((mode === 'ratchet') !== Boolean(flags & FLAG_RATCHET))
    throw new HeaderDecodeError('header: ratchet flag does not match the mode');
  const sender = r.string('sender');
  const recipient = r.string('recipient');
  const conversationId = r.string('conversationId');
  const counter = r.uint(4, 'counter');
  const sentAt = r.uint(6, 'sentAt');
  const ephemeralPublicKey = flags & FLAG_EPHEMERAL ? r.take(32, 'ephemeralPublicKey') : undefined;
  const ratchet: RatchetHeaderFields | undefined =
    flags & FLAG_RATCHET
      ? {
          publicKey: r.take(32, 'ratchet publicKey'),
          previousChainLength: r.uint(4, 'previousChainLength'),
          messageNumber: r.uint(4, 'messageNumber'),
        }
      : undefined;
  const escrow: EscrowHeaderFields | undefined = flags & FLAG_ESCROW ? { epoch: r.uint(4, 'escrow epoch') } : undefined;
  r.done();
  return {
    version: 1,
    mode,
    sender,
    recipient,
    conversationId,
    counter,
    sentAt,
    ...(ephemeralPublicKey ? { ephemeralPublicKey } : {}),
    ...(ratchet ? { ratchet } : {}),
    ...(escrow ? { escrow } : {}),
  };
}
