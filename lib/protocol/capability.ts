/**
 * What an attacker can do, and what each ability yields. A capability either **captures** traffic
 * (tapping the wire, taking over the relay) or **loots** key material (stealing a phone, the escrow
 * key, or some of the agencies' key pieces). `captureFor` and `lootFor` hand out exactly that and
 * nothing more; decrypt-capture.ts then finds out, by decrypting, what it opens.
 * @module
 */
import type { DeviceSnapshot } from './device-snapshot';
import { deviceSnapshotAt } from './device-snapshot';
import type { EscrowSecretKey } from './escrow-setup';
import { recoverEscrowSecretKey, takeKeyPieces } from './key-recombination';
import type { KeyDirectory } from './key-directory';
import type { ParticipantId } from './participant';
import { observeWire, type WireRecord } from './relay';
import { formatSimTime, type SimTime } from './sim-time';
import type { World } from './world';

/** Three stories of how an escrow key leaks. The key and what it opens are the same in each. */
export type EscrowTheftScenario = 'insider' | 'breach' | 'phishing';

/** Title and one-line story per theft scenario, for the UI. */
export const ESCROW_THEFT_STORIES: Readonly<
  Record<EscrowTheftScenario, { readonly title: string; readonly story: string }>
> = {
  insider: {
    title: 'Insider',
    story: 'A contractor with access to the escrow facility copies the key to a USB stick.',
  },
  breach: {
    title: 'Breach',
    story: "Intruders in the agency's network find the key server (as OPM's records were taken in 2015).",
  },
  phishing: {
    title: 'Phishing',
    story: 'An administrator types their password into a fake login page; the attacker logs in and exports the key.',
  },
};

/** One ability of the attacker. */
export type Capability =
  /** Record traffic on the wire: on one participant's link, or the backbone (no link), during a window. */
  | { readonly kind: 'tap-wire'; readonly link?: ParticipantId; readonly from?: SimTime; readonly to?: SimTime }
  /** Take over the relay. It keeps its whole wire log, so this yields past traffic too, up to `until`. */
  | { readonly kind: 'take-over-server'; readonly until?: SimTime }
  /** Steal `participant`'s phone at minute `at`. */
  | { readonly kind: 'steal-device'; readonly participant: ParticipantId; readonly at: SimTime }
  /**
   * Steal an escrow secret key. For split variants this is the recombined key taken where it is
   * used. `authorityId` picks a government in the two-government variant (default: the first).
   */
  | { readonly kind: 'steal-escrow-key'; readonly scenario: EscrowTheftScenario; readonly authorityId?: string }
  /** Steal the key pieces held by these agencies; `corrupt` lists agencies whose stolen copy is damaged. */
  | { readonly kind: 'steal-key-pieces'; readonly agencies: readonly string[]; readonly corrupt?: readonly string[] };

/** The traffic an attacker holds: wire records in log order, and the public key directory. */
export interface Capture {
  /** Sorted by seq, no duplicates. */
  readonly records: readonly WireRecord[];
  /** Public; anyone can fetch it from the relay. */
  readonly directory: KeyDirectory;
  /** Human-readable description of each source, e.g. "tap on bob's link, day 1, 00:00 to day 30, 23:59". */
  readonly sources: readonly string[];
}

/** The key material an attacker (or the authority) holds. */
export interface Loot {
  readonly devices: readonly DeviceSnapshot[];
  readonly escrowKeys: readonly EscrowSecretKey[];
}

/** What one capability yielded, for display; `check` names a failed integrity check. */
export interface LootNote {
  readonly capability: Capability;
  readonly outcome: 'obtained' | 'nothing' | 'check-failed';
  readonly message: string;
  readonly check?: string;
}

/** Loot plus a note per loot capability. */
export interface LootResult {
  readonly loot: Loot;
  readonly notes: readonly LootNote[];
}

