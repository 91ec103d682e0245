/**
 * Running the attack: real decryption of every captured envelope with whatever keys the loot
 * yields. For each envelope it gathers the traffic keys the attacker can actually derive, tries each
 * against the AEAD tag, and reports one outcome:
 *
 * - `opened`: a key verified the tag; the plaintext and which key did it.
 * - `tag-failed`: the attacker had a key to try and the tag refused every one (a tampered envelope,
 *   a bogus escrow blob, a damaged key).
 * - `no-key`: nothing in the loot applies to this envelope.
 * - `outside-warrant`: the authority's software refused to try (only with a warrant).
 *
 * Where keys come from:
 * - A stolen phone in static mode: the identity secret gives the conversation key of every one of
 *   the victim's conversations (static-session.ts).
 * - A stolen phone in ratchet mode: the chains the phone held, followed forward (ratchet-eavesdropper.ts);
 *   with escrow also the phone's current escrow wrap chain for its own outgoing messages.
 * - An escrow secret key: per epoch one HPKE open (cached, or done ahead of the run with the
 *   platform's X25519, escrow-epochs-ahead.ts), then the wrap chain and one unwrap per message
 *   (escrow-epoch.ts).
 * - Static mode only: a conversation key learned from any escrowed envelope opens every envelope of
 *   that conversation, including ones sent before escrow was switched on. A second pass retries
 *   those, so the outcome list may update an earlier envelope (key outcomes by `seq`).
 *
 * The work is chunked: {@link decryptCaptureInChunks} is a generator a Web Worker can drive, posting
 * each progress value (plain data) and stopping when `signal.aborted` turns true.
 * @module
 */
import { bytesToUtf8 } from '@/lib/crypto/bytes';
import { AeadOpenError } from '@/lib/crypto/aead';
import { publicKeyFromSecret } from '@/lib/crypto/x25519';
import type { Capture, Loot } from './capability';
import type { DeviceSnapshot } from './device-snapshot';
import { countOutcomes, type EnvelopeOutcome, type KeyProvenance, type OutcomeCounts } from './decryption-outcome';
import type { Envelope } from './envelope';
import { encodeHeader, type EnvelopeHeader } from './envelope-header';
import {
  escrowWrapKeyAt,
  openEscrowEpoch,
  startEscrowChain,
  unwrapTrafficKey,
  type EscrowChainCursor,
} from './escrow-epoch';
import { escrowEpochKeyId, type OpenedEscrowEpochs } from './escrow-epochs-ahead';
import { identityPublicKeyOf } from './key-directory';
import { openMessage } from './message-encryption';
import { eavesdropStep, eavesdropperFromState, type RatchetEavesdropperState } from './ratchet-eavesdropper';
import { deriveStaticConversationKey } from './static-session';
import { warrantCovers, type Warrant } from './warrant';

/** Options for a decryption run. */
export interface DecryptOptions {
  /** The authority's software: refuse every envelope the warrant does not cover. Omit for a thief. */
  readonly warrant?: Warrant;
  /** Envelopes per progress report (default 500). */
  readonly chunkSize?: number;
  /** Checked between chunks; an AbortSignal works, as does any `{ aborted: boolean }`. */
  readonly signal?: { readonly aborted: boolean };
  /** Escrow epochs already opened (escrow-epochs-ahead.ts); the others are opened as they come. */
  readonly openedEpochs?: OpenedEscrowEpochs;
}

/** One progress report: the outcomes decided (or revised, in the retry phase) since the last report. */
export interface DecryptProgress {
  readonly phase: 'decrypt' | 'retry-with-recovered-keys';
  readonly done: number;
  readonly total: number;
  readonly outcomes: readonly EnvelopeOutcome[];
}

/** The finished (or cancelled) run: one outcome per captured envelope, in capture order. */
export interface DecryptionReport {
  readonly outcomes: readonly EnvelopeOutcome[];
  readonly counts: OutcomeCounts;
  readonly cancelled: boolean;
}

interface Candidate {
  readonly key: Uint8Array;
  readonly provenance: KeyProvenance;
  /** Run when this key opens the envelope (commits the ratchet follower's state). */
  readonly onOpened?: () => void;
}

