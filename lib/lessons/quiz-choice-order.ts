/**
 * The order a quiz question's choices are shown in: a fixed shuffle of meta.ts's order, keyed by
 * the lesson and the question. Authors tend to write the right answer first; shown as written,
 * learners would learn the position instead of the idea. The key makes the order the same on the
 * server and the client (no hydration difference) and across reloads (nothing moves under a
 * returning learner), while saved answers keep meta.ts's indices.
 * @module
 */

/** FNV-1a (32-bit) of the key's UTF-16 code units: a fixed, well-spread number per question. */
function fnv1a(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: a small deterministic generator of floats in [0, 1). Not for secrets: it only orders answers. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The meta.ts indices of a question's `count` choices in the order they are shown (Fisher-Yates
 * driven by the key `<lesson slug>/<question id>`).
 */
export function quizChoiceOrder(lessonSlug: string, questionId: string, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const next = mulberry32(fnv1a(`${lessonSlug}/${questionId}`));
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
