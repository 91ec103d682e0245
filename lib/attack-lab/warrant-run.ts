/**
 * Exceptional access as designed: the authority rebuilds its key from every agency's piece, takes
 * the provider's log of the traffic, and its software opens only what the warrant covers. Then the
 * point of the exercise: the same key, without that one check, over everything else.
 * @module
 */
import { captureFor, type Capture } from '@/lib/protocol/capability';
import { countOutcomes, decryptCapture } from '@/lib/protocol/decrypt-capture';
import { recoverEscrowSecretKey } from '@/lib/protocol/escrow-setup';
import { warrantCovers, type Warrant } from '@/lib/protocol/warrant';
import type { World } from '@/lib/protocol/world';
import { decryptWithPauses, defaultChunkSize, outcomeRows, type RunControls } from './attack-run';
import type { WarrantResult } from './world-messages';

/** Runs the warrant; with `beyond`, also the same key over every envelope the warrant does not cover. */
export async function runWarrant(world: World, warrant: Warrant, beyond: boolean, controls: RunControls): Promise<WarrantResult> {
  const setup = world.escrow;
  if (!setup) throw new RangeError('escrow is off in this world: the authority has no key and no escrow field to open');
  if (!world.participants.some((p) => p.id === warrant.target)) throw new RangeError(`warrant.target: no participant '${warrant.target}' in this world`);
  const authority = setup.authorities[0]!;
  const pieces = setup.pieces.filter((p) => p.authorityId === authority.id);
  const how = pieces.length > 1 ? `recombined from ${pieces.length} agencies' pieces for this warrant` : `held by ${pieces[0]!.agencyName}`;
  const recovery = await recoverEscrowSecretKey(setup, authority.id, pieces, how);
  if (!recovery.ok) throw new Error(recovery.message);
  const loot = { devices: [], escrowKeys: [recovery.key] };
  const capture = captureFor(world, [{ kind: 'take-over-server' }]);
  const t = performance.now();
  const { report } = await decryptWithPauses(capture, loot, { chunkSize: defaultChunkSize(capture.records.length), warrant }, controls);
  const decryptMs = performance.now() - t;
  let beyondCounts = null;
  if (beyond && !report.cancelled) {
    const outside: Capture = { ...capture, records: capture.records.filter((r) => !warrantCovers(warrant, r.envelope.header)) };
    beyondCounts = decryptCapture(outside, loot).counts;
  }
  return {
    warrant,
    keyHow: how,
    underWarrant: countOutcomes(report.outcomes),
    rows: outcomeRows(capture, report.outcomes),
    beyond: beyondCounts,
    timing: { decryptMs },
  };
}
