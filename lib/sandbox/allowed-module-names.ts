/**
 * The module names learner code may import, without the modules themselves (so the page, Monaco's
 * type setup and error messages can name them without bundling noble). The runner's table in
 * allowed-modules.ts must provide exactly these; a test checks that.
 * @module
 */

/** Every module specifier learner code may import, in the order shown to learners. */
export const ALLOWED_MODULE_NAMES = [
  '@noble/curves/ed25519.js',
  '@noble/ciphers/chacha.js',
  '@noble/ciphers/aes.js',
  '@noble/ciphers/utils.js',
  '@noble/hashes/hkdf.js',
  '@noble/hashes/sha2.js',
  '@noble/hashes/hmac.js',
  '@noble/hashes/utils.js',
  'backdoor-lab',
] as const;

/** One of {@link ALLOWED_MODULE_NAMES}. */
export type AllowedModuleName = (typeof ALLOWED_MODULE_NAMES)[number];

/** Whether `name` is a module learner code may import. */
export function isAllowedModuleName(name: unknown): name is AllowedModuleName {
  return typeof name === 'string' && (ALLOWED_MODULE_NAMES as readonly string[]).includes(name);
}

/** The message for an import outside the allowlist; names what was asked for and what exists. */
export function refusedImportMessage(name: unknown): string {
  const asked =
    typeof name === 'string' ? `'${name.length > 120 ? name.slice(0, 120) + '…' : name}'` : `a ${typeof name}`;
  return (
    `Cannot import ${asked}: the code lab has no network and no other modules. ` +
    `You can import: ${ALLOWED_MODULE_NAMES.join(', ')}.`
  );
}
