/**
 * The blast radius side by side: one seed, so one schedule (the same people, conversations, texts
 * and times), under three kinds of cryptography: static keys without escrow, the Double Ratchet
 * without escrow, the Double Ratchet with escrow. The same attacks run in each (the wire, the
 * server, the wire plus the victim's phone at the compromise time, the wire plus the escrow key,
 * and with split keys one piece too few), and in each the thief also tries to forge the last
 * message the victim received before the compromise. Every number is a decryption or a tag check:
 * each cell is one run of the attack pipeline (attack.ts) and one forgery (forgery.ts), not a rule.
 * @module
 */
import * as z from 'zod/mini';
import { seededRandom } from '@/lib/crypto/random';
import type { Capability } from '@/lib/protocol/capability';
import { describeDelivery } from '@/lib/protocol/forgery';
import {
  KEY_SOURCE_ORDER,
  countOpenedByKeySource,
  escrowChainOpens,
  type KeySource,
} from '@/lib/protocol/opened-by-key';
import { MINUTES_PER_DAY, formatSimTime, type SimTime } from '@/lib/protocol/sim-time';
import { generateWorld, type World } from '@/lib/protocol/world';
import { exposureCountsSchema, lootNoteSummarySchema, runAttack } from './attack';
import { DEFAULT_FORGED_TEXT, forgeCapturedMessage, forgeMethodSchema } from './forgery';
import { RunCancelledError, type RunControls } from './run-controls';
import { count, escrowOptionsSchema, list, participantId, simTime } from './scenario-fields';

/** Options of the three-world comparison (the blast radius). */
export const compareOptionsSchema = z.strictObject({
  seed: z.string().check(z.minLength(1), z.maxLength(100)),
  people: z.optional(z.int().check(z.minimum(2), z.maximum(16))),
  conversations: z.optional(z.int().check(z.minimum(1), z.maximum(120))),
  messages: z.optional(z.int().check(z.minimum(1), z.maximum(5000))),
  durationMinutes: z.optional(z.int().check(z.minimum(60), z.maximum(366 * 1440))),
  /** Escrow of the third world (default one authority, on from the start). */
  escrow: z.optional(escrowOptionsSchema),
  /** Whose phone is stolen (default the second participant, Bob). */
  victim: z.optional(participantId),
  /** When the phone and the escrow key are stolen (default: half-way). */
  compromiseAt: z.optional(simTime),
  /** Text the thief forges in each world. */
  forgedText: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
});

/** Comparison options. */
export type CompareOptions = z.infer<typeof compareOptionsSchema>;

/**
 * The steal-the-key lesson's comparison: Alice, Bob and Carol, three conversations over two days;
 * Bob's phone and the escrow key stolen at the start of day 2; escrow epochs of one day.
 */
export const LESSON_COMPARISON: CompareOptions = {
  seed: 'steal-the-key-blast-radius',
  people: 3,
  conversations: 3,
  messages: 36,
  durationMinutes: 2 * MINUTES_PER_DAY,
  victim: 'bob',
  compromiseAt: MINUTES_PER_DAY,
  escrow: { variant: 'single', epochMinutes: MINUTES_PER_DAY },
};

const comparedWorldKindSchema = z.enum(['static', 'ratchet', 'ratchet-escrow']);

/** The three worlds compared. */
export type ComparedWorldKind = z.infer<typeof comparedWorldKindSchema>;

const keySourceSchema = z.enum(KEY_SOURCE_ORDER as [KeySource, ...KeySource[]]);

/**
 * One scenario of the comparison in one world; `forgery`: the thief re-seals a captured message to
 * the victim with the loot's keys. `openedBy`: the opened messages by the kind of key that opened
 * them (lib/protocol/opened-by-key.ts); `escrowChainOpens`: those a stolen phone's escrow wrap chain
 * opened, by conversation and epoch (why "ratchet with escrow" heals later than "ratchet").
 */
