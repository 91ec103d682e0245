/**
 * A trace is the ordered list of named intermediate values an operation computed. The UI replays a
 * trace step by step; tests compare named entries against RFC vectors. Values are the real bytes the
 * operation used, never re-derived for display.
 * @module
 */

/** One named intermediate value, e.g. HPKE's `shared_secret`, with a sentence on where it came from. */
export interface TraceEntry {
  /** Stable name, matching the RFC's name for the value where there is one (`shared_secret`, `prk`). */
  readonly name: string;
  /** The bytes themselves. */
  readonly value: Uint8Array;
  /** Provenance for learners: "HKDF-Extract(salt, ikm)", "X25519(sk_e, pk_R)". */
  readonly from: string;
}

/** An operation's result together with its trace. */
export interface Traced<T> {
  readonly result: T;
  readonly trace: readonly TraceEntry[];
}

/** Looks a value up by name; throws when absent so a test or widget asking for a wrong name fails loudly. */
export function traceValue(trace: readonly TraceEntry[], name: string): Uint8Array {
  const entry = trace.find((e) => e.name === name);
  if (!entry) throw new Error(`trace has no value named '${name}' (has: ${trace.map((e) => e.name).join(', ')})`);
  return entry.value;
}
