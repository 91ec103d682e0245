/**
 * Learner text bounded by what it costs to show, not only by its length. A line of 5,000 combining
 * marks on one letter (or a long emoji ZWJ chain, or conjoining jamo) is a single grapheme cluster
 * that the browser shapes as one glyph stack, which can take seconds while staying within every
 * character cap. So each grapheme cluster keeps at most {@link MAX_CLUSTER_CODE_POINTS} code points,
 * and the line says how many it lost; messages built from learner data (check messages, errors) are
 * also cut to {@link MAX_MESSAGE_CHARS}, so a check never repeats a 10 MB learner string.
 * @module
 */

/** Most code points kept in one grapheme cluster (a letter and a few accents, a family emoji). */
const MAX_CLUSTER_CODE_POINTS = 8;

/** Longest message (check verdict, error) shown to the learner. */
export const MAX_MESSAGE_CHARS = 1000;

/** Characters that can grow a grapheme cluster: combining marks, ZWJ, conjoining jamo. */
const CLUSTER_EXTENDERS = /[\p{M}\u200D\u1100-\u11FF\uD7B0-\uD7FF]/u;

let segmenter: Intl.Segmenter | undefined;

/**
 * Made on first use, not when the module loads: building an Intl object loads ICU data (measured at
 * 70-100 ms of a 4x-throttled main thread, cold), and every exercise page imports this module but
 * only text with a combining mark reaches the segmenter.
 */
function graphemes(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return segmenter;
}

/** `text` with each grapheme cluster cut to {@link MAX_CLUSTER_CODE_POINTS} code points, and a note when any was. */
export function capGraphemeClusters(text: string): string {
  if (!CLUSTER_EXTENDERS.test(text)) return text;
  let removed = 0;
  let out = '';
  for (const { segment } of graphemes().segment(text)) {
    if (segment.length <= MAX_CLUSTER_CODE_POINTS) {
      out += segment;
      continue;
    }
    const codePoints = Array.from(segment);
    out += codePoints.slice(0, MAX_CLUSTER_CODE_POINTS).join('');
    removed += Math.max(0, codePoints.length - MAX_CLUSTER_CODE_POINTS);
  }
  return removed === 0 ? out : `${out} … (truncated: ${removed.toLocaleString('en-US')} combining characters removed)`;
}

/** A learner-facing message: clusters capped, then cut at {@link MAX_MESSAGE_CHARS} with a note. */
export function boundMessage(text: string): string {
  const head = text.length > MAX_MESSAGE_CHARS * 4 ? text.slice(0, MAX_MESSAGE_CHARS * 4) : text;
  const capped = capGraphemeClusters(head);
  if (capped.length <= MAX_MESSAGE_CHARS && head.length === text.length) return capped;
  return `${Array.from(capped.slice(0, MAX_MESSAGE_CHARS)).join('')}… (message cut at ${MAX_MESSAGE_CHARS.toLocaleString('en-US')} characters)`;
}
