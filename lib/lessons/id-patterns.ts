/**
 * The shapes of ids in lesson files and stored progress. Kept apart from the zod schemas so
 * browser code can check ids without loading the lesson schema.
 *
 * @module
 */

/** kebab-case: lowercase letters and digits separated by single hyphens (slugs, step and quiz ids). */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Action ids reported by widgets: `keypair:bob`, `quiz:why-public`, `tamper`. */
export const ACTION_ID = /^[a-z0-9]+(?:[-:.][a-z0-9]+)*$/;
