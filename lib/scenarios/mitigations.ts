/**
 * "What would have stopped the thief?": the steal-the-key theft replayed against five escrow
 * designs and the lab's original one. For each, the thief takes what that design leaves to be
 * taken at the moment of the theft, then decrypts every recorded message with it, and forges one
 * message for Bob. Exposure is what that decryption opened; the forgery's fate is what Bob's
 * client decided. Nothing is tabulated.
 *
 * What the thief takes (the lab's scenario choices):
 * - `none`, `decryption-only`: the one global key;
 * - `rotation`: the day keys the authority still holds at the theft (today's and yesterday's);
 * - `per-user`: one user's escrow key (Bob's);
 * - `threshold`: one agency's share (or, to show the limit, two);
 * - `public-log`: an insider uses the authority's own opening service, which logs every opening.
 * @module
 */
import type { RandomSource } from '@/lib/crypto/random';
import { combinePartials, partialDecrypt } from '@/lib/crypto/threshold-kem';
import { encodeHeader } from '@/lib/protocol/envelope-header';
import { sealMessage } from '@/lib/protocol/message-encryption';
import { utf8ToBytes } from '@/lib/crypto/bytes';
import { appendToLog, firstBrokenEntry, type EscrowLogEntry } from './escrow-log';
import {
  generateMitigationWorld,
  MITIGATION_THEFT_AT,
  openHpkeCopy,
  readBody,
  recipientReceives,
  unwrapThresholdCopy,
  type MitigatedMessage,
  type MitigationId,
  type MitigationWorld,
} from './mitigation-world';

/** One message's fate at the thief's hands. */
export interface MessageExposure {
  readonly seq: number;
  readonly conversationId: string;
  readonly sender: string;
  readonly recipient: string;
  readonly sentAt: number;
  /** The text the thief decrypted, or null. */
  readonly text: string | null;
}

/** The thief's forgery and Bob's client's verdict. */
export interface MitigationForgery {
  readonly targetSeq: number;
  readonly text: string;
  readonly accepted: boolean;
  readonly detail: string;
}

/** Everything one design's run computed. */
export interface MitigationReport {
  readonly mitigation: MitigationId;
  /** What the thief took, in words. */
  readonly stolen: string;
  readonly total: number;
  readonly opened: number;
  readonly before: { readonly opened: number; readonly total: number };
  readonly after: { readonly opened: number; readonly total: number };
  readonly conversations: readonly {
    readonly conversationId: string;
    readonly opened: number;
    readonly total: number;
  }[];
  readonly messages: readonly MessageExposure[];
  readonly forgery: MitigationForgery;
  /** public-log only: every opening the service logged, and whether the chain verifies. */
  readonly log: {
    readonly entries: readonly EscrowLogEntry[];
    readonly intact: boolean;
    readonly withoutWarrant: number;
  } | null;
}

/** Options of a run. */
export interface MitigationOptions {
  /** threshold: how many agencies the thief robs (default 1; 2 reaches the threshold of 2). */
  readonly agenciesRobbed?: 1 | 2;
  /** The thief's text for Bob. */
  readonly forgedText?: string;
}

/** The thief's text, unless the learner gives one. */
const MITIGATION_FORGED_TEXT = 'Change of plan: send the files to this address instead';

/** What the thief holds: HPKE secret keys, threshold shares, or access to the logged service. */
interface ThiefHold {
  readonly stolen: string;
  readonly hpkeSecrets: readonly Uint8Array[];
  readonly shares: readonly { index: number; scalar: Uint8Array }[];
}

function thiefHold(world: MitigationWorld, options: MitigationOptions): ThiefHold {
  const { keys } = world;
  switch (world.mitigation) {
    case 'rotation': {
      const alive = [...keys.lifetime].filter(
        ([, l]) => l.from <= MITIGATION_THEFT_AT && MITIGATION_THEFT_AT < l.until,
      );
      return {
        stolen: `the day keys still held at the theft (${alive.map(([id]) => `day ${Number(id.slice(4)) + 1}`).join(' and ')}); older ones were deleted`,
        hpkeSecrets: alive.map(([id]) => keys.hpke.get(id)!.secretKey),
        shares: [],
      };
    }
    case 'per-user':
      return { stolen: "Bob's escrow key", hpkeSecrets: [keys.hpke.get('user-bob')!.secretKey], shares: [] };
    case 'threshold': {
      const robbed = options.agenciesRobbed ?? 1;
      return {
        stolen: robbed === 1 ? "one agency's share of a 2-of-3 key" : "two agencies' shares of a 2-of-3 key",
        hpkeSecrets: [],
        shares: keys.threshold!.shares.slice(0, robbed),
      };
    }
    case 'public-log':
      return {
        stolen: "an insider's use of the authority's logged opening service",
        hpkeSecrets: [keys.hpke.get('global')!.secretKey],
        shares: [],
      };
    default:
      return { stolen: 'the one global escrow key', hpkeSecrets: [keys.hpke.get('global')!.secretKey], shares: [] };
  }
}