const comparisonCellSummarySchema = z.strictObject({
  world: comparedWorldKindSchema,
  counts: exposureCountsSchema,
  before: z.nullable(exposureCountsSchema),
  after: z.nullable(exposureCountsSchema),
  openedBy: list(z.strictObject({ source: keySourceSchema, before: count, after: count })),
  escrowChainOpens: list(
    z.strictObject({
      participant: z.string(),
      recipient: z.string(),
      conversationId: z.string(),
      epoch: count,
      epochStartedAt: simTime,
      takenAt: simTime,
      seqs: list(count),
      firstSentAt: simTime,
      lastSentAt: simTime,
    }),
  ),
  exposedUsers: list(z.string()),
  exposedConversations: list(z.string()),
  lootNotes: list(lootNoteSummarySchema),
  forgery: z.nullable(
    z.strictObject({ seq: count, method: forgeMethodSchema, accepted: z.boolean(), message: z.string() }),
  ),
});

/** One comparison cell. */
export type ComparisonCellSummary = z.infer<typeof comparisonCellSummarySchema>;

/** The three-world blast radius. */
export const comparisonResultSchema = z.strictObject({
  seed: z.string(),
  victim: z.string(),
  compromiseAt: simTime,
  messages: count,
  users: count,
  conversations: count,
  /** How long an escrow epoch of the escrowed world runs before its sender draws a new epoch key. */
  escrowEpochMinutes: z.nullable(count),
  rows: list(z.strictObject({ id: z.string(), label: z.string(), cells: list(comparisonCellSummarySchema) })),
  timing: z.strictObject({ totalMs: z.number() }),
});

/** The three-world comparison. */
export type ComparisonResult = z.infer<typeof comparisonResultSchema>;

/** The compared worlds in display order. */
export const COMPARED_WORLDS: readonly { readonly kind: ComparedWorldKind; readonly label: string }[] = [
  { kind: 'static', label: 'Static keys, no escrow' },
  { kind: 'ratchet', label: 'Double Ratchet, no escrow' },
  { kind: 'ratchet-escrow', label: 'Double Ratchet with escrow' },
];

/** A named set of capabilities, run in each world. */
interface Scenario {
  readonly id: string;
  readonly label: string;
  readonly capabilities: readonly Capability[];
}

/**
 * The usual attacks: the wire alone; the server; the wire plus the victim's phone at `at`; the wire
 * plus the escrow key; and for split keys, the wire plus one piece too few.
 */
function scenariosFor(world: World, victim: string, at: SimTime): Scenario[] {
  const name = world.participants.find((p) => p.id === victim)?.name ?? victim;
  const wire: Capability = { kind: 'tap-wire' };
  const when = formatSimTime(at);
  const list: Scenario[] = [
    { id: 'wire', label: 'Tap the wire', capabilities: [wire] },
    { id: 'server', label: 'Take over the relay server', capabilities: [{ kind: 'take-over-server' }] },
    {
      id: 'phone',
      label: `Tap the wire; steal ${name}'s phone at ${when}`,
      capabilities: [wire, { kind: 'steal-device', participant: victim, at }],
    },
    {
      id: 'escrow-key',
      label: `Tap the wire; steal the escrow key at ${when}`,
      capabilities: [wire, { kind: 'steal-escrow-key', scenario: 'breach' }],
    },
  ];
  const setup = world.escrow;
  if (setup && setup.piecesNeeded > 1) {
    const agencies = setup.pieces.slice(0, setup.piecesNeeded - 1).map((p) => p.agencyId);
    list.push({
      id: 'pieces-short',
      label: `Tap the wire; steal ${agencies.length} key piece(s), one too few`,
      capabilities: [wire, { kind: 'steal-key-pieces', agencies }],
    });
  }
  return list;
}