/**
 * One opened (or unopenable) escrow epoch. `provenance` is shared by every outcome of the epoch:
 * outcomes are read-only, and a structured clone (the report crossing to the page) then carries
 * it once rather than once per message.
 */
type EpochCacheEntry =
  | { readonly root: Uint8Array; cursor: EscrowChainCursor; readonly provenance: KeyProvenance }
  | { readonly failed: true; readonly provenance: KeyProvenance };

/** Mutable working state of one run; lives inside the generator only (never posted). */
class DecryptionRun {
  private readonly epochKeys = new Map<string, EpochCacheEntry>();
  private readonly staticKeys = new Map<string, Uint8Array>();
  private readonly followers = new Map<string, RatchetEavesdropperState>();
  private readonly deviceEscrowChains = new Map<string, { epoch: number; cursor: EscrowChainCursor }>();
  /** Each stolen escrow key's public half, computed once rather than inside every HPKE open. */
  private readonly escrowPublicKeys = new Map<Uint8Array, Uint8Array>();
  /** Static mode: conversation keys learned from escrowed envelopes, with the seq they came from. */
  readonly recoveredConversationKeys = new Map<string, { key: Uint8Array; seq: number }>();

  constructor(
    private readonly capture: Capture,
    private readonly loot: Loot,
    private readonly openedEpochs?: OpenedEscrowEpochs,
  ) {
    for (const device of loot.devices) {
      for (const [conversationId, state] of Object.entries(device.conversations)) {
        if (device.mode === 'ratchet') {
          this.followers.set(
            `${device.participantId}|${conversationId}`,
            eavesdropperFromState(device.participantId, device.identity.secretKey, device.takenAt, state),
          );
        }
        if (state.escrowEpoch) {
          this.deviceEscrowChains.set(`${device.participantId}|${conversationId}`, {
            epoch: state.escrowEpoch.blob.header.epoch,
            cursor: state.escrowEpoch.cursor,
          });
        }
      }
    }
  }

  private deviceCandidates(
    device: DeviceSnapshot,
    envelope: Envelope,
    headerBytes: Uint8Array,
    out: Candidate[],
  ): void {
    const h = envelope.header;
    const victim = device.participantId;
    const peer = h.sender === victim ? h.recipient : h.sender;
    const takenAt = device.takenAt;
    if (h.mode === 'static') {
      const cacheKey = `${victim}|${h.conversationId}`;
      let key = this.staticKeys.get(cacheKey);
      if (!key) {
        key = deriveStaticConversationKey(
          device.identity.secretKey,
          identityPublicKeyOf(this.capture.directory, peer),
          h.conversationId,
        );
        this.staticKeys.set(cacheKey, key);
      }
      out.push({ key, provenance: { kind: 'device-static-key', participant: victim, takenAt } });
    } else {
      const followerKey = `${victim}|${h.conversationId}`;
      const follower = this.followers.get(followerKey);
      if (follower) {
        const step = eavesdropStep(follower, h, identityPublicKeyOf(this.capture.directory, peer));
        if (step.messageKey) {
          out.push({
            key: step.messageKey,
            provenance: { kind: 'device-ratchet-chain', participant: victim, takenAt },
            onOpened: () => this.followers.set(followerKey, step.next),
          });
        } else {
          this.followers.set(followerKey, step.next); // record what the thief lost track of
        }
      }
    }
    // The phone's own escrow wrap chain opens the wraps of its later outgoing messages in the epoch.
    const chain = this.deviceEscrowChains.get(`${victim}|${h.conversationId}`);
    if (chain && envelope.escrow && h.sender === victim && h.escrow?.epoch === chain.epoch) {
      const position = h.counter - envelope.escrow.epochBlob.header.firstCounter;
      if (position >= chain.cursor.position) {
        const { wrapKey, next } = escrowWrapKeyAt(chain.cursor, position);
        chain.cursor = next;
        const key = tryUnwrap(wrapKey, h.counter, headerBytes, envelope.escrow.wrappedKey);
        const provenance: KeyProvenance = {
          kind: 'device-escrow-chain',
          participant: victim,
          takenAt,
          epoch: chain.epoch,
        };
        out.push({ key: key ?? BAD_KEY, provenance });
      }
    }
  }

