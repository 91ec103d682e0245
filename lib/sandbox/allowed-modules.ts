/**
 * The modules learner code can import, as real module objects: the runner's `require` answers from
 * this table and from nothing else. Each entry is a frozen copy of the module namespace, so a run
 * cannot swap `x25519` for something else behind a later import (each run has its own runner anyway).
 * @module
 */
import * as ed25519 from '@noble/curves/ed25519.js';
import * as chacha from '@noble/ciphers/chacha.js';
import * as aes from '@noble/ciphers/aes.js';
import * as cipherUtils from '@noble/ciphers/utils.js';
import * as hkdf from '@noble/hashes/hkdf.js';
import * as sha2 from '@noble/hashes/sha2.js';
import * as hmac from '@noble/hashes/hmac.js';
import * as hashUtils from '@noble/hashes/utils.js';
import * as labHelpers from './lab-helpers';
import type { AllowedModuleName } from './allowed-module-names';

/** A module as learner code receives it from `require`. */
export type LearnerModule = Readonly<Record<string, unknown>>;

/** The runner's module table: exactly the allowlisted names. */
export type ModuleTable = Readonly<Record<AllowedModuleName, LearnerModule>>;

/**
 * `__esModule` makes sucrase's interop treat the object as an ES module, so `import x from` gets
 * the `default` export (none here, as in Node) instead of the whole namespace.
 */
function asLearnerModule(namespace: object): LearnerModule {
  return Object.freeze({ ...namespace, __esModule: true });
}

/** Builds the table. Called once per runner; the modules themselves are loaded with the bundle. */
export function createModuleTable(): ModuleTable {
  return Object.freeze({
    '@noble/curves/ed25519.js': asLearnerModule(ed25519),
    '@noble/ciphers/chacha.js': asLearnerModule(chacha),
    '@noble/ciphers/aes.js': asLearnerModule(aes),
    '@noble/ciphers/utils.js': asLearnerModule(cipherUtils),
    '@noble/hashes/hkdf.js': asLearnerModule(hkdf),
    '@noble/hashes/sha2.js': asLearnerModule(sha2),
    '@noble/hashes/hmac.js': asLearnerModule(hmac),
    '@noble/hashes/utils.js': asLearnerModule(hashUtils),
    'backdoor-lab': asLearnerModule(labHelpers),
  });
}
