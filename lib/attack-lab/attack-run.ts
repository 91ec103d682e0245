/**
 * One attack as the worker runs it: capture and loot from the capabilities, then real decryption
 * of the capture in chunks (decryptCaptureInChunks), pausing between chunks so a cancel request
 * can arrive, reporting running counts after each (a large capture is split by conversation with a
 * helper worker when the host has one, decrypt-helper.ts); finally the exposure (lib/protocol/blast-radius
 * and the matrix) computed from the outcomes. Timings are taken here, inside the worker, with
 * performance.now(): what the page shows is what the decryption cost.
 * @module
 */
import { computeExposure } from '@/lib/protocol/blast-radius';
import { captureFor, lootFor, type Capability, type Capture, type Loot } from '@/lib/protocol/capability';
import type { EnvelopeOutcome } from '@/lib/protocol/decrypt-capture';
import { formatSimTime } from '@/lib/protocol/sim-time';
import type { World } from '@/lib/protocol/world';
import { decryptWithPauses, type RunControls } from './decrypt-with-pauses';
import { describeKeyProvenance } from './key-provenance-label';
import { computeExposureMatrix, defaultBucketMinutes } from './exposure-matrix';
import type { AttackOptions, AttackResult, LootItem, OutcomeRow } from './world-messages';

// decryptWithPauses and RunControls moved to decrypt-with-pauses.ts (it broke an import cycle with
// decrypt-helper.ts); re-exported until three-worlds.ts and warrant-run.ts import them from there.
export { decryptWithPauses, type RunControls };

/** The default chunk: about 40 progress reports per run, at least 25 envelopes each. */
export function defaultChunkSize(total: number): number {
  return Math.max(25, Math.ceil(total / 40));
}

/** The loot as the wallet shows it: each stolen phone's identity key and each escrow key, with real bytes. */
export function describeLoot(world: World, loot: Loot): LootItem[] {
  const name = (id: string) => world.participants.find((p) => p.id === id)?.name ?? id;
  const items: LootItem[] = [];
  for (const d of loot.devices) {
    const conversations = Object.keys(d.conversations).length;
    items.push({
      kind: 'device',
      label: `${name(d.participantId)}'s phone, taken ${formatSimTime(d.takenAt)}`,
      detail:
        d.mode === 'static'
          ? `identity key pair and ${conversations} static conversation keys`
          : `identity key pair and the ratchet state (root, chain and ratchet keys) of ${conversations} conversations; used message keys were already deleted`,
      keyName: `${name(d.participantId)}'s identity secret key`,
      keyBytes: d.identity.secretKey,
    });
  }
  for (const k of loot.escrowKeys) {
    const authority = world.escrow?.authorities.find((a) => a.id === k.authorityId);
    items.push({
      kind: 'escrow-key',
      label: `Escrow secret key of ${authority?.name ?? k.authorityId}`,
      detail: k.how,
      keyName: `${authority?.name ?? k.authorityId}: X25519 secret key`,
      keyBytes: k.secretKey,
    });
  }
  return items;
}

/** Joins outcomes to the captured headers, for the page's list. */
export function outcomeRows(capture: Capture, outcomes: readonly EnvelopeOutcome[]): OutcomeRow[] {
  const headers = new Map(capture.records.map((r) => [r.seq, r.envelope.header]));
  return outcomes.map((o) => {
    const h = headers.get(o.seq)!;
    const base = { seq: o.seq, kind: o.kind, sender: h.sender, recipient: h.recipient, conversationId: h.conversationId, sentAt: h.sentAt };
    if (o.kind === 'opened') return { ...base, plaintext: o.plaintext, key: describeKeyProvenance(o.openedWith) };
    if (o.kind === 'tag-failed') return { ...base, key: o.triedWith.map(describeKeyProvenance).join('; ') };
    return base;
  });
}

/** Runs the attack. */
export async function runAttackInChunks(
  worldId: string,
  world: World,
  capabilities: readonly Capability[],
  options: AttackOptions,
  controls: RunControls,
): Promise<AttackResult> {
  let t = performance.now();
  const capture = captureFor(world, capabilities);
  const captureMs = performance.now() - t;
  controls.onProgress({ phase: 'loot', done: 0, total: capture.records.length, label: 'taking the loot' });
  t = performance.now();
  const { loot, notes } = await lootFor(world, capabilities);
  const lootMs = performance.now() - t;

  const chunkSize = options.chunkSize ?? defaultChunkSize(capture.records.length);
  t = performance.now();
  const { report, busyMs, workers } = await decryptWithPauses(capture, loot, { chunkSize }, controls);
  const decryptMs = performance.now() - t;

  t = performance.now();
  const theft = capabilities.find((c) => c.kind === 'steal-device');
  const splitAt = options.splitAt ?? (theft?.kind === 'steal-device' ? theft.at : undefined);
  const exposure = computeExposure(capture, report.outcomes, splitAt !== undefined ? { splitAt } : {});
  const matrix = computeExposureMatrix(capture, report.outcomes, world.participants, world.conversations, {
    bucketMinutes: options.bucketMinutes ?? defaultBucketMinutes(world.endsAt),
    endsAt: world.endsAt,
    ...(splitAt !== undefined ? { splitAt } : {}),
  });
  const rows = outcomeRows(capture, report.outcomes);
  const exposureMs = performance.now() - t;

  return {
    worldId,
    cancelled: report.cancelled,
    capture: { envelopes: capture.records.length, sources: capture.sources },
    loot: { items: describeLoot(world, loot), notes: notes.map((n) => ({ ...n })) },
    counts: report.counts,
    rows,
    exposure: {
      totals: exposure.totals,
      split: exposure.split,
      exposedUsers: exposure.exposedUsers,
      exposedConversations: exposure.exposedConversations,
      matrix,
    },
    timing: { captureMs, lootMs, decryptMs, decryptBusyMs: busyMs, decryptWorkers: workers, exposureMs },
  };
}
