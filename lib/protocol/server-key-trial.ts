/**
 * The relay operator tries to read what it stores with what it holds. The server holds public
 * values only: the identity public keys it serves (and prekeys, in ratchet mode). This runs real
 * AEAD opens over every stored envelope with every key the server can make from those values:
 * each public key used as the message key, and the static conversation key computed with one
 * public key in the place of a secret key (static-session.ts). None is the key, so none opens:
 * the point of end-to-end encryption, checked rather than asserted.
 * @module
 */
import { AeadOpenError } from '@/lib/crypto/aead';
import { encodeHeader } from './envelope-header';
import type { KeyDirectory } from './key-directory';
import { openMessage } from './message-encryption';
import type { WireRecord } from './relay';
import { deriveStaticConversationKey } from './static-session';
import { X25519Error } from '@/lib/crypto/x25519';

/** One 32-byte key to try, with how it was made. */
export interface CandidateKey {
  readonly label: string;
  readonly key: Uint8Array;
}

/** What the attempt gave. */
export interface KeyTrialResult {
  readonly keys: number;
  readonly envelopes: number;
  /** keys × envelopes AEAD opens run. */
  readonly attempts: number;
  /** Envelopes some key opened. */
  readonly opened: number;
}

/**
 * Every key the server can make from public values alone, for the conversations in `records`.
 * In ratchet mode a message key comes out of the ratchet, not straight from these values, so the
 * same keys stand for the operator's best guess there too.
 */
export function serverHeldKeyCandidates(records: readonly WireRecord[], directory: KeyDirectory): CandidateKey[] {
  const publics = [
    ...Object.values(directory.identities).map((i) => ({
      label: `${i.name}'s identity public key`,
      key: i.identityPublicKey,
    })),
    ...Object.values(directory.prekeys).map((p) => ({
      label: `prekey of '${p.owner}' for '${p.conversationId}'`,
      key: p.publicKey,
    })),
  ];
  const conversations = [...new Set(records.map((r) => r.envelope.header.conversationId))];
  const derived: CandidateKey[] = [];
  for (const conversationId of conversations) {
    for (const a of publics) {
      for (const b of publics) {
        if (a === b) continue;
        try {
          derived.push({
            label: `HKDF(X25519(${a.label} used as a secret, ${b.label})) for '${conversationId}'`,
            key: deriveStaticConversationKey(a.key, b.key, conversationId),
          });
        } catch (e) {
          // An all-zero X25519 output (RFC 7748 §6.1) gives no key to try.
          if (!(e instanceof X25519Error)) throw e;
        }
      }
    }
  }
  return [...publics, ...derived];
}

/** Tries every key on every record's AEAD (header as associated data) and counts what opens. */
export function tryKeysOnRecords(records: readonly WireRecord[], keys: readonly CandidateKey[]): KeyTrialResult {
  let opened = 0;
  for (const r of records) {
    const headerBytes = encodeHeader(r.envelope.header);
    const opens = keys.some(({ key }) => {
      try {
        openMessage(r.envelope.header, headerBytes, key, r.envelope.ciphertext);
        return true;
      } catch (e) {
        if (e instanceof AeadOpenError) return false;
        throw e;
      }
    });
    if (opens) opened++;
  }
  return { keys: keys.length, envelopes: records.length, attempts: keys.length * records.length, opened };
}
