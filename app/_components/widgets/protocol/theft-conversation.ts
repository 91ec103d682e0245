/**
 * The conversation DeviceTheft runs, as its views share it: who sends each message, and one run's
 * result (the recorded conversation and what the thief made of it).
 */
import type { X25519KeyPair } from '@/lib/crypto/x25519';
import type { DecryptionReport } from '@/lib/protocol/decrypt-capture';
import type { DeviceSnapshot } from '@/lib/protocol/device-snapshot';
import type { TheftTimeline } from '@/lib/protocol/theft-timeline';
import type { TwoPartyConversation, TwoPartyMember } from '@/lib/protocol/two-party-conversation';

/** How the widget names the two members. */
export const MEMBER_NAME: Record<TwoPartyMember, string> = { alice: 'Alice', bob: 'Bob' };
/** Who sends message `i` (0-based): Alice first, then turn about. */
export const senderOf = (i: number): TwoPartyMember => (i % 2 === 0 ? 'alice' : 'bob');

/** One run: the recorded conversation and what the thief made of it. */
export interface TheftResult {
  readonly identities: Readonly<Record<TwoPartyMember, X25519KeyPair>>;
  readonly texts: readonly string[];
  readonly conversation: TwoPartyConversation;
  /** 1-based: the phone was taken right after this message. */
  readonly after: number;
  readonly phone: DeviceSnapshot;
  readonly report: DecryptionReport;
  readonly timeline: TheftTimeline;
}
