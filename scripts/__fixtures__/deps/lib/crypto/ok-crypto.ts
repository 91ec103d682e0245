import { sha256 } from '@noble/hashes/sha2.js';

export const digest = (bytes: Uint8Array) => sha256(bytes);
