/**
 * The people in the simulated world. Each holds an X25519 identity key pair (RFC 7748) made from a
 * {@link RandomSource}, so a seeded world gives everyone the same keys on every machine.
 * @module
 */
import type { RandomSource } from '@/lib/crypto/random';
import { generateKeyPair, type X25519KeyPair } from '@/lib/crypto/x25519';

/** A participant's stable id: the lower-case first name, e.g. `'alice'`. */
export type ParticipantId = string;

/** A person with an identity key pair. The secret key lives only on their device (and in the simulator's god view). */
export interface Participant {
  readonly id: ParticipantId;
  /** Display name, e.g. "Alice". */
  readonly name: string;
  /** Long-term identity key pair; the public half is published in the key directory. */
  readonly identity: X25519KeyPair;
}

/** What anyone may know about a participant: the id, the name and the identity public key. */
export interface PublicIdentity {
  readonly id: ParticipantId;
  readonly name: string;
  readonly identityPublicKey: Uint8Array;
}

/**
 * Names for the simulated people, in the order a world takes them. The usual cast of cryptography
 * examples, leaving out the ones that name attackers (Eve, Mallory), since the attacker is the learner.
 */
export const PARTICIPANT_NAMES: readonly string[] = [
  'Alice',
  'Bob',
  'Carol',
  'Dave',
  'Erin',
  'Frank',
  'Grace',
  'Heidi',
  'Ivan',
  'Judy',
  'Niaj',
  'Olivia',
  'Peggy',
  'Rupert',
  'Sybil',
  'Walter',
];

/** Creates a participant named `name` with a fresh identity key pair drawn from `random`. */
export function createParticipant(name: string, random: RandomSource): Participant {
  if (!/^[A-Za-z][A-Za-z-]{0,31}$/.test(name)) {
    throw new RangeError(`participant name must be 1-32 letters, got '${name}'`);
  }
  return { id: name.toLowerCase(), name, identity: generateKeyPair(random) };
}

/** The public part of a participant, safe to show to anyone (and what the key directory holds). */
export function publicIdentity(participant: Participant): PublicIdentity {
  return { id: participant.id, name: participant.name, identityPublicKey: participant.identity.publicKey };
}
