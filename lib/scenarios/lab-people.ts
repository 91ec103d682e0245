/**
 * The small casts the escrow widgets run their own traffic with: Alice, Bob and Carol as
 * lib/protocol participants, their public key directory, and a client context for each. The
 * widgets use the real client code (lib/protocol/device.ts) on these, never a shortcut.
 * @module
 */
import { generateHpkeKeyPair } from '@/lib/crypto/hpke';
import type { RandomSource } from '@/lib/crypto/random';
import { generateKeyPair, type X25519KeyPair } from '@/lib/crypto/x25519';
import type { DeviceContext, EscrowPolicy } from '@/lib/protocol/device';
import type { KeyDirectory, PrekeyRecord } from '@/lib/protocol/key-directory';
import { publicIdentity, type Participant } from '@/lib/protocol/participant';

/** The ids of the lab's people; each is also an actor with a colour in the UI. */
export type LabPersonId = 'alice' | 'bob' | 'carol';

const NAMES: Readonly<Record<LabPersonId, string>> = { alice: 'Alice', bob: 'Bob', carol: 'Carol' };

/** A lab person as a protocol participant, with an existing key pair or a fresh one from `random`. */
export function labPerson(id: LabPersonId, identity: X25519KeyPair | RandomSource): Participant {
  const pair = 'bytes' in identity ? generateKeyPair(identity) : identity;
  return { id, name: NAMES[id], identity: pair };
}

/** The public directory of `people` (identity keys) plus any prekeys. Everything in it is public. */
export function labDirectory(people: readonly Participant[], prekeys: readonly PrekeyRecord[] = []): KeyDirectory {
  return {
    identities: Object.fromEntries(people.map((p) => [p.id, publicIdentity(p)])),
    prekeys: Object.fromEntries(prekeys.map((r) => [r.conversationId, r])),
  };
}

/** The client context of `person`: its identity, the directory, randomness and the escrow rule in force (null: off). */
export function labClient(
  person: Participant,
  directory: KeyDirectory,
  random: RandomSource,
  escrow: EscrowPolicy | null,
): DeviceContext {
  return { self: person.id, identity: person.identity, directory, random, escrow };
}

/** An escrow authority as the lab's widgets hold it: the public key every phone seals to, and the secret key. */
export interface LabEscrowAuthority {
  readonly id: string;
  readonly name: string;
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

/** The escrow rule for one authority: escrow from minute 0, epochs of `epochMinutes` (default one day). */
export function singleAuthorityPolicy(
  authority: Pick<LabEscrowAuthority, 'id' | 'publicKey'>,
  epochMinutes = 1440,
): EscrowPolicy {
  return { enabledAt: 0, epochMinutes, recipients: [{ authorityId: authority.id, publicKey: authority.publicKey }] };
}

/** A new escrow authority: an HPKE (X25519) key pair from `random` (RFC 9180 §7.1 GenerateKeyPair). */
export function createLabAuthority(
  random: RandomSource,
  id = 'escrow-authority',
  name = 'Escrow authority',
): LabEscrowAuthority {
  const pair = generateHpkeKeyPair(random);
  return { id, name, publicKey: pair.publicKey, secretKey: pair.secretKey };
}