/** The last message to `victim` sent at or before `at` (the one the thief tries to forge), or -1. */
export function forgeryTarget(world: World, victim: string, at: SimTime): number {
  for (let i = world.schedule.length - 1; i >= 0; i--) {
    const m = world.schedule[i]!;
    if (m.sentAt <= at && m.recipient === victim) return m.index;
  }
  return -1;
}

/** Generates the three worlds and runs every scenario in each. */
export async function compareThreeWorlds(options: CompareOptions, controls: RunControls): Promise<ComparisonResult> {
  const started = performance.now();
  const { escrow, victim: victimOption, compromiseAt, forgedText = DEFAULT_FORGED_TEXT, ...size } = options;
  const worlds = {} as Record<ComparedWorldKind, World>;
  const steps = COMPARED_WORLDS.length * 2;
  let done = 0;
  const check = async () => {
    await controls.pause();
    if (controls.isCancelled()) throw new RunCancelledError('comparison cancelled');
  };
  for (const { kind, label } of COMPARED_WORLDS) {
    controls.onProgress({ phase: 'compare', done, total: steps, label: `generating: ${label}` });
    await check();
    worlds[kind] = await generateWorld({
      ...size,
      mode: kind === 'static' ? 'static' : 'ratchet',
      escrow: kind === 'ratchet-escrow' ? (escrow ?? { variant: 'single' }) : null,
    });
    done++;
  }
  const reference = worlds['ratchet-escrow'];
  const victim = victimOption ?? reference.participants[1]?.id ?? reference.participants[0]!.id;
  if (!reference.participants.some((p) => p.id === victim))
    throw new RangeError(`victim: no participant '${victim}' in this world`);
  const at = compromiseAt ?? Math.floor(reference.endsAt / 2);
  const scenarios = scenariosFor(reference, victim, at);
  const target = forgeryTarget(reference, victim, at);

  const cellsByScenario = new Map<string, ComparisonCellSummary[]>(scenarios.map((s) => [s.id, []]));
  for (const { kind, label } of COMPARED_WORLDS) {
    controls.onProgress({ phase: 'compare', done, total: steps, label: `attacking: ${label}` });
    await check();
    const world = worlds[kind];
    for (const scenario of scenarios) {
      // Every row splits exposure at the compromise time, not at a theft (only the phone row has one):
      // the table compares before/after the same moment in every row.
      const {
        capture,
        loot,
        lootNotes: notes,
        report,
        exposure,
      } = await runAttack(world, scenario.capabilities, { exposure: { splitAt: at } });
      let forgery: ComparisonCellSummary['forgery'] = null;
      if (target >= 0) {
        const result = forgeCapturedMessage(world, target, forgedText, loot, {
          random: seededRandom(`${options.seed}|forger|${kind}|${scenario.id}`),
        });
        forgery = {
          seq: target,
          method: result.method,
          accepted: result.delivery.accepted,
          message: describeDelivery(result.delivery),
        };
      }
      cellsByScenario.get(scenario.id)!.push({
        world: kind,
        counts: exposure.totals,
        before: exposure.split?.before ?? null,
        after: exposure.split?.after ?? null,
        openedBy: countOpenedByKeySource(capture, report.outcomes, at),
        escrowChainOpens: escrowChainOpens(capture, report.outcomes),
        exposedUsers: exposure.exposedUsers,
        exposedConversations: exposure.exposedConversations,
        lootNotes: notes.map((n) => ({ ...n })),
        forgery,
      });
    }
    done++;
  }
  controls.onProgress({ phase: 'compare', done, total: steps, label: 'done' });
  return {
    seed: options.seed,
    victim,
    compromiseAt: at,
    messages: reference.relay.records.length,
    users: reference.participants.length,
    conversations: reference.conversations.length,
    escrowEpochMinutes: reference.escrow?.epochMinutes ?? null,
    rows: scenarios.map((s) => ({ id: s.id, label: s.label, cells: cellsByScenario.get(s.id)! })),
    timing: { totalMs: performance.now() - started },
  };
}
