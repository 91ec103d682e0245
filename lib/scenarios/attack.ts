/**
 * One attack from start to finish, the only pipeline: the capture and loot that a set of
 * capabilities yields (lib/protocol/capability.ts), real decryption of the capture with the loot,
 * and the blast radius of the outcomes (lib/protocol/blast-radius.ts). The three-world comparison
 * runs it as is; the attack lab's worker (lib/attack-lab/attack-run.ts) plugs in its chunked,
 * cancellable decryption and adds the matrix and the rows for the page.
 * @module
 */
import * as z from 'zod/mini';
import { computeExposure, type ExposureOptions, type ExposureReport } from '@/lib/protocol/blast-radius';
import {
  captureFor,
  lootFor,
  type Capability,
  type Capture,
  type Loot,
  type LootNote,
} from '@/lib/protocol/capability';
import { decryptCapture, type DecryptionReport } from '@/lib/protocol/decrypt-capture';
import type { SimTime } from '@/lib/protocol/sim-time';
import type { World } from '@/lib/protocol/world';
import { count, id64, list, participantId, simTime } from './scenario-fields';

/** One attacker capability (lib/protocol/capability.ts), as it arrives from the page. */
export const capabilitySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('tap-wire'),
    link: z.optional(participantId),
    from: z.optional(simTime),
    to: z.optional(simTime),
  }),
  z.strictObject({ kind: z.literal('take-over-server'), until: z.optional(simTime) }),
  z.strictObject({ kind: z.literal('steal-device'), participant: participantId, at: simTime }),
  z.strictObject({
    kind: z.literal('steal-escrow-key'),
    scenario: z.enum(['insider', 'breach', 'phishing']),
    authorityId: z.optional(id64),
  }),
  z.strictObject({
    kind: z.literal('steal-key-pieces'),
    agencies: list(id64).check(z.maxLength(16)),
    corrupt: z.optional(list(id64).check(z.maxLength(16))),
  }),
]);

/** A loot note (lib/protocol/capability.ts LootNote), as displayed. */
export const lootNoteSummarySchema = z.strictObject({
  capability: capabilitySchema,
  outcome: z.enum(['obtained', 'nothing', 'check-failed']),
  message: z.string(),
  check: z.optional(z.string()),
});

/** Exposure counts (lib/protocol/blast-radius.ts): every captured envelope, and what decryption did with it. */
export const exposureCountsSchema = z.strictObject({
  total: count,
  opened: count,
  tagFailed: count,
  noKey: count,
  outsideWarrant: count,
});

/** Everything an attack produced, and what each step cost (ms, performance.now() where it ran). */
export interface AttackRun {
  readonly capture: Capture;
  readonly loot: Loot;
  readonly lootNotes: readonly LootNote[];
  readonly report: DecryptionReport;
  readonly exposure: ExposureReport;
  /** The minute exposure was split before/after, if any. */
  readonly splitAt: SimTime | undefined;
  readonly timing: {
    readonly captureMs: number;
    readonly lootMs: number;
    readonly decryptMs: number;
    readonly exposureMs: number;
  };
}

/** How to run the steps. Every field has a default. */
export interface AttackRunOptions {
  /** Decrypts the capture with the loot. Default: decryptCapture in one go. */
  readonly decrypt?: (capture: Capture, loot: Loot) => DecryptionReport | Promise<DecryptionReport>;
  /** Exposure options; `splitAt` defaults to {@link defaultSplitAt}. */
  readonly exposure?: ExposureOptions;
  /** Called once the capture is taken, before the (slower) looting. */
  readonly onCaptured?: (capture: Capture) => void;
}

/**
 * The moment to split exposure before/after when none is given: the first phone theft, since what a
 * stolen phone exposes is the question forward secrecy answers (before the theft: nothing in ratchet
 * mode; after: until the ratchet heals). No theft, no split.
 */
export function defaultSplitAt(capabilities: readonly Capability[]): SimTime | undefined {
  for (const c of capabilities) if (c.kind === 'steal-device') return c.at;
  return undefined;
}

/** Captures, loots, decrypts and measures. */
export async function runAttack(
  world: World,
  capabilities: readonly Capability[],
  options: AttackRunOptions = {},
): Promise<AttackRun> {
  let t = performance.now();
  const capture = captureFor(world, capabilities);
  const captureMs = performance.now() - t;
  options.onCaptured?.(capture);
  t = performance.now();
  const { loot, notes } = await lootFor(world, capabilities);
  const lootMs = performance.now() - t;
  t = performance.now();
  const report = await (options.decrypt ?? decryptCapture)(capture, loot);
  const decryptMs = performance.now() - t;
  t = performance.now();
  const splitAt = options.exposure?.splitAt ?? defaultSplitAt(capabilities);
  const exposure = computeExposure(capture, report.outcomes, {
    ...options.exposure,
    ...(splitAt !== undefined ? { splitAt } : {}),
  });
  const exposureMs = performance.now() - t;
  return {
    capture,
    loot,
    lootNotes: notes,
    report,
    exposure,
    splitAt,
    timing: { captureMs, lootMs, decryptMs, exposureMs },
  };
}
