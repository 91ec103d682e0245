/**
 * The relay server. Clients hand it envelopes; it forwards them and keeps a wire log of every
 * envelope that passed, in time order. The log is the whole of what the server operator sees, and
 * what an on-path observer sees on the links it taps: headers (metadata), ciphertext and escrow
 * blobs. Never a key, never a plaintext: end-to-end encryption means the server is just a pipe.
 * @module
 */
import type { Envelope } from './envelope';
import type { ParticipantId } from './participant';
import type { SimTime } from './sim-time';

/** One envelope as logged by the relay. `seq` is its position in the log (0, 1, 2, ...). */
export interface WireRecord {
  readonly seq: number;
  /** When the relay saw it (delivery is immediate, so this is the header's sentAt). */
  readonly at: SimTime;
  readonly envelope: Envelope;
}

/** The relay's log. Records are in time order and `records[i].seq === i`. */
export interface RelayLog {
  readonly records: WireRecord[];
}

/** An empty relay log. */
export function createRelayLog(): RelayLog {
  return { records: [] };
}

/**
 * The relay's only write: logs an envelope and returns its record. Appends in place (a world of
 * 10,000 messages must not copy the log 10,000 times); the log is never edited otherwise.
 */
export function relayEnvelope(log: RelayLog, envelope: Envelope): WireRecord {
  const last = log.records[log.records.length - 1];
  if (last && envelope.header.sentAt < last.at) {
    throw new RangeError(
      `relay log is time-ordered: envelope at ${envelope.header.sentAt} arrived after one at ${last.at}`,
    );
  }
  const record: WireRecord = { seq: log.records.length, at: envelope.header.sentAt, envelope };
  log.records.push(record);
  return record;
}

/** Where an observer sits. */
export type ObserverPosition =
  /** The server operator (or whoever took over the server): every record in the log. */
  | { readonly kind: 'server-operator' }
  /** A tap on the wire: the backbone (every link) or one participant's access link. */
  | { readonly kind: 'on-path'; readonly link?: ParticipantId };

/** A time window, inclusive at both ends; a missing end is open. */
export interface TimeWindow {
  readonly from?: SimTime;
  readonly to?: SimTime;
}

/**
 * The records visible from `position` during `window`: the server operator sees every record;
 * an on-path observer on a participant's link sees that participant's envelopes (sent or
 * received); on the backbone, every record. Both see the same thing per record: header, ciphertext
 * and escrow blob, which is all a record contains.
 */
export function observeWire(log: RelayLog, position: ObserverPosition, window: TimeWindow = {}): WireRecord[] {
  const from = window.from ?? 0;
  const to = window.to ?? Number.MAX_SAFE_INTEGER;
  return log.records.filter((r) => {
    if (r.at < from || r.at > to) return false;
    if (position.kind === 'on-path' && position.link !== undefined) {
      return r.envelope.header.sender === position.link || r.envelope.header.recipient === position.link;
    }
    return true;
  });
}
