/** Members with real X25519 identities for the room-device tests. */
import { bytesToHex } from '@/lib/crypto/bytes';
import { seededRandom } from '@/lib/crypto/random';
import { generateKeyPair, type X25519KeyPair } from '@/lib/crypto/x25519';
import type { RoomMember } from '@/lib/room/room-protocol';

export interface TestMember {
  readonly member: RoomMember;
  readonly identity: X25519KeyPair;
  readonly self: { readonly id: string; readonly secretKey: Uint8Array };
}

/** `names.length` members with 22-character ids (as the relay assigns) and seeded keys. */
export function testMembers(names: readonly string[], seed = 'room-test'): TestMember[] {
  const random = seededRandom(seed);
  return names.map((name, i) => {
    const identity = generateKeyPair(random);
    const id = `${name.toLowerCase()}${'x'.repeat(22)}`.slice(0, 21) + String(i);
    return {
      member: { id, name, publicKey: bytesToHex(identity.publicKey), joinedAt: i },
      identity,
      self: { id, secretKey: identity.secretKey },
    };
  });
}
