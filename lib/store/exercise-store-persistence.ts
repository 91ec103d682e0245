/**
 * What a code exercise keeps across reloads, and how it reads it back: the learner's draft (the raw
 * code, under `backdoor-lab:draft:<id>`) and the attempts (exercise-attempts.ts, next to it). The
 * storage is injected (localStorage on the page, a Map in tests) and every call is wrapped: a storage
 * that is disabled, full or throws leaves the value in this tab only, never an error.
 * @module
 */

/** The part of the Web Storage API the exercise store uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Storage key of an exercise's draft. */
export function draftKey(exerciseId: string): string {
  return `backdoor-lab:draft:${exerciseId}`;
}

/** Reads `key`, or null when there is nothing or the storage cannot be read. */
export function readStored(storage: KeyValueStorage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes `value` under `key` (null removes it); a storage that refuses keeps nothing, silently. */
export function writeStored(storage: KeyValueStorage | undefined, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Storage full or disabled: the value lives only in this tab.
  }
}

/** Shown above the editor when a stored draft could not be used. */
export const DAMAGED_DRAFT_MESSAGE =
  'Your saved code for this exercise could not be read (the stored copy is damaged), so the starter code is shown. ' +
  'The damaged copy stays stored until you edit the code or reset it.';

/** A stored draft as read back: nothing, the learner's code, or a copy that cannot be the learner's code. */
export type StoredDraft =
  { readonly kind: 'none' } | { readonly kind: 'code'; readonly code: string } | { readonly kind: 'damaged' };

/**
 * A NUL, or half of a UTF-16 surrogate pair without its other half. Neither can be typed or pasted
 * into the editor (a pasted character outside the BMP always arrives as a whole pair), so a draft
 * holding one was cut or overwritten in storage, and showing it would put broken text in the editor.
 */
const DAMAGE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Reads a stored draft (the raw code, as written by {@link writeStored}). */
export function parseStoredDraft(raw: string | null): StoredDraft {
  if (raw === null) return { kind: 'none' };
  return DAMAGE.test(raw) ? { kind: 'damaged' } : { kind: 'code', code: raw };
}