/** The traffic the capture capabilities in `capabilities` yield (others are ignored). */
export function captureFor(world: World, capabilities: readonly Capability[]): Capture {
  const bySeq = new Map<number, WireRecord>();
  const sources: string[] = [];
  for (const c of capabilities) {
    let records: WireRecord[] = [];
    if (c.kind === 'tap-wire') {
      records = observeWire(
        world.relay,
        { kind: 'on-path', ...(c.link ? { link: c.link } : {}) },
        { from: c.from, to: c.to },
      );
      sources.push(
        `tap on ${c.link ? `${c.link}'s link` : 'the backbone'}, ${formatSimTime(c.from ?? 0)} to ${formatSimTime(c.to ?? world.endsAt)}`,
      );
    } else if (c.kind === 'take-over-server') {
      records = observeWire(world.relay, { kind: 'server-operator' }, { to: c.until });
      sources.push(`the relay's wire log up to ${formatSimTime(c.until ?? world.endsAt)}`);
    }
    for (const r of records) bySeq.set(r.seq, r);
  }
  return { records: [...bySeq.values()].sort((a, b) => a.seq - b.seq), directory: world.directory, sources };
}

/**
 * The key material the loot capabilities yield. Async because rebuilding a Shamir-split key is.
 * Every rebuilt key is checked against the authority's public key; a failed check is reported in
 * the notes (with the check's name) and yields nothing.
 */
export async function lootFor(world: World, capabilities: readonly Capability[]): Promise<LootResult> {
  const devices: DeviceSnapshot[] = [];
  const escrowKeys: EscrowSecretKey[] = [];
  const notes: LootNote[] = [];
  const setup = world.escrow;
  for (const c of capabilities) {
    if (c.kind === 'steal-device') {
      devices.push(deviceSnapshotAt(world, c.participant, c.at));
      notes.push({
        capability: c,
        outcome: 'obtained',
        message: `${c.participant}'s phone as of ${formatSimTime(c.at)}`,
      });
    } else if (c.kind === 'steal-escrow-key') {
      if (!setup) {
        notes.push({ capability: c, outcome: 'nothing', message: 'escrow is off: there is no escrow key to steal' });
        continue;
      }
      const authorityId = c.authorityId ?? setup.authorities[0]!.id;
      const pieces = setup.pieces.filter((p) => p.authorityId === authorityId);
      const result = await recoverEscrowSecretKey(setup, authorityId, pieces, `stolen (${c.scenario})`);
      if (result.ok) {
        escrowKeys.push(result.key);
        notes.push({
          capability: c,
          outcome: 'obtained',
          message: `escrow secret key of '${authorityId}' (${c.scenario})`,
        });
      } else {
        notes.push({
          capability: c,
          outcome: result.reason === 'check-failed' ? 'check-failed' : 'nothing',
          message: result.message,
          ...(result.check ? { check: result.check } : {}),
        });
      }
    } else if (c.kind === 'steal-key-pieces') {
      if (!setup) {
        notes.push({ capability: c, outcome: 'nothing', message: 'escrow is off: there are no key pieces to steal' });
        continue;
      }
      const stolen = takeKeyPieces(setup.pieces, c.agencies, c.corrupt);
      for (const authority of setup.authorities) {
        const mine = stolen.filter((p) => p.authorityId === authority.id);
        if (mine.length === 0) continue;
        const result = await recoverEscrowSecretKey(
          setup,
          authority.id,
          mine,
          `rebuilt from pieces stolen from ${mine.map((p) => p.agencyId).join(', ')}`,
        );
        if (result.ok) {
          escrowKeys.push(result.key);
          notes.push({
            capability: c,
            outcome: 'obtained',
            message: `rebuilt ${authority.name}'s key from ${mine.length} piece(s)`,
          });
        } else {
          notes.push({
            capability: c,
            outcome: result.reason === 'check-failed' ? 'check-failed' : 'nothing',
            message: result.message,
            ...(result.check ? { check: result.check } : {}),
          });
        }
      }
      if (stolen.length === 0)
        notes.push({
          capability: c,
          outcome: 'nothing',
          message: `no agency named ${c.agencies.join(', ')} holds a piece`,
        });
    }
  }
  return { loot: { devices, escrowKeys }, notes };
}
