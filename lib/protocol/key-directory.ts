/**
 * The public key directory the relay serves: everyone's identity public key and, in ratchet mode,
 * the one-time prekey each responder published for a conversation (simplified X3DH, see x3dh.ts).
 * Everything here is public: a wire tap or the server operator has it too.
 * @module
 */
import type { ParticipantId, PublicIdentity } from './participant';

/** A prekey a responder published so that an initiator can start a conversation while it is offline. */
export interface PrekeyRecord {
  readonly owner: ParticipantId;
  readonly conversationId: string;
  readonly publicKey: Uint8Array;
}

/** Identity keys by participant id and prekeys by conversation id. */
export interface KeyDirectory {
  readonly identities: Readonly<Record<ParticipantId, PublicIdentity>>;
  readonly prekeys: Readonly<Record<string, PrekeyRecord>>;
}

/** The identity public key of `participant`; throws a RangeError naming the unknown id. */
export function identityPublicKeyOf(directory: KeyDirectory, participant: ParticipantId): Uint8Array {
  const identity = directory.identities[participant];
  if (!identity) throw new RangeError(`key directory has no identity for '${participant}'`);
  return identity.identityPublicKey;
}
