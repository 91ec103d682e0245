/**
 * One attack from start to finish: the capture and loot that a set of capabilities yields, real
 * decryption of the capture with the loot, and the blast radius of the outcomes. A convenience for
 * lessons and tests; the UI can run the same steps itself (decryption in a worker).
 * @module
 */
import { computeExposure, type ExposureOptions, type ExposureReport } from './blast-radius';
import { captureFor, lootFor, type Capability, type Capture, type Loot, type LootNote } from './capability';
import { decryptCapture, type DecryptionReport, type DecryptOptions } from './decrypt-capture';
import type { World } from './world';

/** Everything an attack produced. */
export interface AttackResult {
  readonly capture: Capture;
  readonly loot: Loot;
  readonly lootNotes: readonly LootNote[];
  readonly report: DecryptionReport;
  readonly exposure: ExposureReport;
}

/** Captures, loots, decrypts and measures. `exposure.splitAt` defaults to the first device theft time, if any. */
export async function runAttack(
  world: World,
  capabilities: readonly Capability[],
  options: { readonly decrypt?: DecryptOptions; readonly exposure?: ExposureOptions } = {},
): Promise<AttackResult> {
  const capture = captureFor(world, capabilities);
  const { loot, notes } = await lootFor(world, capabilities);
  const report = decryptCapture(capture, loot, options.decrypt);
  const theft = capabilities.find((c) => c.kind === 'steal-device');
  const splitAt = options.exposure?.splitAt ?? (theft?.kind === 'steal-device' ? theft.at : undefined);
  const exposure = computeExposure(capture, report.outcomes, { ...options.exposure, ...(splitAt !== undefined ? { splitAt } : {}) });
  return { capture, loot, lootNotes: notes, report, exposure };
}
