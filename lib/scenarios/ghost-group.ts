/**
 * The "ghost user" (Levy and Robinson, GCHQ, Lawfare, November 2018): in a group chat where the
 * sender's client encrypts each message once and wraps the message key to every member on the
 * roster the server supplies (client fan-out), the provider can add a member of its own and hold
 * back the notice that would say so. Nothing is broken: the ghost is simply one more recipient.
 *
 * Defences modelled, each computed:
 * - the group's safety number, a fingerprint of the roster the client encrypts to, changes;
 * - signed membership: a roster change counts only if a current member signed it (Ed25519, RFC
 *   8032; the idea of MLS commits, RFC 9420, much simplified): the server, which is no member,
 *   cannot add anyone alone.
 * The ghost's key pair can be held by the authority or by a thief who took over the provider's
 * ghost-adding capability: the code path is the same.
 * @module
 */
import { open as aeadOpen, seal as aeadSeal } from '@/lib/crypto/aead';
import { bytesToHex, concatBytes, i2osp, utf8ToBytes } from '@/lib/crypto/bytes';
import { generateSigningKeyPair, sign, verify, type Ed25519KeyPair } from '@/lib/crypto/ed25519';
import { generateHpkeKeyPair, openBase, sealBase, type HpkeKeyPair } from '@/lib/crypto/hpke';
import type { RandomSource } from '@/lib/crypto/random';
import { sha256 } from '@/lib/crypto/sha256';

/** Who the ghost works for. */
export type GhostHolder = 'authority' | 'thief';

/** A member as the roster lists it: public keys only. */
export interface RosterEntry {
  readonly id: string;
  readonly name: string;
  readonly encryptionKey: Uint8Array;
  readonly signingKey: Uint8Array;
}

/** A member's own keys (secrets stay with the member). */
interface MemberKeys {
  readonly entry: RosterEntry;
  readonly hpke: HpkeKeyPair;
  readonly signing: Ed25519KeyPair;
}

/** A proposed roster, signed (or not) by someone. */
export interface RosterChange {
  readonly epoch: number;
  readonly roster: readonly RosterEntry[];
  readonly signerKey: Uint8Array | null;
  readonly signature: Uint8Array | null;
}

/** What the members' clients did with a roster change. */
export interface RosterDecision {
  readonly accepted: boolean;
  readonly reason: string;
}

/** One group message on the wire: the body once, the key wrapped to each recipient. */
export interface GroupMessage {
  readonly epoch: number;
  readonly body: Uint8Array;
  readonly wrapped: readonly { readonly to: string; readonly enc: Uint8Array; readonly ciphertext: Uint8Array }[];
}

/** The scene's result. */
export interface GhostScene {
  readonly holder: GhostHolder;
  readonly signedMembership: boolean;
  readonly rosterBefore: readonly string[];
  /** The roster Alice's client encrypted to. */
  readonly rosterUsed: readonly string[];
  readonly addition: RosterDecision;
  /** Join notices the members' apps showed. */
  readonly notices: readonly string[];
  readonly safetyNumberBefore: string;
  readonly safetyNumberAfter: string;
  readonly message: GroupMessage;
  /** What each party decrypted: the text, or null. */
  readonly reads: readonly { readonly id: string; readonly text: string | null }[];
}

const GROUP_ID = 'friday-plans';
const WRAP_INFO = utf8ToBytes(`backdoor-lab group v1|${GROUP_ID}`);
const COMMIT_LABEL = utf8ToBytes(`backdoor-lab group commit v1|${GROUP_ID}`);
const BODY_NONCE = new Uint8Array(12);

function member(id: string, name: string, random: RandomSource): MemberKeys {
  const hpke = generateHpkeKeyPair(random);
  const signing = generateSigningKeyPair(random);
  return { entry: { id, name, encryptionKey: hpke.publicKey, signingKey: signing.publicKey }, hpke, signing };
}

/** SHA-256 over the roster's ids and keys, in roster order. */
function rosterHash(roster: readonly RosterEntry[]): Uint8Array {
  return sha256(...roster.flatMap((m) => [utf8ToBytes(m.id), m.encryptionKey, m.signingKey]));
}

/** The group's safety number: the roster hash as 12 groups of 5 digits (as Signal shows its numbers). */
function safetyNumber(roster: readonly RosterEntry[]): string {
  const h = rosterHash(roster);
  const groups: string[] = [];
  for (let i = 0; i < 12; i++) {
    const n = ((h[2 * i]! << 16) | (h[2 * i + 1]! << 8) | h[24 + (i % 8)]!) % 100000;
    groups.push(String(n).padStart(5, '0'));
  }
  return groups.join(' ');
}

function commitBytes(epoch: number, roster: readonly RosterEntry[]): Uint8Array {
  return concatBytes(COMMIT_LABEL, i2osp(epoch, 4), rosterHash(roster));
}

