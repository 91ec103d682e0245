/**
 * The simulated messaging world: people with identity keys, conversations, a schedule, and the
 * result of actually running it, i.e. every envelope their clients sealed and the relay logged, and
 * every version of every device's key state. Reproducible from the seed: every random byte
 * (schedule, texts, identity keys, prekeys, escrow keys, ratchet keys, HPKE ephemerals) comes from
 * `seededRandom` streams derived from it. (Exception: Shamir shares, see escrow-setup.ts.)
 *
 * Delivery is immediate and in order: at each message's `sentAt` the sender seals it, the relay
 * logs it and the recipient's client opens it, so the honest path never needs skipped keys.
 *
 * A World is plain data (objects, arrays, Uint8Array): it crosses to a Web Worker by structured
 * clone. It is the simulator's god view and holds secrets; attackers get only what
 * `captureFor`/`lootFor` (capability.ts) hand them.
 * @module
 */
import { seededRandom } from '@/lib/crypto/random';
import type { X25519KeyPair } from '@/lib/crypto/x25519';
import { rememberingBothEnds } from '@/lib/crypto/x25519-both-ends';
import { detectX25519Engine, type X25519Engine } from '@/lib/crypto/x25519-platform';
import {
  generatePrekey,
  initialConversationKeyState,
  receiveMessageWith,
  sendMessageWith,
  type ConversationKeyState,
  type DeviceContext,
} from './device';
import type { KeyAgreementMode } from './envelope-header';
import { createEscrowSetup, escrowPolicyOf, type EscrowOptions, type EscrowSetup } from './escrow-setup';
import type { KeyDirectory, PrekeyRecord } from './key-directory';
import {
  createParticipant,
  publicIdentity,
  type Participant,
  type ParticipantId,
  type PublicIdentity,
} from './participant';
import { createRelayLog, relayEnvelope, type RelayLog } from './relay';
import { generateSchedule, type Conversation, type ScheduledMessage } from './schedule';
import { MINUTES_PER_DAY, type SimTime } from './sim-time';

/** How to build a world. Only the seed is required. */
export interface WorldOptions {
  readonly seed: string;
  /** Default 8 (at most 16). */
  readonly people?: number;
  /** Default 20 one-to-one conversations. */
  readonly conversations?: number;
  /** Default 300 messages. */
  readonly messages?: number;
  /** Default 30 days. */
  readonly durationMinutes?: number;
  /** Default `'ratchet'`. */
  readonly mode?: KeyAgreementMode;
  /** Exceptional access; default `null` (off). */
  readonly escrow?: EscrowOptions | null;
}

/** The options with every default applied. */
export interface ResolvedWorldOptions {
  readonly seed: string;
  readonly people: number;
  readonly conversations: number;
  readonly messages: number;
  readonly durationMinutes: number;
  readonly mode: KeyAgreementMode;
  readonly escrow: EscrowOptions | null;
}

/** A device's key state for one conversation from one event on: `seq` is the relay seq of the event (-1: before any message). */
export interface SessionVersion {
  readonly seq: number;
  readonly at: SimTime;
  readonly state: ConversationKeyState;
}

/** Every version of every device's per-conversation key state: `history[participant][conversationId]`, in time order. */
export type DeviceHistory = Readonly<Record<ParticipantId, Readonly<Record<string, readonly SessionVersion[]>>>>;

/** A generated world. */
export interface World {
  readonly options: ResolvedWorldOptions;
  readonly mode: KeyAgreementMode;
  readonly participants: readonly Participant[];
  readonly conversations: readonly Conversation[];
  /** Who sent what to whom when, in time order; `schedule[i]` is the message in `relay.records[i]`. */
  readonly schedule: readonly ScheduledMessage[];
  /** The relay's wire log. */
  readonly relay: RelayLog;
  /** The public key directory (identity keys; prekeys in ratchet mode). */
  readonly directory: KeyDirectory;
  /** Null when escrow is off. */
  readonly escrow: EscrowSetup | null;
  readonly deviceHistory: DeviceHistory;
  /** The minute of the last message. */
  readonly endsAt: SimTime;
  /** The message naming "the old boathouse". */
  readonly meetingPlace: { readonly phrase: string; readonly messageIndex: number };
}

/** Fills in defaults: 8 people, 20 conversations, 300 messages, 30 days, ratchet, no escrow. */
function resolveWorldOptions(options: WorldOptions): ResolvedWorldOptions {
  if (typeof options.seed !== 'string' || options.seed.length === 0)
    throw new RangeError('world seed: a non-empty string is required');
  return {
    seed: options.seed,
    people: options.people ?? 8,
    conversations: options.conversations ?? 20,
    messages: options.messages ?? 300,
    durationMinutes: options.durationMinutes ?? 30 * MINUTES_PER_DAY,
    mode: options.mode ?? 'ratchet',
    escrow: options.escrow ?? null,
  };
}

