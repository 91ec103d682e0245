/**
 * One attack as the worker runs it: capture and loot from the capabilities, then real decryption
 * of the capture in chunks (decryptCaptureInChunks), pausing between chunks so a cancel request
 * can arrive, reporting running counts after each (a large capture is split by conversation with a
 * helper worker when the host has one, decrypt-helper.ts); finally the exposure (lib/protocol/blast-radius
 * and the matrix) computed from the outcomes. Timings are taken here, inside the worker, with
 * performance.now(): what the page shows is what the decryption cost.
 * @module
 */
import type { Capability, Capture, Loot } from '@/lib/protocol/capability';
import type { EnvelopeOutcome } from '@/lib/protocol/decryption-outcome';
import { formatSimTime } from '@/lib/protocol/sim-time';
import type { World } from '@/lib/protocol/world';
import { runAttack } from '@/lib/scenarios/attack';
import { decryptWithPauses, type DecryptControls } from './decrypt-with-pauses';
import { describeKeyProvenance } from './key-provenance-label';
import { computeExposureMatrix, defaultBucketMinutes } from './exposure-matrix';
import type { AttackOptions, AttackResult, LootItem, OutcomeRow } from './world-messages';

/** The default chunk: about 40 progress reports per run, at least 25 envelopes each. */
function defaultChunkSize(total: number): number {
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
function outcomeRows(capture: Capture, outcomes: readonly EnvelopeOutcome[]): OutcomeRow[] {
  const headers = new Map(capture.records.map((r) => [r.seq, r.envelope.header]));
  return outcomes.map((o) => {
    const h = headers.get(o.seq)!;
    const base = {
      seq: o.seq,
      kind: o.kind,
      sender: h.sender,
      recipient: h.recipient,
      conversationId: h.conversationId,
      sentAt: h.sentAt,
    };
    if (o.kind === 'opened') return { ...base, plaintext: o.plaintext, key: describeKeyProvenance(o.openedWith) };
    if (o.kind === 'tag-failed') return { ...base, key: o.triedWith.map(describeKeyProvenance).join('; ') };
    return base;
  });
}

/**
 * Runs the attack through the one pipeline (lib/scenarios/attack.ts) with this worker's chunked,
 * cancellable decryption, then adds the matrix and the rows the page shows.
 */
export async function runAttackInChunks(
  worldId: string,
  world: World,
  capabilities: readonly Capability[],
  options: AttackOptions,
  controls: DecryptControls,
): Promise<AttackResult> {
  let decryptBusyMs = 0;
  let decryptWorkers = 1;
  const run = await runAttack(world, capabilities, {
    exposure: options.splitAt !== undefined ? { splitAt: options.splitAt } : {},
    onCaptured: (capture) =>
      controls.onProgress({ phase: 'loot', done: 0, total: capture.records.length, label: 'taking the loot' }),
    decrypt: async (capture, loot) => {
      const chunkSize = options.chunkSize ?? defaultChunkSize(capture.records.length);
      const { report, busyMs, workers } = await decryptWithPauses(capture, loot, { chunkSize }, controls);
      decryptBusyMs = busyMs;
      decryptWorkers = workers;
      return report;
    },
  });
  const { capture, report, exposure, splitAt } = run;

  const t = performance.now();
  const matrix = computeExposureMatrix(capture, report.outcomes, world.participants, world.conversations, {
    bucketMinutes: options.bucketMinutes ?? defaultBucketMinutes(world.endsAt),
    endsAt: world.endsAt,
    ...(splitAt !== undefined ? { splitAt } : {}),
  });
  const rows = outcomeRows(capture, report.outcomes);
  const exposureMs = run.timing.exposureMs + performance.now() - t;

  return {
    worldId,
    cancelled: report.cancelled,
    capture: { envelopes: capture.records.length, sources: capture.sources },
    loot: { items: describeLoot(world, run.loot), notes: run.lootNotes.map((n) => ({ ...n })) },
    counts: report.counts,
    rows,
    exposure: {
      totals: exposure.totals,
      split: exposure.split,
      exposedUsers: exposure.exposedUsers,
      exposedConversations: exposure.exposedConversations,
      matrix,
    },
    timing: {
      captureMs: run.timing.captureMs,
      lootMs: run.timing.lootMs,
      decryptMs: run.timing.decryptMs,
      decryptBusyMs,
      decryptWorkers,
      exposureMs,
    },
  };
}