/** The escrowed key the thief recovers for `message`, by trying everything it holds; null if none opens. */
function thiefEscrowedKey(world: MitigationWorld, hold: ThiefHold, message: MitigatedMessage): Uint8Array | null {
  for (const copy of message.escrow) {
    if (copy.kind === 'hpke') {
      for (const secret of hold.hpkeSecrets) {
        const key = openHpkeCopy(message, copy, secret);
        if (key && readBody(message, key) !== null) return key;
      }
    } else if (hold.shares.length > 0) {
      const partials = hold.shares.map((s) => partialDecrypt(s, copy.ephemeral));
      const kemKey = combinePartials(partials, copy.ephemeral, world.keys.threshold!.publicKey);
      const key = unwrapThresholdCopy(message, copy, kemKey);
      if (key && readBody(message, key) !== null) return key;
    }
  }
  return null;
}

function forge(world: MitigationWorld, keys: readonly (Uint8Array | null)[], text: string): MitigationForgery {
  const toBob = world.messages.filter((m) => m.header.sender === 'alice' && m.header.recipient === 'bob');
  const target = [...toBob].reverse().find((m) => keys[m.seq]) ?? toBob[toBob.length - 1]!;
  const key = keys[target.seq] ?? null;
  const headerBytes = encodeHeader(target.header);
  // With the escrowed key the thief re-seals; without one it can only seal under a key of its own.
  const body = sealMessage(target.header, headerBytes, key ?? new Uint8Array(32).fill(7), utf8ToBytes(text));
  const verdict = recipientReceives(world, { ...target, body });
  const how = key
    ? 'resealed under the key from the escrow field'
    : 'no escrowed key opened: sealed under a key of its own';
  return verdict.accepted
    ? { targetSeq: target.seq, text, accepted: true, detail: `${how}; Bob's client accepted it as Alice's` }
    : { targetSeq: target.seq, text, accepted: false, detail: `${how}; Bob's client refused it: ${verdict.reason}` };
}

/** Runs the theft against one design: generate, steal, decrypt everything, forge, (log). */
export function runMitigation(
  mitigation: MitigationId,
  random: RandomSource,
  options: MitigationOptions = {},
): MitigationReport {
  const world = generateMitigationWorld(mitigation, random);
  const hold = thiefHold(world, options);
  let log: EscrowLogEntry[] = [];
  if (mitigation === 'public-log') {
    // Before the theft the authority opened two of Bob's messages under a warrant: logged, as the law requires.
    for (const m of world.messages.filter((x) => x.header.recipient === 'bob').slice(0, 2))
      log = appendToLog(log, {
        messageSeq: m.seq,
        conversationId: m.header.conversationId,
        openedAt: m.header.sentAt + 60,
        requester: 'Escrow authority',
        warrantId: 'W-2041',
      });
  }
  const keys = world.messages.map((m) => {
    if (mitigation === 'public-log')
      // The service writes the entry first and only then opens: an opening it does not log does not happen.
      log = appendToLog(log, {
        messageSeq: m.seq,
        conversationId: m.header.conversationId,
        openedAt: MITIGATION_THEFT_AT,
        requester: 'insider account ops-7',
        warrantId: null,
      });
    return thiefEscrowedKey(world, hold, m);
  });
  const messages = world.messages.map((m, i): MessageExposure => ({
    seq: m.seq,
    conversationId: m.header.conversationId,
    sender: m.header.sender,
    recipient: m.header.recipient,
    sentAt: m.header.sentAt,
    text: keys[i] ? readBody(m, keys[i]) : null,
  }));
  const tally = (list: readonly MessageExposure[]) => ({
    opened: list.filter((m) => m.text !== null).length,
    total: list.length,
  });
  const conversationIds = [...new Set(messages.map((m) => m.conversationId))];
  return {
    mitigation,
    stolen: hold.stolen,
    ...tally(messages),
    before: tally(messages.filter((m) => m.sentAt < MITIGATION_THEFT_AT)),
    after: tally(messages.filter((m) => m.sentAt >= MITIGATION_THEFT_AT)),
    conversations: conversationIds.map((c) => ({
      conversationId: c,
      ...tally(messages.filter((m) => m.conversationId === c)),
    })),
    messages,
    forgery: forge(world, keys, options.forgedText ?? MITIGATION_FORGED_TEXT),
    log:
      mitigation === 'public-log'
        ? {
            entries: log,
            intact: firstBrokenEntry(log) === null,
            withoutWarrant: log.filter((e) => e.warrantId === null).length,
          }
        : null,
  };
}
