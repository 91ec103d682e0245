/**
 * A public, append-only log of escrow use: each time the authority's opening service opens an
 * escrow field it first appends an entry (which message, when, for whom, under which warrant),
 * chained by SHA-256 to the entry before it, as in Certificate Transparency (RFC 6962; simplified
 * here to a hash chain instead of a Merkle tree). Anyone holding the latest hash can check that no
 * entry was removed or changed. It detects; it does not prevent: the message is read either way,
 * and a key copied out of the service and used elsewhere writes nothing at all.
 * @module
 */
import { bytesToHex, concatBytes, i2osp, utf8ToBytes } from '@/lib/crypto/bytes';
import { sha256 } from '@/lib/crypto/sha256';

/** One logged opening. */
export interface EscrowLogEntry {
  readonly index: number;
  /** Which message's escrow field was opened (its sequence number on the relay). */
  readonly messageSeq: number;
  readonly conversationId: string;
  /** When it was opened (simulated minutes). */
  readonly openedAt: number;
  /** Who asked the service to open it. */
  readonly requester: string;
  /** The warrant cited, or null when none was. */
  readonly warrantId: string | null;
  /** Hex SHA-256 of the previous entry's hash ‖ this entry's fields. */
  readonly hash: string;
}

/** An entry before it is chained. */
export type EscrowLogRequest = Omit<EscrowLogEntry, 'index' | 'hash'>;

const GENESIS = new Uint8Array(32);

function field(text: string): Uint8Array {
  const b = utf8ToBytes(text);
  return concatBytes(i2osp(b.length, 2), b);
}

function entryHash(previous: Uint8Array, index: number, r: EscrowLogRequest): Uint8Array {
  return sha256(
    previous,
    i2osp(index, 4),
    i2osp(r.messageSeq, 4),
    field(r.conversationId),
    i2osp(r.openedAt, 6),
    field(r.requester),
    field(r.warrantId ?? ''),
  );
}

function hexToBytes32(hex: string): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** The log with `request` appended (the log itself is never changed in place). */
export function appendToLog(log: readonly EscrowLogEntry[], request: EscrowLogRequest): EscrowLogEntry[] {
  const previous = log.length === 0 ? GENESIS : hexToBytes32(log[log.length - 1]!.hash);
  const index = log.length;
  return [...log, { ...request, index, hash: bytesToHex(entryHash(previous, index, request)) }];
}

/**
 * Recomputes the chain. Returns null when every entry is intact and in place, else the index of the
 * first entry that does not follow from the ones before it. A log that was cut short verifies, so
 * auditors compare its last hash with the one they last saw (`headHash`).
 */
export function firstBrokenEntry(log: readonly EscrowLogEntry[]): number | null {
  let previous: Uint8Array = GENESIS;
  for (let i = 0; i < log.length; i++) {
    const e = log[i]!;
    const expected = entryHash(previous, i, e);
    if (e.index !== i || bytesToHex(expected) !== e.hash) return i;
    previous = expected;
  }
  return null;
}

/** The hash an auditor keeps to detect a log cut short later: the last entry's, or 64 zeros. */
export function headHash(log: readonly EscrowLogEntry[]): string {
  return log.length === 0 ? bytesToHex(GENESIS) : log[log.length - 1]!.hash;
}