  private escrowCandidates(envelope: Envelope, headerBytes: Uint8Array, out: Candidate[]): void {
    const escrow = envelope.escrow;
    const h = envelope.header;
    if (!escrow || !h.escrow) return;
    const epochHeader = escrow.epochBlob.header;
    // The blob must belong to this header; a blob replayed from another conversation is not trusted.
    const belongs =
      epochHeader.conversationId === h.conversationId &&
      epochHeader.sender === h.sender &&
      epochHeader.recipient === h.recipient &&
      epochHeader.epoch === h.escrow.epoch;
    for (const stolen of this.loot.escrowKeys) {
      if (!escrow.epochBlob.seals.some((s) => s.authorityId === stolen.authorityId)) continue;
      if (!belongs) {
        out.push({
          key: BAD_KEY,
          provenance: { kind: 'escrow-key', authorityId: stolen.authorityId, epoch: h.escrow.epoch },
        });
        continue;
      }
      const cacheKey = escrowEpochKeyId(stolen.authorityId, h, h.escrow.epoch);
      let entry = this.epochKeys.get(cacheKey);
      if (!entry) {
        const provenance: KeyProvenance = {
          kind: 'escrow-key',
          authorityId: stolen.authorityId,
          epoch: h.escrow.epoch,
        };
        const ahead = this.openedEpochs?.get(cacheKey);
        if (ahead !== undefined) {
          entry = ahead ? { root: ahead, cursor: startEscrowChain(ahead), provenance } : { failed: true, provenance };
        } else
          try {
            let publicKey = this.escrowPublicKeys.get(stolen.secretKey);
            if (!publicKey)
              this.escrowPublicKeys.set(stolen.secretKey, (publicKey = publicKeyFromSecret(stolen.secretKey)));
            const root = openEscrowEpoch(escrow.epochBlob, stolen.authorityId, stolen.secretKey, publicKey);
            entry = { root, cursor: startEscrowChain(root), provenance };
          } catch {
            entry = { failed: true, provenance };
          }
        this.epochKeys.set(cacheKey, entry);
      }
      const provenance = entry.provenance;
      if ('failed' in entry) {
        out.push({ key: BAD_KEY, provenance });
        continue;
      }
      const position = h.counter - epochHeader.firstCounter;
      if (position < 0) {
        out.push({ key: BAD_KEY, provenance });
        continue;
      }
      // The authority holds the epoch root, so it can also go back (unlike the phone).
      const from = position >= entry.cursor.position ? entry.cursor : startEscrowChain(entry.root);
      const { wrapKey, next } = escrowWrapKeyAt(from, position);
      if (position >= entry.cursor.position) entry.cursor = next;
      out.push({ key: tryUnwrap(wrapKey, h.counter, headerBytes, escrow.wrappedKey) ?? BAD_KEY, provenance });
    }
  }

  /** Decides one envelope. */
  decide(seq: number, envelope: Envelope, warrant: Warrant | undefined): EnvelopeOutcome {
    const h = envelope.header;
    if (warrant && !warrantCovers(warrant, h)) return { seq, kind: 'outside-warrant' };
    const headerBytes = encodeHeader(h);
    const candidates: Candidate[] = [];
    for (const device of this.loot.devices) {
      if (device.participantId === h.sender || device.participantId === h.recipient)
        this.deviceCandidates(device, envelope, headerBytes, candidates);
    }
    this.escrowCandidates(envelope, headerBytes, candidates);
    if (h.mode === 'static') {
      const recovered = this.recoveredConversationKeys.get(h.conversationId);
      if (recovered) {
        candidates.push({
          key: recovered.key,
          provenance: {
            kind: 'conversation-key-from-escrow',
            conversationId: h.conversationId,
            learnedFromSeq: recovered.seq,
          },
        });
      }
    }
    return this.tryCandidates(seq, envelope, h, headerBytes, candidates);
  }

  /** Static mode, second pass: retries an envelope with a conversation key learned later in the capture. */
  retry(seq: number, envelope: Envelope): EnvelopeOutcome | null {
    const h = envelope.header;
    const recovered = h.mode === 'static' ? this.recoveredConversationKeys.get(h.conversationId) : undefined;
    if (!recovered) return null;
    const headerBytes = encodeHeader(h);
    const outcome = this.tryCandidates(seq, envelope, h, headerBytes, [
      {
        key: recovered.key,
        provenance: {
          kind: 'conversation-key-from-escrow',
          conversationId: h.conversationId,
          learnedFromSeq: recovered.seq,
        },
      },
    ]);
    return outcome.kind === 'opened' ? outcome : null;
  }

