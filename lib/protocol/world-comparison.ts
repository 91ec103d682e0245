/**
 * The side-by-side the lessons end on: the same people, conversations and messages (same seed, so
 * the same schedule) under three kinds of cryptography, attacked in the same ways:
 *
 * - `static`: identity-key DH, no forward secrecy, no escrow;
 * - `ratchet`: Double Ratchet, no escrow;
 * - `ratchet-escrow`: Double Ratchet with exceptional access.
 *
 * Every number comes from running the attack (attack.ts), not from a rule.
 * @module
 */
import { runAttack } from './attack';
import type { ExposureCounts } from './blast-radius';
import type { Capability, LootNote } from './capability';
import type { EscrowOptions } from './escrow-setup';
import type { ParticipantId } from './participant';
import type { SimTime } from './sim-time';
import { generateWorld, type World, type WorldOptions } from './world';

/** The three worlds compared. */
export type ComparedWorldKind = 'static' | 'ratchet' | 'ratchet-escrow';

/** The compared worlds in display order. */
export const COMPARED_WORLDS: readonly { readonly kind: ComparedWorldKind; readonly label: string }[] = [
  { kind: 'static', label: 'Static keys, no escrow' },
  { kind: 'ratchet', label: 'Double Ratchet, no escrow' },
  { kind: 'ratchet-escrow', label: 'Double Ratchet with escrow' },
];

/** A named set of capabilities. */
export interface AttackScenario {
  readonly id: string;
  readonly label: string;
  readonly capabilities: readonly Capability[];
  /** Split exposure before/after this minute (default: a device theft time in the capabilities). */
  readonly splitAt?: SimTime;
}

/** One scenario in one world. */
export interface ComparisonCell {
  readonly world: ComparedWorldKind;
  readonly counts: ExposureCounts;
  readonly before: ExposureCounts | null;
  readonly after: ExposureCounts | null;
  readonly exposedUsers: readonly ParticipantId[];
  readonly exposedConversations: readonly string[];
  readonly lootNotes: readonly LootNote[];
}

/** The whole table: per scenario, one cell per compared world. */
export interface WorldComparison {
  readonly seed: string;
  readonly rows: readonly { readonly scenario: AttackScenario; readonly cells: readonly ComparisonCell[] }[];
}

/** Options: the world's size and seed, the escrow arrangement of the escrow world, and the scenarios. */
export interface WorldComparisonOptions extends Omit<WorldOptions, 'mode' | 'escrow'> {
  /** Escrow for the `ratchet-escrow` world; default one authority, on from the start. */
  readonly escrow?: EscrowOptions;
  /** Scenarios to run; built from the (shared) schedule. Default {@link standardScenarios}. */
  readonly scenarios?: (world: World) => readonly AttackScenario[];
}

/**
 * The usual attacks: the wire alone; the server; the wire plus the first participant's phone at
 * mid-period; the wire plus the escrow key; and for split keys, the wire plus one piece too few.
 */
export function standardScenarios(world: World): AttackScenario[] {
  const victim = world.participants[0]!.id;
  const at = Math.floor(world.endsAt / 2);
  const wire: Capability = { kind: 'tap-wire' };
  const scenarios: AttackScenario[] = [
    { id: 'wire', label: 'Tap the wire', capabilities: [wire] },
    { id: 'server', label: 'Take over the relay', capabilities: [{ kind: 'take-over-server' }] },
    { id: 'phone', label: `Tap the wire and steal ${victim}'s phone mid-way`, capabilities: [wire, { kind: 'steal-device', participant: victim, at }], splitAt: at },
    { id: 'escrow-key', label: 'Tap the wire and steal the escrow key', capabilities: [wire, { kind: 'steal-escrow-key', scenario: 'breach' }] },
  ];
  const setup = world.escrow;
  if (setup && setup.piecesNeeded > 1) {
    const agencies = setup.pieces.slice(0, setup.piecesNeeded - 1).map((p) => p.agencyId);
    scenarios.push({ id: 'pieces-short', label: `Tap the wire and steal ${agencies.length} key piece(s), one too few`, capabilities: [wire, { kind: 'steal-key-pieces', agencies }] });
  }
  return scenarios;
}

/** Generates the three worlds from one seed and runs every scenario in each. */
export async function compareWorlds(options: WorldComparisonOptions): Promise<WorldComparison> {
  const { scenarios: makeScenarios, escrow, ...size } = options;
  const worlds: Record<ComparedWorldKind, World> = {
    static: await generateWorld({ ...size, mode: 'static', escrow: null }),
    ratchet: await generateWorld({ ...size, mode: 'ratchet', escrow: null }),
    'ratchet-escrow': await generateWorld({ ...size, mode: 'ratchet', escrow: escrow ?? { variant: 'single' } }),
  };
  // The schedule is the same in all three; scenarios come from the escrow world so split-key ones exist.
  const scenarios = (makeScenarios ?? standardScenarios)(worlds['ratchet-escrow']);
  const rows = [];
  for (const scenario of scenarios) {
    const cells: ComparisonCell[] = [];
    for (const { kind } of COMPARED_WORLDS) {
      const result = await runAttack(worlds[kind], scenario.capabilities, {
        exposure: scenario.splitAt !== undefined ? { splitAt: scenario.splitAt } : {},
      });
      cells.push({
        world: kind,
        counts: result.exposure.totals,
        before: result.exposure.split?.before ?? null,
        after: result.exposure.split?.after ?? null,
        exposedUsers: result.exposure.exposedUsers,
        exposedConversations: result.exposure.exposedConversations,
        lootNotes: result.lootNotes,
      });
    }
    rows.push({ scenario, cells });
  }
  return { seed: options.seed, rows };
}
