/**
 * The metadata a relay keeps without reading a word: from each stored envelope's header and size,
 * and the time its own clock received it, who writes to whom, how often, when, and how much. With
 * ChaCha20-Poly1305 the ciphertext is exactly as long as the message plus the 16-byte tag
 * (RFC 8439 §2.8), so each size gives away the length of the message too.
 * @module
 */
import type { ParticipantId } from './participant';

/** Bytes the Poly1305 tag adds to every ciphertext (RFC 8439 §2.8). */
export const AEAD_TAG_BYTES = 16;

/** One stored envelope as the server sees it. */
export interface ServerRow {
  readonly sender: ParticipantId;
  readonly recipient: ParticipantId;
  /** The server's clock when it arrived, in milliseconds since the Unix epoch. */
  readonly receivedAt: number;
  /** Bytes of ciphertext ‖ tag. */
  readonly size: number;
}

/** Traffic in one direction. */
export interface DirectionTally {
  readonly from: ParticipantId;
  readonly to: ParticipantId;
  readonly messages: number;
  readonly bytes: number;
}

/** Traffic between two users, both directions. */
export interface PairTally {
  /** The two ids, sorted. */
  readonly between: readonly [ParticipantId, ParticipantId];
  readonly messages: number;
  readonly bytes: number;
  /** In order of first appearance. */
  readonly directions: readonly DirectionTally[];
}

/** Everything the server learns from its rows. */
export interface TrafficSummary {
  readonly messages: number;
  readonly totalBytes: number;
  readonly firstAt: number;
  readonly lastAt: number;
  readonly pairs: readonly PairTally[];
  /** Milliseconds between consecutive rows (in arrival order): the rhythm of the conversation. */
  readonly gaps: readonly number[];
  /** Per row, the length of the message it carries: size − 16. */
  readonly messageLengths: readonly number[];
}

/** Summarises `rows` (in arrival order); null when there are none. Throws on a size below the tag. */
export function summarizeTraffic(rows: readonly ServerRow[]): TrafficSummary | null {
  if (rows.length === 0) return null;
  const pairs = new Map<
    string,
    {
      between: [ParticipantId, ParticipantId];
      directions: Map<string, { from: ParticipantId; to: ParticipantId; messages: number; bytes: number }>;
    }
  >();
  for (const r of rows) {
    if (!Number.isInteger(r.size) || r.size < AEAD_TAG_BYTES)
      throw new RangeError(`a stored ciphertext has ${r.size} bytes, fewer than the ${AEAD_TAG_BYTES}-byte tag`);
    const between = [r.sender, r.recipient].sort() as [ParticipantId, ParticipantId];
    const pairKey = between.join('\u0000');
    let pair = pairs.get(pairKey);
    if (!pair) pairs.set(pairKey, (pair = { between, directions: new Map() }));
    const dirKey = `${r.sender}\u0000${r.recipient}`;
    let dir = pair.directions.get(dirKey);
    if (!dir) pair.directions.set(dirKey, (dir = { from: r.sender, to: r.recipient, messages: 0, bytes: 0 }));
    dir.messages++;
    dir.bytes += r.size;
  }
  return {
    messages: rows.length,
    totalBytes: rows.reduce((n, r) => n + r.size, 0),
    firstAt: Math.min(...rows.map((r) => r.receivedAt)),
    lastAt: Math.max(...rows.map((r) => r.receivedAt)),
    pairs: [...pairs.values()].map((p) => {
      const directions = [...p.directions.values()];
      return {
        between: p.between,
        messages: directions.reduce((n, d) => n + d.messages, 0),
        bytes: directions.reduce((n, d) => n + d.bytes, 0),
        directions,
      };
    }),
    gaps: rows.slice(1).map((r, i) => r.receivedAt - rows[i]!.receivedAt),
    messageLengths: rows.map((r) => r.size - AEAD_TAG_BYTES),
  };
}