  private tryCandidates(
    seq: number,
    envelope: Envelope,
    h: EnvelopeHeader,
    headerBytes: Uint8Array,
    candidates: readonly Candidate[],
  ): EnvelopeOutcome {
    if (candidates.length === 0) return { seq, kind: 'no-key' };
    const tried: KeyProvenance[] = [];
    for (const c of candidates) {
      tried.push(c.provenance);
      if (c.key === BAD_KEY) continue;
      let plaintext: Uint8Array;
      try {
        plaintext = openMessage(h, headerBytes, c.key, envelope.ciphertext);
      } catch (e) {
        if (e instanceof AeadOpenError) continue;
        throw e;
      }
      c.onOpened?.();
      if (
        h.mode === 'static' &&
        c.provenance.kind === 'escrow-key' &&
        !this.recoveredConversationKeys.has(h.conversationId)
      ) {
        this.recoveredConversationKeys.set(h.conversationId, { key: c.key, seq });
      }
      return { seq, kind: 'opened', plaintext: bytesToUtf8(plaintext), openedWith: c.provenance };
    }
    return { seq, kind: 'tag-failed', triedWith: tried };
  }
}

/** A placeholder for "the attacker tried, but the wrap or seal already refused": never opens anything. */
const BAD_KEY = new Uint8Array(0);

function tryUnwrap(
  wrapKey: Uint8Array,
  counter: number,
  headerBytes: Uint8Array,
  wrapped: Uint8Array,
): Uint8Array | null {
  try {
    const key = unwrapTrafficKey(wrapKey, counter, headerBytes, wrapped);
    return key.length === 32 ? key : null;
  } catch (e) {
    if (e instanceof AeadOpenError) return null;
    throw e;
  }
}

/**
 * Decrypts a capture in chunks. Yields a {@link DecryptProgress} after every `chunkSize` envelopes
 * (and after the retry pass); returns the {@link DecryptionReport}. If `signal.aborted` is true
 * between chunks, stops and returns what it has with `cancelled: true` (undecided envelopes are
 * left out of `outcomes`).
 */
export function* decryptCaptureInChunks(
  capture: Capture,
  loot: Loot,
  options: DecryptOptions = {},
): Generator<DecryptProgress, DecryptionReport, void> {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 500));
  const records = capture.records;
  const run = new DecryptionRun(capture, loot, options.openedEpochs);
  const outcomes: EnvelopeOutcome[] = [];
  for (let start = 0; start < records.length; start += chunkSize) {
    if (options.signal?.aborted) return { outcomes, counts: countOutcomes(outcomes), cancelled: true };
    const end = Math.min(records.length, start + chunkSize);
    const chunk: EnvelopeOutcome[] = [];
    for (let i = start; i < end; i++) {
      const record = records[i]!;
      const outcome = run.decide(record.seq, record.envelope, options.warrant);
      outcomes.push(outcome);
      chunk.push(outcome);
    }
    yield { phase: 'decrypt', done: end, total: records.length, outcomes: chunk };
  }
  if (run.recoveredConversationKeys.size > 0) {
    if (options.signal?.aborted) return { outcomes, counts: countOutcomes(outcomes), cancelled: true };
    const revised: EnvelopeOutcome[] = [];
    outcomes.forEach((o, i) => {
      if (o.kind !== 'no-key' && o.kind !== 'tag-failed') return;
      const better = run.retry(o.seq, records[i]!.envelope);
      if (better) {
        outcomes[i] = better;
        revised.push(better);
      }
    });
    yield { phase: 'retry-with-recovered-keys', done: records.length, total: records.length, outcomes: revised };
  }
  return { outcomes, counts: countOutcomes(outcomes), cancelled: false };
}

/** Runs {@link decryptCaptureInChunks} to the end in one go (tests, Node, small captures). */
export function decryptCapture(capture: Capture, loot: Loot, options: DecryptOptions = {}): DecryptionReport {
  const steps = decryptCaptureInChunks(capture, loot, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