/** What world generation runs on (not part of the world: any choice gives the same bytes). */
export interface WorldEngine {
  /** Answers the DH ratchet steps' X25519 operations; default: the platform's WebCrypto X25519 if present, else noble. */
  readonly x25519?: X25519Engine;
}

/**
 * Builds and runs a world. Each ratchet turn costs a DH ratchet step (a key generation and two
 * X25519 operations); those go to `engine.x25519`, by default the platform's X25519, tens of times
 * faster than noble's for a 10,000-message world. See scripts/bench-escrow.ts.
 */
export async function generateWorld(options: WorldOptions, engine: WorldEngine = {}): Promise<World> {
  const resolved = resolveWorldOptions(options);
  // The generator plays both ends of every exchange, so each DH value is computed once, not twice.
  const x25519 = rememberingBothEnds(engine.x25519 ?? (await detectX25519Engine()));
  const { seed, mode } = resolved;
  const schedule = generateSchedule(resolved, seededRandom(`${seed}|schedule`));

  const identityRandom = seededRandom(`${seed}|identities`);
  const participants = schedule.people.map((p) => createParticipant(p.name, identityRandom));
  const byId = new Map(participants.map((p) => [p.id, p]));
  const identities: Record<ParticipantId, PublicIdentity> = {};
  for (const p of participants) identities[p.id] = publicIdentity(p);

  // Ratchet mode: each responder publishes a one-time prekey per conversation (simplified X3DH).
  const prekeyRandom = seededRandom(`${seed}|prekeys`);
  const prekeys: Record<string, PrekeyRecord> = {};
  const prekeySecrets = new Map<string, X25519KeyPair>();
  if (mode === 'ratchet') {
    for (const c of schedule.conversations) {
      const pair = generatePrekey(prekeyRandom);
      prekeySecrets.set(c.id, pair);
      prekeys[c.id] = { owner: c.responder, conversationId: c.id, publicKey: pair.publicKey };
    }
  }
  const directory: KeyDirectory = { identities, prekeys };

  const escrow = resolved.escrow ? await createEscrowSetup(resolved.escrow, seededRandom(`${seed}|escrow`)) : null;
  const policy = escrow ? escrowPolicyOf(escrow) : null;

  const deviceRandom = seededRandom(`${seed}|devices`);
  const contexts = new Map<ParticipantId, DeviceContext>(
    participants.map((p) => [
      p.id,
      { self: p.id, identity: p.identity, directory, random: deviceRandom, escrow: policy },
    ]),
  );
  const history: Record<ParticipantId, Record<string, SessionVersion[]>> = {};
  for (const p of participants) history[p.id] = {};
  for (const c of schedule.conversations) {
    for (const [self, peer, role] of [
      [c.initiator, c.responder, 'initiator'],
      [c.responder, c.initiator, 'responder'],
    ] as const) {
      const state = initialConversationKeyState(mode, role, {
        conversationId: c.id,
        peer,
        identity: byId.get(self)!.identity,
        directory,
        prekey: role === 'responder' ? prekeySecrets.get(c.id) : undefined,
      });
      history[self]![c.id] = [{ seq: -1, at: 0, state }];
    }
  }

  const relay = createRelayLog();
  const latest = (who: ParticipantId, conv: string) => {
    const versions = history[who]![conv]!;
    return versions[versions.length - 1]!.state;
  };
  for (const m of schedule.messages) {
    const sent = await sendMessageWith(
      latest(m.sender, m.conversationId),
      m.text,
      m.sentAt,
      contexts.get(m.sender)!,
      x25519,
    );
    const record = relayEnvelope(relay, sent.envelope);
    history[m.sender]![m.conversationId]!.push({ seq: record.seq, at: m.sentAt, state: sent.state });
    const received = await receiveMessageWith(
      latest(m.recipient, m.conversationId),
      sent.envelope,
      contexts.get(m.recipient)!,
      x25519,
    );
    if (received.plaintext !== m.text) throw new Error(`world: message ${m.index} did not round-trip`);
    history[m.recipient]![m.conversationId]!.push({ seq: record.seq, at: m.sentAt, state: received.state });
  }

  return {
    options: resolved,
    mode,
    participants,
    conversations: schedule.conversations,
    schedule: schedule.messages,
    relay,
    directory,
    escrow,
    deviceHistory: history,
    endsAt: schedule.messages[schedule.messages.length - 1]?.sentAt ?? 0,
    meetingPlace: schedule.meetingPlace,
  };
}
