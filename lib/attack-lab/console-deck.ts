/**
 * The thief's deck: which capability cards a console shows, what the learner chose on them (whose
 * phone, which day, how the key is stolen, which pieces), and the capability each switched-on card
 * puts in the wallet. A lesson console has a fixed deck (Bob's phone, one or two governments' keys);
 * the attack lab's deck is configurable. Pure functions over a world's summary: the store
 * (lib/store/attack-console-store.ts) keeps the choices and the wallet, the world worker decides
 * what the capabilities yield.
 * @module
 */
import type { Capability, EscrowTheftScenario } from '@/lib/protocol/capability';
import type { ParticipantId } from '@/lib/protocol/participant';
import { MINUTES_PER_DAY, noonOfDay, type SimTime } from '@/lib/protocol/sim-time';
import type { WorldSummary } from './world-messages';

/** Which deck a console shows: the lesson's fixed one (one or two governments) or the lab's full one. */
export type ConsoleDeck = { readonly kind: 'lesson'; readonly authorities: 'one' | 'two' } | { readonly kind: 'lab' };

/** A wallet slot: one per card ("escrow:<authority id>" per government in a lesson). */
export type DeckSlot = 'wire' | 'server' | 'device' | 'escrow' | 'pieces' | `escrow:${string}`;

/** What the learner chose on the cards. A lesson uses only `scenario`. */
export interface DeckChoices {
  /** How the escrow key is stolen; null in a lesson until the learner picks one. */
  readonly scenario: EscrowTheftScenario | null;
  /** Whose phone (lab). */
  readonly victim: ParticipantId;
  /** Day the phone is stolen, from 1 (lab; 0 until there is a world: half-way then). */
  readonly theftDay: number;
  /** Whose escrow key, when there are several authorities (lab; '' for the default). */
  readonly authority: string;
  /** Day the escrow key or the pieces are stolen, from 1 (lab; 0 until there is a world: half-way then). */
  readonly keyDay: number;
  /** Agencies whose key pieces are stolen (lab). */
  readonly pieces: readonly string[];
  /** Agencies whose stolen copy is damaged (lab; only those among `pieces` count). */
  readonly corrupt: readonly string[];
}

/** A capability for a slot, and when the theft happened if the capability carries no time itself. */
export interface SlotCapability {
  readonly capability: Capability;
  readonly at?: SimTime;
}

/** Record every envelope on the backbone. */
function tapWire(): Capability {
  return { kind: 'tap-wire' };
}

/** Take over the relay (its whole wire log). */
function takeOverServer(): Capability {
  return { kind: 'take-over-server' };
}

/** Steal `participant`'s phone at minute `at`. */
function stealDevice(participant: ParticipantId, at: SimTime): Capability {
  return { kind: 'steal-device', participant, at };
}

/** Steal an escrow secret key; `authorityId` picks a government ('' or omitted: the first). */
function stealEscrowKey(scenario: EscrowTheftScenario, authorityId?: string): Capability {
  return { kind: 'steal-escrow-key', scenario, ...(authorityId ? { authorityId } : {}) };
}

/** Steal the pieces held by `agencies`, the copies from `corrupt` damaged (only stolen ones count). */
export function stealKeyPieces(agencies: readonly string[], corrupt: readonly string[]): Capability {
  return { kind: 'steal-key-pieces', agencies, corrupt: corrupt.filter((c) => agencies.includes(c)) };
}

/** The governments of a lesson console, in the order the deck shows them (Northland, then Southland). */
export function lessonGovernments(authorities: 'one' | 'two'): readonly string[] {
  return authorities === 'two' ? ['northland', 'southland'] : ['escrow-authority'];
}

/** The days a theft can happen on: 1 to the last day with traffic. */
export function dayOptions(world: Pick<WorldSummary, 'endsAt'>): number[] {
  return Array.from({ length: Math.floor(world.endsAt / MINUTES_PER_DAY) + 1 }, (_, i) => i + 1);
}

/** When a theft "on day `day`" happens: noon, or the last message if that is earlier. */
export function theftTime(world: Pick<WorldSummary, 'endsAt'>, day: number): SimTime {
  return Math.min(world.endsAt, noonOfDay(day));
}

/** The choices before any world: a lesson has not picked a story yet; the lab starts with the insider. */
export function initialChoices(deck: ConsoleDeck): DeckChoices {
  return {
    scenario: deck.kind === 'lab' ? 'insider' : null,
    victim: '',
    theftDay: 0,
    authority: '',
    keyDay: 0,
    pieces: [],
    corrupt: [],
  };
}

/**
 * The choices for a newly generated world: what was chosen before where it still fits (the same
 * person, day, authority and agencies exist), the defaults otherwise (the second person's phone,
 * half-way through, the first authority, no pieces).
 */
export function choicesForWorld(
  world: Pick<WorldSummary, 'endsAt' | 'participants' | 'escrow'>,
  previous: DeckChoices,
): DeckChoices {
  const days = dayOptions(world).length;
  const mid = Math.max(1, Math.ceil(days / 2));
  const people = world.participants.map((p) => p.id);
  const authorities = world.escrow?.authorities.map((a) => a.id) ?? [];
  const agencies = world.escrow?.agencies.map((a) => a.agencyId) ?? [];
  const day = (d: number) => (d >= 1 && d <= days ? d : mid);
  return {
    scenario: previous.scenario,
    victim: people.includes(previous.victim) ? previous.victim : (people[1] ?? people[0] ?? ''),
    theftDay: day(previous.theftDay),
    authority: authorities.includes(previous.authority) ? previous.authority : (authorities[0] ?? ''),
    keyDay: day(previous.keyDay),
    pieces: previous.pieces.filter((p) => agencies.includes(p)),
    corrupt: previous.corrupt.filter((p) => agencies.includes(p)),
  };
}

/**
 * The capability a card puts in its slot, built from the choices; null for a slot the deck does
 * not have. A lesson's phone is Bob's as it is at the end of the traffic; its escrow slots steal
 * that government's key (the insider's story until one is picked).
 */
export function slotCapability(
  deck: ConsoleDeck,
  slot: string,
  choices: DeckChoices,
  world: Pick<WorldSummary, 'endsAt'>,
): SlotCapability | null {
  if (slot === 'wire') return { capability: tapWire() };
  if (slot === 'server') return { capability: takeOverServer() };
  if (deck.kind === 'lesson') {
    if (slot === 'device') return { capability: stealDevice('bob', world.endsAt) };
    const government = slot.startsWith('escrow:') ? slot.slice('escrow:'.length) : null;
    if (government && lessonGovernments(deck.authorities).includes(government))
      return { capability: stealEscrowKey(choices.scenario ?? 'insider', government) };
    return null;
  }
  if (slot === 'device') return { capability: stealDevice(choices.victim, theftTime(world, choices.theftDay)) };
  const keyAt = theftTime(world, choices.keyDay);
  if (slot === 'escrow')
    return { capability: stealEscrowKey(choices.scenario ?? 'insider', choices.authority), at: keyAt };
  if (slot === 'pieces') return { capability: stealKeyPieces(choices.pieces, choices.corrupt), at: keyAt };
  return null;
}
