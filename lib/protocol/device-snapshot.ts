/**
 * A stolen phone: the key material a participant's device holds at a moment, and nothing else.
 * That is the identity key pair plus, per conversation, the session state in force after every
 * message sent or received up to and including that minute: the static conversation key, or the
 * Double Ratchet state (root key, current ratchet key pairs, chain keys, counters), and with escrow
 * the current escrow chain position. Message keys already used were deleted by the protocol and are
 * not here; neither is any plaintext (we model key material only, as if messages disappeared after
 * reading; a real phone's message database would be a separate loss).
 * @module
 */
import type { X25519KeyPair } from '@/lib/crypto/x25519';
import type { ConversationKeyState } from './device';
import type { KeyAgreementMode } from './envelope-header';
import type { ParticipantId } from './participant';
import { assertSimTime, type SimTime } from './sim-time';
import type { SessionVersion, World } from './world';

/** Everything a device holds at `takenAt`. Plain data. */
export interface DeviceSnapshot {
  readonly participantId: ParticipantId;
  readonly takenAt: SimTime;
  readonly mode: KeyAgreementMode;
  readonly identity: X25519KeyPair;
  /** Per conversation the device takes part in, its key state at `takenAt`. */
  readonly conversations: Readonly<Record<string, ConversationKeyState>>;
}

function lastVersion(versions: readonly SessionVersion[], keep: (v: SessionVersion) => boolean): SessionVersion {
  // Versions are in time order; binary search for the last one that passes.
  let lo = 0;
  let hi = versions.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keep(versions[mid]!)) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return versions[found]!;
}

/** The device of `participantId` as it is at minute `takenAt` (after every message sent or received at or before it). */
export function deviceSnapshotAt(world: World, participantId: ParticipantId, takenAt: SimTime): DeviceSnapshot {
  assertSimTime(takenAt, 'theft time');
  const participant = world.participants.find((p) => p.id === participantId);
  const history = world.deviceHistory[participantId];
  if (!participant || !history) throw new RangeError(`no participant '${participantId}' in this world`);
  const conversations: Record<string, ConversationKeyState> = {};
  for (const [conversationId, versions] of Object.entries(history)) {
    conversations[conversationId] = lastVersion(versions, (v) => v.seq < 0 || v.at <= takenAt).state;
  }
  return { participantId, takenAt, mode: world.mode, identity: participant.identity, conversations };
}

/** The state `participantId` holds for a conversation just before the relay record `seq` reached it. */
export function conversationStateBefore(
  world: World,
  participantId: ParticipantId,
  conversationId: string,
  seq: number,
): ConversationKeyState {
  const versions = world.deviceHistory[participantId]?.[conversationId];
  if (!versions) throw new RangeError(`'${participantId}' has no conversation '${conversationId}'`);
  return lastVersion(versions, (v) => v.seq < seq).state;
}