/** A roster change signed with `signer`'s key (a member adding someone), or unsigned (null). */
function proposeRoster(epoch: number, roster: readonly RosterEntry[], signer: Ed25519KeyPair | null): RosterChange {
  return {
    epoch,
    roster,
    signerKey: signer?.publicKey ?? null,
    signature: signer ? sign(commitBytes(epoch, roster), signer.secretKey) : null,
  };
}

/**
 * A member's client deciding on a roster change. Without signed membership it takes whatever the
 * server sends. With it, the change must be signed by someone on the *current* roster.
 */
function decideRosterChange(
  current: readonly RosterEntry[],
  change: RosterChange,
  signedMembership: boolean,
): RosterDecision {
  if (!signedMembership) return { accepted: true, reason: 'the client takes the roster the server supplies' };
  if (!change.signature || !change.signerKey)
    return { accepted: false, reason: 'the change carries no member’s signature' };
  const signer = current.find((m) => bytesToHex(m.signingKey) === bytesToHex(change.signerKey!));
  if (!signer) return { accepted: false, reason: 'the change is signed by someone who is not a member' };
  if (!verify(change.signature, commitBytes(change.epoch, change.roster), signer.signingKey))
    return { accepted: false, reason: `${signer.name}’s signature does not verify` };
  return { accepted: true, reason: `signed by ${signer.name}, a member` };
}

/** Alice's client sends `text`: one body, the key HPKE-wrapped to each roster entry. */
function sendToGroup(roster: readonly RosterEntry[], epoch: number, text: string, random: RandomSource): GroupMessage {
  const messageKey = random.bytes(32);
  const aad = i2osp(epoch, 4);
  const body = aeadSeal({
    algorithm: 'chacha20-poly1305',
    key: messageKey,
    nonce: BODY_NONCE,
    plaintext: utf8ToBytes(text),
    aad,
  });
  const wrapped = roster.map((m) => {
    const sealed = sealBase(m.encryptionKey, WRAP_INFO, aad, messageKey, { random }).result;
    return { to: m.id, enc: sealed.enc, ciphertext: sealed.ciphertext };
  });
  return { epoch, body, wrapped };
}

/** What the holder of `keys` reads of `message`: null when nothing is wrapped to it. */
function readGroupMessage(keys: MemberKeys, message: GroupMessage): string | null {
  const aad = i2osp(message.epoch, 4);
  const mine = message.wrapped.find((w) => w.to === keys.entry.id);
  if (!mine) return null;
  const messageKey = openBase({ enc: mine.enc, ciphertext: mine.ciphertext }, keys.hpke.secretKey, WRAP_INFO, aad);
  return new TextDecoder().decode(
    aeadOpen({ algorithm: 'chacha20-poly1305', key: messageKey, nonce: BODY_NONCE, sealed: message.body, aad }),
  );
}

/**
 * The scene: Alice, Bob and Carol in a group; the server adds a ghost (for the authority, or for a
 * thief holding the provider's capability) with no join notice; Alice sends `text`.
 */
export function runGhostScene(
  options: { readonly signedMembership: boolean; readonly holder: GhostHolder; readonly text: string },
  random: RandomSource,
): GhostScene {
  if (options.text.trim().length === 0) throw new RangeError('Type a message for Alice to send to the group.');
  const members = [member('alice', 'Alice', random), member('bob', 'Bob', random), member('carol', 'Carol', random)];
  const ghost =
    options.holder === 'authority'
      ? member('ghost', 'Ghost (law enforcement)', random)
      : member('ghost', 'Ghost (thief)', random);
  const provider = generateSigningKeyPair(random);
  const before = members.map((m) => m.entry);
  // The provider has no member's signing key; the best it can do is sign with its own.
  const change = proposeRoster(1, [...before, ghost.entry], provider);
  const addition = decideRosterChange(before, change, options.signedMembership);
  const rosterUsed = addition.accepted ? change.roster : before;
  const message = sendToGroup(rosterUsed, addition.accepted ? 1 : 0, options.text, random);
  return {
    holder: options.holder,
    signedMembership: options.signedMembership,
    rosterBefore: before.map((m) => m.id),
    rosterUsed: rosterUsed.map((m) => m.id),
    addition,
    // Silent: the server suppressed the join notice, so the apps show none either way.
    notices: [],
    safetyNumberBefore: safetyNumber(before),
    safetyNumberAfter: safetyNumber(rosterUsed),
    message,
    reads: [...members, ghost].map((k) => ({ id: k.entry.id, text: readGroupMessage(k, message) })),
  };
}

/** Alice (a member) adds Dave with her signature: the check accepts it, so it is not a blanket refusal. */
export function memberAddsSomeone(random: RandomSource): RosterDecision {
  const alice = member('alice', 'Alice', random);
  const bob = member('bob', 'Bob', random);
  const dave = member('dave', 'Dave', random);
  const before = [alice.entry, bob.entry];
  return decideRosterChange(before, proposeRoster(1, [...before, dave.entry], alice.signing), true);
}
