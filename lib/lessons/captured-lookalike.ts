/**
 * Whether an envelope a learner hands in as their own is really one from the capture: the same
 * bytes, or a trivial transform of them (hex instead of bytes is already undone by the caller). A
 * forgery check asks this first, so a replay is named as a replay, whatever the recipient would
 * say about it.
 * @module
 */
import { sameBytes } from '../sandbox/result-values';

/** One captured envelope as the learner saw it. */
export interface CapturedEnvelope {
  readonly seq: number;
  readonly header: Uint8Array;
  readonly ciphertext: Uint8Array;
}

/** Poly1305's tag length (RFC 8439 §2.5): the last bytes of every sealed message. */
const TAG_LENGTH = 16;

/** Fewer differing bytes than this, at equal length, is an edit of a captured ciphertext (a bit flip). */
const EDIT_DISTANCE = 8;

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let i = 0; i < needle.length; i++) if (haystack[start + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}

function differingBytes(a: Uint8Array, b: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) count++;
  return count;
}

/**
 * Describes how `envelope` comes from the capture ("is captured envelope 41, replayed unchanged"),
 * or returns undefined when it does not: no captured envelope has its bytes, its ciphertext, its
 * tag, or a ciphertext it contains or differs from in a few bytes.
 */
export function capturedLookalike(
  envelope: { header: Uint8Array; ciphertext: Uint8Array },
  captured: readonly CapturedEnvelope[],
): string | undefined {
  const { header, ciphertext } = envelope;
  const tag = ciphertext.length >= TAG_LENGTH ? ciphertext.subarray(ciphertext.length - TAG_LENGTH) : undefined;
  for (const c of captured) {
    const sameCiphertext = sameBytes(ciphertext, c.ciphertext);
    if (sameCiphertext && sameBytes(header, c.header)) return `is captured envelope ${c.seq}, replayed unchanged`;
    if (sameCiphertext) return `carries the ciphertext of captured envelope ${c.seq} under another header`;
    if (contains(ciphertext, c.ciphertext)) return `contains the ciphertext of captured envelope ${c.seq}`;
    if (ciphertext.length === c.ciphertext.length && differingBytes(ciphertext, c.ciphertext) < EDIT_DISTANCE) {
      return `is the ciphertext of captured envelope ${c.seq} with a few bytes changed`;
    }
    if (tag && sameBytes(tag, c.ciphertext.subarray(c.ciphertext.length - TAG_LENGTH)))
      return `reuses the authentication tag of captured envelope ${c.seq}`;
  }
  return undefined;
}
